// Pen paths of digits as people write them (several styles each) and of things that are not digits
// (letters, symbols, boxes), in a unit box: x right, y down, both 0..1. These drive the real-world
// evaluation sets only; training never sees them (it sees MNIST).

export type Point = [number, number];
export type Stroke = Point[];
/** One way to write a shape: its strokes and the width of its box relative to its height. */
export interface Style {
  name: string;
  aspect: number;
  strokes: Stroke[];
}

/** An elliptic arc from angle a0 to a1 (degrees; 0 = right, 90 = down). */
function arc(cx: number, cy: number, rx: number, ry: number, a0: number, a1: number): Stroke {
  const n = Math.max(6, Math.ceil(Math.abs(a1 - a0) / 10));
  return Array.from({ length: n + 1 }, (_, i) => {
    const a = ((a0 + ((a1 - a0) * i) / n) * Math.PI) / 180;
    return [cx + rx * Math.cos(a), cy + ry * Math.sin(a)] as Point;
  });
}

/** A polyline through the points, each segment cut in pieces so that later distortions bend it. */
function poly(...pts: Point[]): Stroke {
  const out: Stroke = [pts[0]!];
  for (let i = 1; i < pts.length; i++) {
    const [x0, y0] = pts[i - 1]!;
    const [x1, y1] = pts[i]!;
    const n = Math.max(2, Math.ceil(Math.hypot(x1 - x0, y1 - y0) / 0.08));
    for (let k = 1; k <= n; k++) out.push([x0 + ((x1 - x0) * k) / n, y0 + ((y1 - y0) * k) / n]);
  }
  return out;
}

const join = (...parts: Stroke[]): Stroke => parts.flat();

/** A vertical figure eight through (0.5, 0.5), the bottom loop larger. */
function figureEight(): Stroke {
  const n = 72;
  return Array.from({ length: n + 1 }, (_, i) => {
    const t = 0.35 + (2 * Math.PI * i) / n;
    const y = Math.pow(0.5 - 0.5 * Math.cos(t), 0.85);
    return [0.5 + 0.5 * Math.sin(2 * t) * (y < 0.45 ? 0.8 : 1), y] as Point;
  });
}

