// assembly/preprocess.ts works on eight pixels at a time (64-bit words); the plain reference in
// test/helpers/reference-preprocess.ts works on one. Both must give the same bits on every kind of
// image: word tails (widths not a multiple of 8), thresholds above and below 128, transparency only in
// the last pixel, odd pixel counts, and real MNIST digits.
import { describe, expect, it } from 'vitest';
import { inkMapOf, preprocess, type ImageLike, type Polarity } from '../src/preprocess.js';
import { loadMnist } from '../tools/shared/mnist.js';
import { rng } from '../tools/shared/rng.js';
import { referenceFit, referenceInkMap } from './helpers/reference-preprocess.js';

const POLARITIES: Polarity[] = ['auto', 'dark-on-light', 'light-on-dark'];

function same(image: ImageLike & { channels: 1 | 3 | 4 }) {
  for (const polarity of POLARITIES) {
    const ink = referenceInkMap(image.data as Uint8Array, image.width, image.height, image.channels, polarity);
    expect(inkMapOf(image, polarity).ink).toEqual(ink);
    const want = referenceFit(ink, image.width, image.height);
    const got = preprocess(image, { polarity });
    expect(got === null ? null : Array.from(got)).toEqual(want === null ? null : Array.from(want));
  }
}

describe('preprocessing, word at a time, against a pixel-at-a-time reference', () => {
  it('gives the same bits on 300 MNIST test digits', () => {
    const test = loadMnist('test');
    for (let i = 0; i < 300; i++) same({ data: test.images.pixels.subarray(i * 784, (i + 1) * 784), width: 28, height: 28, channels: 1 });
  });

  it('gives the same bits on 300 drawn images of every shape and encoding', () => {
    const rand = rng(99);
    let inked = 0;
    for (let t = 0; t < 300; t++) {
      const channels = ([1, 3, 4] as const)[t % 3]!;
      const big = t % 4 === 0;
      const width = 1 + Math.floor(rand() * (big ? 300 : 37));
      const height = 1 + Math.floor(rand() * (big ? 300 : 37));
      const data = new Uint8Array(width * height * channels);
      const mode = t % 5; // 0 noise, 1 light background, 2 transparent canvas, 3 transparent last pixel, 4 dark
      const background = mode === 4 ? Math.floor(rand() * 100) : 130 + Math.floor(rand() * 126);
      for (let i = 0; i < data.length; i++) data[i] = mode === 0 ? Math.floor(rand() * 256) : background;
      if (channels === 4) for (let i = 3; i < data.length; i += 4) data[i] = mode === 2 ? 0 : 255;
      for (let k = 0; k < 3; k++) {
        const cx = rand() * width, cy = rand() * height, r = 1 + rand() * Math.max(2, width / 6);
        const level = Math.floor(rand() * 256);
        for (let y = 0; y < height; y++) {
          for (let x = 0; x < width; x++) {
            if ((x - cx) ** 2 + (y - cy) ** 2 > r * r) continue;
            for (let c = 0; c < channels; c++) data[(y * width + x) * channels + c] = channels === 4 && c === 3 ? (mode === 2 ? 255 - level : 255) : level;
          }
        }
      }
      if (channels === 4 && mode === 3) data[data.length - 1] = 200;
      same({ data, width, height, channels });
      if (preprocess({ data, width, height, channels }) !== null) inked++;
    }
    // most of them hold a digit-like blob, so the fit is compared, not only the null
    expect(inked).toBeGreaterThan(150);
  });
});
