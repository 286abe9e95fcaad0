// Digits as many people write them and MNIST's American writers seldom did: a 1 with a flag (and
// sometimes a foot), a 7 crossed in the middle. Made from MNIST's own training 1s and 7s by adding the
// stroke in the digit's own pen width, so the rest of the digit stays a real person's.
import type { ImageLike } from '../../src/index.js';
import { coverImage, drawStrokes } from '../realworld/raster.js';
import type { MnistSplit } from '../shared/mnist.js';

const SIDE = 28;
const INK = 128;

interface Ink {
  top: number;
  bottom: number;
  left: number;
  right: number;
  /** Mean x of the ink in a row (NaN where the row has none). */
  xAt: (y: number) => number;
  /** The pen's width: ink pixels per row, in the middle half of the digit. */
  pen: number;
}

function inkOf(px: Uint8Array): Ink | undefined {
  let [top, bottom, left, right] = [SIDE, -1, SIDE, -1];
  const sums = new Float64Array(SIDE);
  const counts = new Uint32Array(SIDE);
  for (let y = 0; y < SIDE; y++) {
    for (let x = 0; x < SIDE; x++) {
      if (px[y * SIDE + x]! < INK) continue;
      [top, bottom, left, right] = [Math.min(top, y), Math.max(bottom, y), Math.min(left, x), Math.max(right, x)];
      sums[y]! += x;
      counts[y]!++;
    }
  }
  if (bottom - top < 8) return undefined;
  let rows = 0;
  let ink = 0;
  for (let y = Math.round(top + (bottom - top) / 4); y <= Math.round(bottom - (bottom - top) / 4); y++, rows++) ink += counts[y]!;
  return { top, bottom, left, right, xAt: (y) => sums[y]! / counts[y]!, pen: Math.max(1.5, Math.min(4, ink / rows)) };
}

/**
 * A 1 with a flag from its top, down to the left, and a foot one time in four; or a 7 with a bar across
 * its stem. `index` is an MNIST training image of that digit; undefined when its ink is too small to tell.
 */
export function styledDigit(rand: () => number, train: MnistSplit, index: number): ImageLike | undefined {
  const label = train.labels[index]!;
  const px = train.images.pixels.slice(index * 784, index * 784 + 784);
  const ink = inkOf(px);
  if (!ink || (label !== 1 && label !== 7)) return undefined;
  const h = ink.bottom - ink.top + 1;
  const cover = Float32Array.from(px, (v) => v / 255);
  const strokes: [number, number][][] = [];
  if (label === 1) {
    const x = ink.xAt(ink.top) + 0.5;
    const y = ink.top + 0.5;
    // steeper and shorter than a 7's bar (30-55 degrees down, at most 0.3 of the height across), so that
    // MNIST's 7s with a short bar stay 7s
    const dx = h * (0.12 + 0.18 * rand());
    strokes.push([[x, y], [x - dx, y + dx * (0.6 + 0.8 * rand())]]);
    if (rand() < 0.25) {
      const xb = ink.xAt(ink.bottom) + 0.5;
      const half = h * (0.15 + 0.15 * rand());
      strokes.push([[xb - half, ink.bottom + 0.5], [xb + half, ink.bottom + 0.5]]);
    }
  } else {
    // the stem's middle: the mean ink of the row half way down (the top bar is above it)
    const y = ink.top + h * (0.45 + 0.15 * rand());
    const x = ink.xAt(Math.round(y)) + 0.5;
    if (Number.isNaN(x)) return undefined;
    const half = h * (0.12 + 0.12 * rand());
    strokes.push([[x - half, y], [x + half, y + (rand() - 0.5) * 2]]);
  }
  drawStrokes(cover, SIDE, SIDE, strokes, ink.pen);
  return coverImage(cover, SIDE);
}

/** A point on the segment a-b at t, moved across it by up to `jitter` pixels (a hand's wobble). */
function wobbly(rand: () => number, a: [number, number], b: [number, number], jitter: number): [number, number][] {
  const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
  const len = Math.hypot(dx, dy) || 1;
  return Array.from({ length: 5 }, (_, i) => {
    const t = i / 4;
    const off = i === 0 || i === 4 ? 0 : (rand() - 0.5) * 2 * jitter;
    return [a[0] + dx * t - (dy / len) * off, a[1] + dy * t + (dx / len) * off] as [number, number];
  });
}

/**
 * A 2 written as a Z (a bar, a straight diagonal, a base; sometimes the top bar starting with a hook),
 * which MNIST's writers seldom made: drawn from scratch in an MNIST-like pen, 28 x 28, light on black.
 */