export const DIGIT_STYLES: readonly (readonly Style[])[] = [
  [
    { name: 'oval', aspect: 0.72, strokes: [arc(0.5, 0.5, 0.5, 0.5, -90, 275)] },
    { name: 'oval-overlap', aspect: 0.62, strokes: [arc(0.5, 0.5, 0.5, 0.5, -60, 320)] },
    { name: 'narrow', aspect: 0.45, strokes: [arc(0.5, 0.5, 0.5, 0.5, -95, 265)] },
  ],
  [
    { name: 'stick', aspect: 0.12, strokes: [poly([0.5, 0], [0.5, 1])] },
    { name: 'flag', aspect: 0.4, strokes: [poly([0.05, 0.28], [0.7, 0], [0.7, 1])] },
    { name: 'flag-base', aspect: 0.55, strokes: [poly([0.1, 0.25], [0.55, 0], [0.55, 1]), poly([0.05, 1], [0.95, 1])] },
  ],
  [
    { name: 'curvy', aspect: 0.72, strokes: [join(arc(0.5, 0.3, 0.47, 0.3, 195, 380), poly([0.93, 0.4], [0.03, 1], [1, 0.98]))] },
    { name: 'z', aspect: 0.7, strokes: [poly([0.03, 0.04], [0.95, 0.02], [0.05, 1], [1, 0.98])] },
    { name: 'hook-loop', aspect: 0.7, strokes: [join(arc(0.5, 0.28, 0.45, 0.28, 170, 390), poly([0.9, 0.4], [0.12, 0.92]), arc(0.2, 0.88, 0.12, 0.1, 200, -90), poly([0.22, 0.8], [1, 0.96]))] },
  ],
  [
    { name: 'round', aspect: 0.65, strokes: [join(arc(0.45, 0.26, 0.45, 0.26, 200, 450), arc(0.47, 0.75, 0.5, 0.25, -90, 160))] },
    { name: 'flat-top', aspect: 0.65, strokes: [join(poly([0.05, 0.02], [0.95, 0.02], [0.42, 0.45]), arc(0.45, 0.72, 0.52, 0.28, -90, 160))] },
  ],
  [
    { name: 'closed', aspect: 0.75, strokes: [poly([0.72, 0], [0.02, 0.68], [1, 0.68]), poly([0.72, 0], [0.72, 1])] },
    { name: 'open', aspect: 0.72, strokes: [poly([0.12, 0], [0.06, 0.6], [1, 0.6]), poly([0.75, 0.08], [0.75, 1])] },
    { name: 'one-stroke', aspect: 0.7, strokes: [poly([0.5, 0], [0.02, 0.66], [0.95, 0.66], [0.72, 0.4], [0.72, 1])] },
  ],
  [
    { name: 'two-strokes', aspect: 0.68, strokes: [join(poly([0.18, 0.02], [0.1, 0.45]), arc(0.5, 0.7, 0.47, 0.28, -140, 150)), poly([0.18, 0.02], [0.95, 0.02])] },
    { name: 'one-stroke', aspect: 0.68, strokes: [join(poly([0.95, 0.02], [0.18, 0.02], [0.1, 0.45]), arc(0.5, 0.7, 0.47, 0.28, -140, 150))] },
  ],
  [
    { name: 'loop', aspect: 0.65, strokes: [join(arc(1.0, 0.72, 0.9, 0.72, 250, 180), arc(0.5, 0.72, 0.4, 0.27, 180, -180))] },
    { name: 'straight-back', aspect: 0.6, strokes: [join(poly([0.75, 0], [0.1, 0.65]), arc(0.5, 0.72, 0.4, 0.27, 150, -210))] },
  ],
  [
    { name: 'plain', aspect: 0.7, strokes: [poly([0, 0.02], [1, 0.02], [0.32, 1])] },
    { name: 'crossed', aspect: 0.7, strokes: [poly([0, 0.02], [1, 0.02], [0.35, 1]), poly([0.3, 0.52], [0.92, 0.5])] },
    { name: 'hook', aspect: 0.7, strokes: [poly([0, 0.18], [0.04, 0.02], [1, 0.02], [0.4, 1])] },
  ],
  [
    { name: 'figure', aspect: 0.6, strokes: [figureEight()] },
    { name: 'stacked', aspect: 0.6, strokes: [join(arc(0.5, 0.24, 0.36, 0.24, 90, 450), arc(0.5, 0.73, 0.5, 0.27, -90, 270))] },
  ],
  [
    { name: 'straight-tail', aspect: 0.62, strokes: [join(arc(0.5, 0.3, 0.48, 0.3, 0, -360), poly([0.98, 0.3], [0.92, 1]))] },
    { name: 'curved-tail', aspect: 0.62, strokes: [join(arc(0.5, 0.3, 0.48, 0.3, 10, -350), arc(0.35, 0.3, 0.63, 0.7, 0, 100))] },
    { name: 'stick-tail', aspect: 0.6, strokes: [arc(0.5, 0.3, 0.48, 0.3, 0, -360), poly([0.98, 0.05], [0.98, 1])] },
  ],
];

