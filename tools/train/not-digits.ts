// Images that are not one digit, for training the network to be unsure of them (outlier exposure):
// random pen curves crossing each other, dense scribbles, and two MNIST digits drawn over each other.
// 28 x 28, light ink on black like MNIST. barShape adds shapes of straight bars (boxes, and bars as some
// letters are made), generated here independently of the real-world sets' letters and symbols.
import type { ImageLike } from '../../src/index.js';
import { coverImage, drawStrokes } from '../realworld/raster.js';
import type { Point, Stroke } from '../realworld/shapes.js';
import type { MnistSplit } from '../shared/mnist.js';

const SIDE = 28;

/** A smooth random curve: a quadratic Bezier through random points of the 20 x 20 box. */
function curve(rand: () => number): Stroke {
  const p = () => [4 + rand() * 20, 4 + rand() * 20] as Point;
  const [a, b, c] = [p(), p(), p()];
  return Array.from({ length: 17 }, (_, i) => {
    const t = i / 16;
    return [(1 - t) ** 2 * a[0] + 2 * (1 - t) * t * b[0] + t * t * c[0], (1 - t) ** 2 * a[1] + 2 * (1 - t) * t * b[1] + t * t * c[1]] as Point;
  });
}

/**
 * Straight strokes meeting at right angles, as people draw boxes, ticks in a grid, and letters made of bars:
 * a box (sometimes crossed corner to corner), a bar on a post (T), two posts and a bridge (H), a post with two or three
 * arms (E, F), a frame open on one side. Never a bar with a post hanging from its right end (a 7) or
 * a corner with a post crossing it (a 4). Tilted by up to 10 degrees; 28 x 28 like notDigit's.
 */
export function barShape(rand: () => number): ImageLike {
  const w = 8 + rand() * 12;
  const h = 10 + rand() * 10;
  const x0 = 14 - w / 2 + (rand() - 0.5) * 4;
  const y0 = 14 - h / 2 + (rand() - 0.5) * 4;
  const [x1, y1, xm, ym] = [x0 + w, y0 + h, x0 + w / 2, y0 + h / 2];
  const kind = Math.floor(rand() * 6);
  const strokes: [number, number][][] =
    kind === 0 ? [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]] // box
    : kind === 1 ? [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]], rand() < 0.5 ? [[x0, y0], [x1, y1]] : [[x1, y0], [x0, y1]]] // box crossed corner to corner (not across the middle: an 8 as on a display)
    : kind === 2 ? [[[x0, y0], [x1, y0]], [[xm, y0], [xm, y1]]] // T
    : kind === 3 ? [[[x0, y0], [x0, y1]], [[x1, y0], [x1, y1]], [[x0, ym], [x1, ym]]] // H
    : kind === 4 ? [[[x1, y0], [x0, y0], [x0, y1], ...(rand() < 0.5 ? [[x1, y1]] as [number, number][] : [])], [[x0, ym], [x0 + w * 0.8, ym]]] // F, E
    : [[[x1, y0], [x0, y0], [x0, y1], [x1, y1]]]; // a frame open on the right
  const angle = ((rand() - 0.5) * 20 * Math.PI) / 180;
  const [c, sn] = [Math.cos(angle), Math.sin(angle)];
  const turned = strokes.map((st) => st.map(([x, y]) => [14 + (x - 14) * c - (y - 14) * sn, 14 + (x - 14) * sn + (y - 14) * c] as Point));
  const cover = new Float32Array(SIDE * SIDE);
  drawStrokes(cover, SIDE, SIDE, turned, 1.5 + rand() * 2);
  return coverImage(cover, SIDE);
}

/** One image that is not a digit, drawn from rand (train: MNIST's training digits for the overlaps). */
export function notDigit(rand: () => number, train: MnistSplit, indices: number): ImageLike {
  const cover = new Float32Array(SIDE * SIDE);
  const kind = rand();
  if (kind < 0.6) {
    // two to four curves crossing
    const n = 2 + Math.floor(rand() * 3);
    drawStrokes(cover, SIDE, SIDE, Array.from({ length: n }, () => curve(rand)), 1.5 + rand() * 2);
  } else if (kind < 0.8) {
    // a scribble: one long zigzag of many short curves
    const pts: Point[] = [];
    for (let i = 0; i < 8 + rand() * 10; i++) pts.push([4 + rand() * 20, 4 + rand() * 20]);
    drawStrokes(cover, SIDE, SIDE, [pts], 1.5 + rand() * 2);
  } else {
    // two digits on top of each other, the second shifted by up to a third
    const px = train.images.pixels;
    const a = Math.floor(rand() * indices);
    const b = Math.floor(rand() * indices);
    const dx = Math.round((rand() - 0.5) * 18);
    const dy = Math.round((rand() - 0.5) * 8);
    for (let y = 0; y < SIDE; y++) {
      for (let x = 0; x < SIDE; x++) {
        const xb = x - dx;
        const yb = y - dy;
        const vb = xb >= 0 && xb < SIDE && yb >= 0 && yb < SIDE ? px[b * 784 + yb * SIDE + xb]! : 0;
        cover[y * SIDE + x] = Math.max(px[a * 784 + y * SIDE + x]!, vb) / 255;
      }
    }
  }
  return coverImage(cover, SIDE);
}
