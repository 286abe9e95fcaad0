// The real-world evaluation sets, made from seeds: digits drawn on the pad, digits photographed on
// paper, rows of digits on each, and things that are not digits. Validation and test draws come from
// different seeds, so choices made on one never see the other.
import type { ImageLike } from '../../src/index.js';
import { rng } from '../shared/rng.js';
import { fontDigitStyles } from './fonts.js';
import { bounds, randomHand, sampled, shift, write } from './hand.js';
import { photograph, type PhotoStress } from './paper.js';
import { drawStrokes } from './raster.js';
import { DIGIT_STYLES, NOT_DIGIT_STYLES, scribble, type Stroke, type Style } from './shapes.js';

export type SetName = 'pad' | 'paper' | 'pad-rows' | 'paper-rows' | 'pad-not-digits' | 'paper-not-digits' | 'pad-fonts' | 'paper-fonts';
/** The sets; the last two are digits in the Hershey fonts' shapes (fonts.ts), a check on shapes we did not draw. */
export const SET_NAMES: readonly SetName[] = ['pad', 'paper', 'pad-rows', 'paper-rows', 'pad-not-digits', 'paper-not-digits', 'pad-fonts', 'paper-fonts'];
export type Split = 'validation' | 'test';

export interface Sample {
  image: ImageLike;
  /** The digits written (one for a digit, 3-6 for a row), '' for a non-digit. */
  text: string;
  /** The style of each shape, e.g. '4/open' or 'not/A'. */
  styles: string[];
  /** Pad sets: the strokes as the pointer went (pad pixels) and the pad's line width, to replay on the real pad. */
  pen?: { strokes: Stroke[]; lineWidth: number; width: number; height: number };
}

