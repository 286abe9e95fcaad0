// A hand writing a shape: the style's strokes wobbled, slanted, rotated, stretched, sized and placed
// the way people do it on a pad or on paper, in pixel coordinates.
import type { Point, Stroke, Style } from './shapes.js';

export interface HandOptions {
  /** The shape's height in pixels. */
  height: number;
  /** Its centre, pixels. */
  cx: number;
  cy: number;
  /** Shear of x by height (positive: the top leans right). */
  slant: number;
  /** Rotation, degrees. */
  rotate: number;
  /** Multiplies the style's own width/height. */
  widthScale: number;
  /** Wobble amplitude, as a share of the height. */
  wobble: number;
}

/** Random hand settings: slants, aspects and wobbles as people write (drawn from rand). */
export function randomHand(rand: () => number, height: number, cx: number, cy: number): HandOptions {
  const u = (a: number, b: number) => a + (b - a) * rand();
  return {
    height,
    cx,
    cy,
    slant: rand() < 0.7 ? u(-0.1, 0.45) : u(-0.3, 0.1),
    rotate: u(-8, 8),
    widthScale: rand() < 0.25 ? u(0.45, 0.75) : u(0.75, 1.3),
    wobble: u(0.01, 0.05),
  };
}

/** The style's strokes as written by this hand, in pixels. */
export function write(style: Style, o: HandOptions, rand: () => number): Stroke[] {
  // a smooth displacement field: two low sinusoids per axis
  const waves = Array.from({ length: 4 }, () => ({ fx: 1 + 2 * rand(), fy: 1 + 2 * rand(), ph: 2 * Math.PI * rand(), amp: (rand() * 2 - 1) * o.wobble }));
  const wob = (x: number, y: number, k: number) => waves[k]!.amp * Math.sin(2 * Math.PI * (waves[k]!.fx * x + waves[k]!.fy * y) + waves[k]!.ph) + waves[k + 1]!.amp * Math.sin(2 * Math.PI * (waves[k + 1]!.fy * x - waves[k + 1]!.fx * y) + waves[k + 1]!.ph);
  const w = Math.max(0.08, style.aspect * o.widthScale);
  const th = (o.rotate * Math.PI) / 180;
  const [c, s] = [Math.cos(th), Math.sin(th)];
  return style.strokes.map((stroke) => {
    // each stroke of a multi-stroke shape lands a little off where it should
    const [ox, oy] = style.strokes.length > 1 ? [(rand() - 0.5) * 0.06, (rand() - 0.5) * 0.06] : [0, 0];
    return stroke.map(([x, y]): Point => {
      const px = x + wob(x, y, 0) + ox;
      const py = y + wob(x, y, 2) + oy;
      // unit box centred on 0, width w, height 1; slant; rotation; size; place
      const ux = (px - 0.5) * w + o.slant * (0.5 - py);
      const uy = py - 0.5;
      return [o.cx + (c * ux - s * uy) * o.height, o.cy + (s * ux + c * uy) * o.height];
    });
  });
}

/** The strokes' bounding box [x0, y0, x1, y1]. */
export function bounds(strokes: Stroke[]): [number, number, number, number] {
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const s of strokes) for (const [x, y] of s) {
    x0 = Math.min(x0, x);
    y0 = Math.min(y0, y);
    x1 = Math.max(x1, x);
    y1 = Math.max(y1, y);
  }
  return [x0, y0, x1, y1];
}

/** Moves strokes by (dx, dy). */
export function shift(strokes: Stroke[], dx: number, dy: number): Stroke[] {
  return strokes.map((s) => s.map(([x, y]): Point => [x + dx, y + dy]));
}

/** Keeps one point in `every` pixels of path (and the last): a mouse or finger reports points that far apart. */
export function sampled(strokes: Stroke[], every: number): Stroke[] {
  return strokes.map((s) => {
    const out: Stroke = [s[0]!];
    let run = 0;
    for (let i = 1; i < s.length; i++) {
      run += Math.hypot(s[i]![0] - s[i - 1]![0], s[i]![1] - s[i - 1]![1]);
      if (run >= every || i === s.length - 1) {
        out.push(s[i]!);
        run = 0;
      }
    }
    return out;
  });
}
