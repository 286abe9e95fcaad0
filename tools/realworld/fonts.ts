// Digits in shapes we did not draw: the digit glyphs of the Hershey single-stroke fonts (npm hersheytext:
// sans, script, cursive and serif faces), as a check apart from our own styles (shapes.ts) and from what
// training sees (MNIST and the trainer's own styles). A glyph's strokes become a Style that the same hand
// (slant, wobble, size, place, pen) writes on the pad or on paper.
import { createRequire } from 'node:module';
import type { Stroke, Style } from './shapes.js';

/** The faces whose digits look like handwriting or print people copy; gothic, Greek and symbol faces left out. */
export const DIGIT_FONTS = ['futural', 'futuram', 'scripts', 'scriptc', 'cursive', 'timesr', 'timesi', 'timesrb', 'timesib'] as const;

type HersheyFonts = Record<string, { chars: { d: string }[] }>;
let fonts: HersheyFonts | undefined;
let styles: Style[][] | undefined;

/** A glyph's SVG path (M and L commands with x,y pairs) as strokes, in the font's units. */
export function pathStrokes(d: string): Stroke[] {
  const strokes: Stroke[] = [];
  for (const part of d.split('M').slice(1)) {
    const points = part.replace(/L/g, ' ').trim().split(/\s+/).map((p) => p.split(',').map(Number) as [number, number]);
    if (points.length >= 2 && points.every(([x, y]) => Number.isFinite(x) && Number.isFinite(y))) strokes.push(points);
  }
  return strokes;
}

/** The strokes of character `char` in a Hershey font (the fonts are indexed from "!"). */
export function glyphStrokes(font: string, char: string): Stroke[] {
  fonts ??= createRequire(import.meta.url)('hersheytext/hersheytext.json') as HersheyFonts;
  return pathStrokes(fonts[font]!.chars[char.charCodeAt(0) - '!'.charCodeAt(0)]!.d);
}

/** The glyph of `digit` in `font` as a Style: strokes in a unit box, y down, and its width over its height. */
function glyphStyle(font: string, digit: number): Style {
  const strokes = glyphStrokes(font, String(digit));
  const xs = strokes.flat().map((p) => p[0]);
  const ys = strokes.flat().map((p) => p[1]);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const [w, h] = [Math.max(x1 - x0, 1e-6), Math.max(y1 - y0, 1e-6)];
  return { name: font, aspect: w / h, strokes: strokes.map((s) => s.map(([x, y]) => [(x - x0) / w, (y - y0) / h])) };
}

/** For each digit, its glyph in each of DIGIT_FONTS. */
export function fontDigitStyles(): Style[][] {
  styles ??= Array.from({ length: 10 }, (_, d) => DIGIT_FONTS.map((font) => glyphStyle(font, d)));
  return styles;
}