const u = (rand: () => number, a: number, b: number) => a + (b - a) * rand();
const pick = <T>(rand: () => number, xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;

/** A digit's style: any of the ways people write it. */
function digitStyle(rand: () => number, digit: number): Style {
  return pick(rand, DIGIT_STYLES[digit]!);
}

function notDigitStyle(rand: () => number): Style {
  return rand() < 0.2 ? scribble(rand) : pick(rand, NOT_DIGIT_STYLES);
}

/** Shapes written side by side on a line, `height` px tall, starting at x; their strokes and right edge. */
function writeLine(rand: () => number, styles: Style[], height: number, x: number, baseline: number): { strokes: Stroke[]; right: number } {
  const strokes: Stroke[] = [];
  let right = x;
  const hand = randomHand(rand, height, 0, 0);
  for (const style of styles) {
    const h = height * u(rand, 0.85, 1.1);
    const s = write(style, { ...hand, height: h, rotate: hand.rotate + u(rand, -3, 3), cy: baseline - h / 2 }, rand);
    const [x0] = bounds(s);
    const gap = strokes.length ? height * u(rand, 0.08, 0.45) : 0;
    const placed = shift(s, right + gap - x0, 0);
    strokes.push(...placed);
    right = bounds(placed)[2];
  }
  return { strokes, right };
}

interface PadDrawing {
  image: ImageLike;
  pen: NonNullable<Sample['pen']>;
}

/** The pad's canvas as classifyImage gets it (RGBA, ink in the alpha channel), and the pen's path. */
function padImage(w: number, h: number, strokes: Stroke[], lw: number): PadDrawing {
  const cover = new Float32Array(w * h);
  drawStrokes(cover, w, h, strokes, lw);
  const data = new Uint8Array(w * h * 4);
  for (let i = 0; i < w * h; i++) data[i * 4 + 3] = Math.round(cover[i]! * 255);
  return { image: { data, width: w, height: h, channels: 4 }, pen: { strokes, lineWidth: lw, width: w, height: h } };
}

/** A line width for the pad: its default (a fifteenth of the pad) or any from 2 to 32 px. */
const padLine = (rand: () => number, side: number) => (rand() < 0.5 ? Math.max(2, side / 15) : u(rand, 2, 32));

/** One shape on a 280 x 280 pad: a quarter of the pad high to all of it, anywhere on it. */
function padShape(rand: () => number, style: Style): PadDrawing {
  const side = 280;
  const lw = padLine(rand, side);
  const height = side * u(rand, 0.25, 0.92);
  let strokes = write(style, randomHand(rand, height, 0, 0), rand);
  const [x0, y0, x1, y1] = bounds(strokes);
  const m = lw / 2 + 2;
  const room = (lo: number, hi: number) => Math.max(0, side - 2 * m - (hi - lo));
  strokes = shift(strokes, m - x0 + rand() * room(x0, x1), m - y0 + rand() * room(y0, y1));
  return padImage(side, side, sampled(strokes, u(rand, 2, 10)), lw);
}

/** A row on the demo's number-mode pad (840 x 280). */
function padRow(rand: () => number, styles: Style[]): PadDrawing {
  const [w, h] = [840, 280];
  const lw = padLine(rand, h);
  const height = h * u(rand, 0.35, 0.8);
  let { strokes } = writeLine(rand, styles, Math.min(height, (w * 0.9) / (styles.length * 0.85)), 0, 0);
  const [x0, y0, x1, y1] = bounds(strokes);
  const scale = Math.min(1, (w - lw - 8) / (x1 - x0), (h - lw - 8) / (y1 - y0));
  strokes = strokes.map((s) => s.map(([x, y]) => [(x - x0) * scale, (y - y0) * scale]));
  const [, , bx, by] = bounds(strokes);
  strokes = shift(strokes, lw / 2 + 4 + rand() * (w - bx - lw - 8), lw / 2 + 4 + rand() * (h - by - lw - 8));
  return padImage(w, h, sampled(strokes, u(rand, 2, 10)), lw);
}

/** Shapes on paper in a photo: the shapes fill 20-80% of the frame's height (a row: up to 90% of its width). */
function paperShapes(rand: () => number, styles: Style[], stress?: PhotoStress): ImageLike {
  const w = Math.round(u(rand, 320, 900));
  const h = Math.round(w * (rand() < 0.7 ? 0.75 : 1.33));
  let height = h * u(rand, 0.2, 0.8);
  // slant and wobble make the ink taller than the hand's height: keep it in the frame
  const trial = writeLine(rand, styles, height, 0, 0);
  const [tx0, , tx1] = bounds(trial.strokes);
  if (tx1 - tx0 > w * 0.9) height *= (w * 0.9) / (tx1 - tx0);
  const lw = Math.max(1.5, height * u(rand, 0.04, 0.14));
  const baseline = h / 2 + height / 2 + u(rand, -0.15, 0.15) * (h - height);
  const line = writeLine(rand, styles, height, 0, baseline);
  // the whole line in the frame, with a margin: made smaller (about its top-left corner) if it must
  const m = lw + 0.02 * h;
  let [x0, y0, x1, y1] = bounds(line.strokes);
  const fit = Math.min(1, (w - 2 * m) / (x1 - x0), (h - 2 * m) / (y1 - y0));
  const fitted = line.strokes.map((st) => st.map(([x, y]) => [x0 + (x - x0) * fit, y0 + (y - y0) * fit] as [number, number]));
  [x0, y0, x1, y1] = bounds(fitted);
  const dy = y0 < m ? m - y0 : y1 > h - m ? h - m - y1 : 0;
  const strokes = shift(fitted, m + (w - 2 * m - (x1 - x0)) * u(rand, 0.1, 0.9) - x0, dy);
  return photograph({ width: w, height: h, strokes, lineWidth: lw, shapeHeight: height, baseline }, rand, stress);
}

/** Blank paper, photographed. */
function blankPaper(rand: () => number, stress?: PhotoStress): ImageLike {
  const w = Math.round(u(rand, 320, 900));
  const h = Math.round(w * 0.75);
  return photograph({ width: w, height: h, strokes: [], lineWidth: 1, shapeHeight: h * u(rand, 0.2, 0.8), baseline: h * u(rand, 0.3, 0.8) }, rand, stress);
}

function seedOf(set: SetName, split: Split, i: number): number {
  return (SET_NAMES.indexOf(set) + 1) * 1_000_003 + (split === 'test' ? 500_000_009 : 0) + i * 7919;
}

/** Sample i of a set (the same on every run); its photos, if any, made harsher by `stress`. */
export function sample(set: SetName, split: Split, i: number, stress?: PhotoStress): Sample {
  const rand = rng(seedOf(set, split, i));
  const digits = (n: number) => Array.from({ length: n }, () => Math.floor(rand() * 10));
  switch (set) {
    case 'pad':
    case 'paper':
    case 'pad-fonts':
    case 'paper-fonts': {
      const d = i % 10;
      const style = set.endsWith('fonts') ? pick(rand, fontDigitStyles()[d]!) : digitStyle(rand, d);
      return { ...(set.startsWith('pad') ? padShape(rand, style) : { image: paperShapes(rand, [style], stress) }), text: String(d), styles: [`${d}/${style.name}`] };
    }
    case 'pad-rows':
    case 'paper-rows': {
      const ds = digits(3 + Math.floor(rand() * 4));
      const styles = ds.map((d) => digitStyle(rand, d));
      return { ...(set === 'pad-rows' ? padRow(rand, styles) : { image: paperShapes(rand, styles, stress) }), text: ds.join(''), styles: styles.map((s, k) => `${ds[k]}/${s.name}`) };
    }
    case 'pad-not-digits':
    case 'paper-not-digits': {
      if (set === 'paper-not-digits' && rand() < 0.1) return { image: blankPaper(rand, stress), text: '', styles: ['not/blank'] };
      const style = notDigitStyle(rand);
      return { ...(set === 'pad-not-digits' ? padShape(rand, style) : { image: paperShapes(rand, [style], stress) }), text: '', styles: [`not/${style.name}`] };
    }
  }
}
