// Images that are not one digit, for training the network to be unsure of them (outlier exposure):
// random pen curves crossing each other, dense scribbles, and two MNIST digits drawn over each other.
// 28 x 28, light ink on black like MNIST. No letters or named symbols: the real-world sets test those.
import type { ImageLike } from '../../src/index.js';
import { drawStrokes } from '../realworld/raster.js';
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

function toImage(cover: Float32Array): ImageLike {
  return { data: Uint8Array.from(cover, (v) => Math.round(Math.min(1, v) * 255)), width: SIDE, height: SIDE, channels: 1 };
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
  return toImage(cover);
}
