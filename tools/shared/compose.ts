// Rows of handwritten digits composed from MNIST images, to measure readNumber: random gaps between
// the digits' ink (negative gaps make digits touch or overlap) and a little vertical jitter.
import type { ImageLike } from '../../src/index.js';
import type { MnistSplit } from './mnist.js';

export interface ComposeOptions {
  digits: number;
  /** Gap between neighbouring digits' ink, pixels: uniform in [minGap, maxGap]. */
  minGap: number;
  maxGap: number;
  jitter: number;
}

export const DEFAULT_COMPOSE: ComposeOptions = { digits: 5, minGap: -2, maxGap: 8, jitter: 3 };

function inkColumns(split: MnistSplit, i: number): [number, number] {
  const px = split.images.pixels.subarray(i * 784, (i + 1) * 784);
  let x0 = 28;
  let x1 = -1;
  for (let y = 0; y < 28; y++) for (let x = 0; x < 28; x++) if (px[y * 28 + x]! > 50) {
    x0 = Math.min(x0, x);
    x1 = Math.max(x1, x);
  }
  return [x0, x1];
}

/** A row of the given images (light ink on black, 1 channel) and its text. */
/** A row of digits: the image, the digits as text, and each digit's ink columns [first, last] in it. */
export function composeRow(split: MnistSplit, indices: number[], rand: () => number, o: ComposeOptions = DEFAULT_COMPOSE): { image: ImageLike; text: string; spans: [number, number][] } {
  const margin = 6;
  const placed: { i: number; x: number; y: number }[] = [];
  const spans: [number, number][] = [];
  let right = margin;
  for (const i of indices) {
    const [c0, c1] = inkColumns(split, i);
    const gap = placed.length ? Math.round(o.minGap + rand() * (o.maxGap - o.minGap)) : 0;
    const x = right + gap - c0;
    placed.push({ i, x, y: margin + Math.round((rand() * 2 - 1) * o.jitter) });
    spans.push([x + c0, x + c1]);
    right = x + c1 + 1;
  }
  const width = right + margin;
  const height = 28 + 2 * margin;
  const data = new Uint8Array(width * height);
  for (const { i, x, y } of placed) {
    const px = split.images.pixels.subarray(i * 784, (i + 1) * 784);
    for (let yy = 0; yy < 28; yy++) {
      for (let xx = 0; xx < 28; xx++) {
        const X = x + xx;
        const Y = y + yy;
        if (X >= 0 && X < width && Y >= 0 && Y < height) data[Y * width + X] = Math.max(data[Y * width + X]!, px[yy * 28 + xx]!);
      }
    }
  }
  return { image: { data, width, height, channels: 1 }, text: indices.map((i) => split.labels[i]).join(''), spans };
}

/** Edit distance, to count the digits read right when a segmentation error shifts the rest. */
export { editDistance } from '../../src/cli/edit-distance.js';