export function zLikeTwo(rand: () => number): ImageLike {
  const h = 16 + rand() * 4;
  const w = h * (0.45 + 0.45 * rand());
  const [x0, y0] = [14 - w / 2, 14 - h / 2];
  const [x1, y1] = [x0 + w, y0 + h];
  const lean = (rand() - 0.5) * 0.3 * h;
  const top: [number, number] = [x0 + lean, y0 + (rand() - 0.5) * 2];
  const corner: [number, number] = [x1 + lean, y0 + (rand() - 0.5) * 2];
  const foot: [number, number] = [x0 - lean, y1];
  const end: [number, number] = [x1 - lean + (rand() - 0.3) * 0.3 * w, y1 + (rand() - 0.5) * 2];
  const jitter = 0.2 + 0.4 * rand();
  const stroke = [...wobbly(rand, top, corner, jitter), ...wobbly(rand, corner, foot, jitter).slice(1), ...wobbly(rand, foot, end, jitter).slice(1)];
  // a third start with a hook: down and back up into the top bar
  if (rand() < 0.33) stroke.unshift([top[0] - 0.1 * w, top[1] + 0.15 * h], [top[0] - 0.05 * w, top[1] + 0.05 * h]);
  const cover = new Float32Array(SIDE * SIDE);
  drawStrokes(cover, SIDE, SIDE, [stroke], 1.5 + rand() * 2);
  return coverImage(cover, SIDE);
}

/** Points along an elliptic arc from angle a0 to a1 (degrees; 0 = right, 90 = down), each moved by up to `jitter`. */
function wobblyArc(rand: () => number, cx: number, cy: number, rx: number, ry: number, a0: number, a1: number, jitter: number): [number, number][] {
  const n = Math.max(6, Math.ceil(Math.abs(a1 - a0) / 15));
  return Array.from({ length: n + 1 }, (_, i) => {
    const t = ((a0 + ((a1 - a0) * i) / n) * Math.PI) / 180;
    const off = i === 0 || i === n ? 0 : (rand() - 0.5) * 2 * jitter;
    return [cx + (rx + off) * Math.cos(t), cy + (ry + off) * Math.sin(t)] as [number, number];
  });
}

/**
 * A round 6 or 9 as neat handwriting and print shape them, which MNIST's writers seldom made: a 6 whose
 * top starts as a hook on the right and sweeps round into a loop in the lower half; a 9 whose tail
 * curls back to the left under its loop. Drawn from scratch in an MNIST-like pen, 28 x 28, light on black.
 */
export function roundSixOrNine(rand: () => number, digit: 6 | 9): ImageLike {
  const h = 16 + rand() * 4;
  const w = h * (0.55 + 0.3 * rand());
  const [x0, y0] = [14 - w / 2, 14 - h / 2];
  const jitter = 0.15 + 0.3 * rand();
  // the loop: 40-60% of the height, at the bottom for a 6
  const loopH = h * (0.4 + 0.2 * rand());
  const loopW = w * (0.8 + 0.2 * rand());
  let stroke: [number, number][];
  if (digit === 6) {
    const [lx, ly] = [x0 + w - loopW / 2, y0 + h - loopH / 2];
    // the sweep: a wide arc from the hook's start (upper right) over the top and down the left side
    const start = -40 - 40 * rand();
    const sweep = wobblyArc(rand, x0 + w / 2, ly, w / 2, ly - y0, start, -180, jitter);
    const loop = wobblyArc(rand, lx, ly, loopW / 2, loopH / 2, 180, -150 - 40 * rand(), jitter);
    stroke = [...sweep, ...loop.slice(1)];
  } else {
    const [lx, ly] = [x0 + loopW / 2, y0 + loopH / 2];
    const loop = wobblyArc(rand, lx, ly, loopW / 2, loopH / 2, 10, -350, jitter);
    // the tail: down from the loop's right side, curling left under it by 100-160 degrees of an ellipse
    // (a wide curl with a lean may reach the frame's left edge: 6% of them, as the runs measured had it)
    const tailW = w * (0.5 + 0.3 * rand());
    const tail = wobblyArc(rand, x0 + w - tailW, ly, tailW, y0 + h - ly, 0, 100 + 60 * rand(), jitter);
    stroke = [...loop, ...tail.slice(1)];
  }
  // a hand's lean, as MNIST's writers slant
  const lean = (rand() - 0.5) * 0.5;
  const leaned = stroke.map(([x, y]) => [x + lean * (14 - y), y] as [number, number]);
  const cover = new Float32Array(SIDE * SIDE);
  drawStrokes(cover, SIDE, SIDE, [leaned], 1.5 + rand() * 2);
  return coverImage(cover, SIDE);
}
