// assembly/preprocess.ts and fit.ts work on eight pixels at a time (64-bit words), background.ts with
// running extremes; the plain reference in test/helpers/reference-preprocess.ts works on one pixel and
// scans every window. Both must give the same bits on every kind of
// image: word tails (widths not a multiple of 8), thresholds above and below 128, transparency only in
// the last pixel, odd pixel counts, and real MNIST digits.
import { describe, expect, it } from 'vitest';
import { fitInk, hasInk, inkMapOf, preprocess, type ImageLike, type Polarity } from '../src/preprocess.js';
import { loadMnist } from '../tools/shared/mnist.js';
import { rng } from '../tools/shared/rng.js';
import { referenceFit, referenceFlatten, referenceInkMap } from './helpers/reference-preprocess.js';

const POLARITIES: Polarity[] = ['auto', 'dark-on-light', 'light-on-dark'];

function same(image: ImageLike & { channels: 1 | 3 | 4 }) {
  for (const polarity of POLARITIES) {
    const ink = referenceInkMap(image.data as Uint8Array, image.width, image.height, image.channels, polarity);
    const map = inkMapOf(image, polarity);
    const { width: w, height: h } = image;
    expect(map.ink).toEqual(map.evened ? referenceFlatten(ink, w, h, map.backgroundRadius) : ink);
    const want = hasInk(map) ? referenceFit(map.ink, w, h, map.background, map.contrast, map.threshold) : null;
    const got = fitInk(map);
    expect(got === null ? null : Array.from(got)).toEqual(want === null ? null : Array.from(want));
    // preprocess fits a drawing's map where it lies in wasm memory: the same bits as the map fitted anew
    if (!map.evened) expect(preprocess(image, { polarity })).toEqual(got);
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
    let evened = 0;
    for (let t = 0; t < 300; t++) {
      const channels = ([1, 3, 4] as const)[t % 3]!;
      const big = t % 4 === 0 || t % 5 === 1;
      const width = 1 + Math.floor(rand() * (big ? 160 : 37));
      const height = 1 + Math.floor(rand() * (big ? 160 : 37));
      const data = new Uint8Array(width * height * channels);
      const mode = t % 5; // 0 noise, 1 light uneven background, 2 transparent canvas, 3 transparent last pixel, 4 dark
      const background = mode === 4 ? Math.floor(rand() * 100) : 130 + Math.floor(rand() * 126);
      // light backgrounds fall off to the right (uneven light: the photo path)
      for (let i = 0; i < data.length; i++) data[i] = mode === 0 ? Math.floor(rand() * 256) : mode === 1 ? background - Math.floor((((i / channels) | 0) % width) * 40 / width) : background;
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
      if (inkMapOf({ data, width, height, channels }).evened) evened++;
      if (preprocess({ data, width, height, channels }) !== null) inked++;
    }
    // most of them hold a digit-like blob, so the fit is compared, not only the null
    expect(inked).toBeGreaterThan(150);
    // and a good number took the photo path (background evened out)
    expect(evened).toBeGreaterThan(15);
  });
});
