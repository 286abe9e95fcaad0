// Letters written as pen strokes, for the not-digit images: glyphs of the Hershey single-stroke fonts
// (npm hersheytext, indexed from "!": a sans, a script and a cursive), a source of letter shapes apart
// from the real-world sets' own (tools/realworld/shapes.ts). Letters that people's digits can look like
// (O, D, Q, I, l, S, Z, B, G, a, b, g, q, y, ...) are left out: the network must not learn that a round 0
// or a straight 1 is not a digit.
import type { ImageLike } from '../../src/index.js';
import { glyphStrokes } from '../realworld/fonts.js';
import { coverImage, drawStrokes } from '../realworld/raster.js';
import type { Point, Stroke } from '../realworld/shapes.js';

const SIDE = 28;
const FONTS = ['futural', 'scripts', 'cursive'] as const;
const LETTERS = 'ACEFHKLMNPRTUVWXYehkmnrtuvwx';

let glyphs: Stroke[][] | undefined;

/**
 * One letter, 28 x 28 like notDigit's: a glyph fitted to a box 10-20 px high (its own aspect), slanted and
 * turned a little, placed near the middle, drawn 1.5-3.5 px wide (a large letter turned or slanted
 * may reach the border and be cut there, as one written at the edge of a box).
 */
export function letterShape(rand: () => number): ImageLike {
  glyphs ??= FONTS.flatMap((font) => [...LETTERS].map((c) => glyphStrokes(font, c)));
  const strokes = glyphs[Math.floor(rand() * glyphs.length)]!;
  const xs = strokes.flat().map((p) => p[0]);
  const ys = strokes.flat().map((p) => p[1]);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const size = 10 + rand() * 10;
  const scale = size / Math.max(x1 - x0, y1 - y0, 1);
  const [cx, cy] = [(x0 + x1) / 2, (y0 + y1) / 2];
  const angle = ((rand() - 0.5) * 24 * Math.PI) / 180;
  const shear = (rand() - 0.5) * 0.4;
  const [c, s] = [Math.cos(angle), Math.sin(angle)];
  const [ox, oy] = [14 + (rand() - 0.5) * 4, 14 + (rand() - 0.5) * 4];
  const placed = strokes.map((st) =>
    st.map(([x, y]) => {
      const u = (x - cx) * scale + shear * (y - cy) * scale;
      const v = (y - cy) * scale;
      return [ox + u * c - v * s, oy + u * s + v * c] as Point;
    }),
  );
  const cover = new Float32Array(SIDE * SIDE);
  drawStrokes(cover, SIDE, SIDE, placed, 1.5 + rand() * 2);
  return coverImage(cover, SIDE);
}