/** Letters, symbols and marks a digit reader must not take for a digit. */
export const NOT_DIGIT_STYLES: readonly Style[] = [
  { name: 'A', aspect: 0.8, strokes: [poly([0, 1], [0.5, 0], [1, 1]), poly([0.22, 0.6], [0.78, 0.6])] },
  { name: 'E', aspect: 0.65, strokes: [poly([1, 0], [0, 0], [0, 1], [1, 1]), poly([0, 0.5], [0.8, 0.5])] },
  { name: 'F', aspect: 0.6, strokes: [poly([1, 0], [0, 0], [0, 1]), poly([0, 0.48], [0.8, 0.48])] },
  { name: 'H', aspect: 0.75, strokes: [poly([0, 0], [0, 1]), poly([1, 0], [1, 1]), poly([0, 0.5], [1, 0.5])] },
  { name: 'K', aspect: 0.7, strokes: [poly([0, 0], [0, 1]), poly([1, 0], [0.02, 0.55], [1, 1])] },
  { name: 'M', aspect: 0.9, strokes: [poly([0, 1], [0.05, 0], [0.5, 0.7], [0.95, 0], [1, 1])] },
  { name: 'N', aspect: 0.75, strokes: [poly([0, 1], [0, 0], [1, 1], [1, 0])] },
  { name: 'R', aspect: 0.7, strokes: [join(poly([0, 1], [0, 0]), arc(0.45, 0.25, 0.5, 0.25, -90, 90), poly([0, 0.5], [1, 1]))] },
  { name: 'T', aspect: 0.8, strokes: [poly([0, 0], [1, 0]), poly([0.5, 0], [0.5, 1])] },
  { name: 'W', aspect: 1.1, strokes: [poly([0, 0], [0.25, 1], [0.5, 0.3], [0.75, 1], [1, 0])] },
  { name: 'X', aspect: 0.85, strokes: [poly([0, 0], [1, 1]), poly([1, 0], [0, 1])] },
  { name: 'Y', aspect: 0.8, strokes: [poly([0, 0], [0.5, 0.5], [1, 0]), poly([0.5, 0.5], [0.5, 1])] },
  { name: 'C', aspect: 0.75, strokes: [arc(0.55, 0.5, 0.5, 0.5, -40, -320)] },
  { name: '+', aspect: 1, strokes: [poly([0.5, 0], [0.5, 1]), poly([0, 0.5], [1, 0.5])] },
  { name: 'x', aspect: 1, strokes: [poly([0, 0], [1, 1]), poly([1, 0], [0, 1])] },
  { name: '=', aspect: 1.6, strokes: [poly([0, 0.2], [1, 0.2]), poly([0, 0.8], [1, 0.8])] },
  { name: '#', aspect: 1, strokes: [poly([0.3, 0], [0.2, 1]), poly([0.8, 0], [0.7, 1]), poly([0, 0.3], [1, 0.3]), poly([0, 0.7], [1, 0.7])] },
  { name: '*', aspect: 1, strokes: [poly([0.5, 0], [0.5, 1]), poly([0.07, 0.25], [0.93, 0.75]), poly([0.93, 0.25], [0.07, 0.75])] },
  { name: '%', aspect: 0.8, strokes: [poly([1, 0], [0, 1]), arc(0.2, 0.18, 0.18, 0.16, 0, 360), arc(0.8, 0.82, 0.18, 0.16, 0, 360)] },
  { name: 'box', aspect: 1, strokes: [poly([0, 0], [1, 0], [1, 1], [0, 1], [0, 0])] },
  { name: 'crossed-box', aspect: 1, strokes: [poly([0, 0], [1, 0], [1, 1], [0, 1], [0, 0]), poly([0, 0], [1, 1])] },
  { name: 'triangle', aspect: 1, strokes: [poly([0.5, 0], [1, 1], [0, 1], [0.5, 0])] },
  { name: 'check', aspect: 1, strokes: [poly([0, 0.55], [0.35, 1], [1, 0])] },
  { name: 'star', aspect: 1, strokes: [poly([0.5, 0], [0.8, 1], [0, 0.38], [1, 0.38], [0.2, 1], [0.5, 0])] },
  { name: 'heart', aspect: 1, strokes: [join(arc(0.27, 0.27, 0.25, 0.25, 90, -180), poly([0.02, 0.3], [0.5, 1]), poly([0.5, 1], [0.98, 0.3]), arc(0.73, 0.27, 0.25, 0.25, 0, -180))] },
];

/** A random scribble: a zigzag or a tangle of loops, drawn as one stroke. */
export function scribble(rand: () => number): Style {
  const pts: Point[] = [];
  if (rand() < 0.5) {
    const n = 5 + Math.floor(rand() * 8);
    for (let i = 0; i < n; i++) pts.push([i % 2 ? 0.8 + 0.2 * rand() : 0.2 * rand(), i / (n - 1)]);
    return { name: 'zigzag', aspect: 0.5 + rand(), strokes: [poly(...pts)] };
  }
  const loops = 3 + Math.floor(rand() * 4);
  const out: Stroke = [];
  for (let k = 0; k < loops; k++) {
    const cx = 0.2 + 0.6 * (k / (loops - 1));
    out.push(...arc(cx, 0.5 + 0.1 * (rand() - 0.5), 0.22, 0.4 + 0.1 * rand(), 200, 200 - 330));
  }
  return { name: 'loops', aspect: 1 + rand(), strokes: [out] };
}
