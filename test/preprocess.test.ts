import { describe, expect, it } from 'vitest';
import { InputError, loadClassifierSync, preprocess, type ImageLike } from '../src/index.js';
import { codeOf } from './helpers/errors.js';
import { withDesk } from './helpers/desk.js';
import { inkMapOf } from '../src/preprocess.js';
import { PHOTO_SIDE } from '../src/shrink.js';
import { sample } from '../tools/realworld/sets.js';

/** A w x h single-channel canvas with ink painted by `paint(x, y)` in [0, 1] (1 = full ink). */
function inkCanvas(w: number, h: number, paint: (x: number, y: number) => number): Float32Array {
  const ink = new Float32Array(w * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) ink[y * w + x] = paint(x, y);
  return ink;
}
const rgba = (ink: Float32Array, w: number, h: number, mode: 'dark-on-light' | 'transparent'): ImageLike => {
  const data = new Uint8ClampedArray(w * h * 4);
  ink.forEach((v, i) => {
    if (mode === 'transparent') data.set([0, 0, 0, Math.round(v * 255)], i * 4);
    else data.set([255 - Math.round(v * 255), 255 - Math.round(v * 255), 255 - Math.round(v * 255), 255], i * 4);
  });
  return { data, width: w, height: h };
};
const gray = (ink: Float32Array, w: number, h: number, invert: boolean): ImageLike => ({
  data: Uint8Array.from(ink, (v) => (invert ? 255 - Math.round(v * 255) : Math.round(v * 255))),
  width: w,
  height: h,
});
const rgb = (ink: Float32Array, w: number, h: number): ImageLike => {
  const data = new Uint8Array(w * h * 3);
  // dark blue ink on a light yellow background: polarity from luminance
  ink.forEach((v, i) => data.set(v > 0.5 ? [20, 30, 120] : [250, 240, 180], i * 3));
  return { data, width: w, height: h, channels: 3 };
};

/** Bounding box of values > t in a 20x20 output. */
function box(x: Float32Array, t = 0.05) {
  let x0 = 20, x1 = -1, y0 = 20, y1 = -1;
  for (let i = 0; i < 400; i++) {
    if (x[i]! > t) {
      const c = i % 20, r = Math.floor(i / 20);
      x0 = Math.min(x0, c); x1 = Math.max(x1, c); y0 = Math.min(y0, r); y1 = Math.max(y1, r);
    }
  }
  return { x0, x1, y0, y1, w: x1 - x0 + 1, h: y1 - y0 + 1 };
}
const sum = (x: Float32Array) => x.reduce((a, b) => a + b, 0);

describe('preprocess', () => {
  // An upright bar 60 wide, 200 tall, off-centre on a 280x280 canvas.
  const bar = inkCanvas(280, 280, (x, y) => (x >= 30 && x < 90 && y >= 50 && y < 250 ? 1 : 0));

  it('scales the ink box so the longer side is 20 px, keeps the aspect ratio, and centres it', () => {
    const x = preprocess(rgba(bar, 280, 280, 'dark-on-light'))!;
    expect(x).toBeInstanceOf(Float32Array);
    expect(x.length).toBe(400);
    // 60x200 → 6x20, centred: columns 7..12, all rows
    expect(box(x)).toEqual({ x0: 7, x1: 12, y0: 0, y1: 19, w: 6, h: 20 });
    expect(x[10 * 20 + 9]).toBeCloseTo(1, 6);
    expect(x[10 * 20 + 3]).toBe(0);
    expect(sum(x)).toBeCloseTo(120, 3);
    expect(Math.max(...x)).toBeLessThanOrEqual(1);
  });

  it('gives the same 20x20 for every encoding of the same drawing', () => {
    const ref = preprocess(rgba(bar, 280, 280, 'dark-on-light'))!;
    for (const img of [rgba(bar, 280, 280, 'transparent'), gray(bar, 280, 280, false), gray(bar, 280, 280, true), rgb(bar, 280, 280)]) {
      expect(Array.from(preprocess(img)!)).toEqual(Array.from(ref));
    }
  });

  it('reads a thin anti-aliased stroke on a transparent canvas at full strength, its lean taken away', () => {
    // a 3-px diagonal stroke from (40,40) to (240,240), anti-aliased by distance
    const stroke = inkCanvas(280, 280, (x, y) => {
      if (x < 38 || x > 242 || y < 38 || y > 242) return 0;
      const d = Math.abs(x - y) / Math.SQRT2;
      return Math.max(0, Math.min(1, 2 - d));
    });
    const x = preprocess(rgba(stroke, 280, 280, 'transparent'))!;
    // contrast after resampling: the thin line is 1.0 at its brightest, not a faint ghost
    expect(Math.max(...x)).toBe(1);
    // every row holds ink; sheared upright by the largest slant taken (0.6), the line now spans
    // 20 x (1 - 0.6) = 8 columns, not 20
    const b = box(x);
    expect(b.h).toBe(20);
    expect(b.w).toBeGreaterThanOrEqual(8);
    expect(b.w).toBeLessThanOrEqual(11);
    for (let row = 0; row < 20; row++) expect(Math.max(...x.subarray(row * 20, row * 20 + 20))).toBeGreaterThan(0.3);
  });

  it('follows an explicit polarity, and auto-detects it from the border', () => {
    const img = gray(bar, 280, 280, false); // light ink on dark
    expect(box(preprocess(img, { polarity: 'light-on-dark' })!).w).toBe(6);
    expect(preprocess(img, { polarity: 'light-on-dark' })).toEqual(preprocess(img));
    // Read the other way round, the border becomes "ink": no contrast against the background, no digit.
    expect(preprocess(img, { polarity: 'dark-on-light' })).toBeNull();
  });

  it('reads a dim photo with a shadow along its edge by its local contrast, whichever way its ink goes', () => {
    // grey paper (150) with a shadow over its right third (70): the border's mean is under the middle,
    // which alone would read the paper as ink; dark ink (40), a 7 of two strokes
    const w = 180, h = 150;
    const seven = (x: number, y: number) => (y >= 30 && y < 40 && x >= 45 && x < 115) || (y >= 30 && y < 120 && Math.abs(x - (115 - (y - 30) * 0.45)) < 5);
    const photo = (invert: boolean): ImageLike => {
      const data = new Uint8Array(w * h);
      for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
        const v = seven(x, y) ? 40 : x > 120 ? 70 : 150;
        data[y * w + x] = invert ? 255 - v : v;
      }
      return { data, width: w, height: h };
    };
    const dark = photo(false);
    let border = 0;
    for (let x = 0; x < w; x++) border += dark.data[x]! + dark.data[(h - 1) * w + x]!;
    for (let y = 1; y < h - 1; y++) border += dark.data[y * w]! + dark.data[y * w + w - 1]!;
    expect(border / (2 * w + 2 * h - 4)).toBeLessThan(127.5);
    const want = preprocess(dark, { polarity: 'dark-on-light' })!;
    expect(box(want)).toMatchObject({ y0: 0, y1: 19 });
    expect(preprocess(dark)).toEqual(want);
    // the same photo as a negative: light ink on dark paper, a bright shadow
    expect(preprocess(photo(true))).toEqual(preprocess(photo(true), { polarity: 'light-on-dark' }));
    expect(preprocess(photo(true))).toEqual(want);
  });

  it('reads photos taken in a dim room (the paper grey 100 and less) as dark ink on paper, and their negatives as light on dark', () => {
    // validation photos with their light at 45%: the border is then the darker side of mid-grey, which
    // alone reads the paper as ink (2 of these 12 were read as dark ink before the local contrast decided
    // below grey 100 too); close calls of the local contrast are left as the border says
    const clf = loadClassifierSync();
    let dimRead = 0;
    for (let i = 0; i < 12; i++) {
      const photo = sample('paper', 'validation', i).image as { data: Uint8Array; width: number; height: number };
      const dim = { ...photo, data: photo.data.map((v, j) => ((j & 3) === 3 ? v : Math.round(v * 0.45))) };
      if (clf.classifyImage(dim)?.digit === clf.classifyImage(dim, { polarity: 'dark-on-light' })?.digit) dimRead++;
      // a negative (chalk on a blackboard) keeps the border's polarity
      const negative = { ...photo, data: photo.data.map((v, j) => ((j & 3) === 3 ? v : 255 - v)) };
      expect(clf.classifyImage(negative)?.digit, `negative of photo ${i}`).toBe(clf.classifyImage(negative, { polarity: 'light-on-dark' })?.digit);
    }
    expect(dimRead).toBeGreaterThanOrEqual(11);
  });

  it('reads a photo of a bold digit that covers over 30% of the frame (its ink is not taken for noise)', () => {
    // a ring 46 px wide filling a 200 x 200 photo whose light falls off to the right
    const w = 200, h = 200;
    const data = new Uint8Array(w * h);
    for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
      const r = Math.hypot((x - 100) / 0.8, y - 100);
      data[y * w + x] = r > 40 && r < 86 ? 40 : 220 - Math.round((x * 40) / w) + ((x * 7 + y * 13) % 5);
    }
    let ink = 0;
    data.forEach((v) => (ink += v === 40 ? 1 : 0));
    expect(ink / (w * h)).toBeGreaterThan(0.3);
    const map = inkMapOf({ data, width: w, height: h });
    expect(map.evened).toBe(true);
    const x = preprocess({ data, width: w, height: h })!;
    expect(x).not.toBeNull();
    // the ring, hollow: its middle is background, its sides ink
    expect(box(x)).toMatchObject({ y0: 0, y1: 19 });
    expect(x[10 * 20 + 10]).toBeLessThan(0.1);
    expect(Math.min(x[10 * 20 + 3]!, x[10 * 20 + 16]!)).toBeGreaterThan(0.5);
  });

  it('reads light, thick strokes in a photo (a grey marker): the window is wider than the strokes', () => {
    // a real-world validation photo: a 3 in light grey marker, 60 px strokes on a 656 x 872 photo, light
    // falling off to the right; at full size its stroke width was measured on slivers (7 px) and a window
    // that took the strokes for background had to be doubled; on the map shrunk to PHOTO_SIDE the camera's
    // noise is a third and the strokes are measured as they are
    const { image, text } = sample('paper', 'validation', 803);
    expect(text).toBe('3');
    const map = inkMapOf(image);
    expect(map.evened).toBe(true);
    expect(map.scale).toBe(Math.ceil(872 / PHOTO_SIDE));
    // the window's width in the photo's pixels, 2r + 1, is wider than the 60 px strokes
    expect((2 * map.backgroundRadius + 1) * map.scale).toBeGreaterThan(60);
    const x = preprocess(image)!;
    expect(x).not.toBeNull();
    expect(box(x)).toMatchObject({ y0: 0, y1: 19 });
    // (read as a 7 at 0.58 by classifyImage before the photo was shrunk; now as a 3 at 0.82)
    expect(loadClassifierSync().classifyImage(image)).toMatchObject({ digit: 3, isDigit: true });
  });

  it('handles tiny and huge images', () => {
    const tiny = inkCanvas(8, 8, (x, y) => (x >= 3 && x <= 4 && y >= 1 && y <= 6 ? 1 : 0));
    // 2x6 → 6.67x20, centred from column 6.67: columns 6 and 13 partly covered
    expect(box(preprocess(gray(tiny, 8, 8, false))!)).toEqual({ x0: 6, x1: 13, y0: 0, y1: 19, w: 8, h: 20 });
    const w = 4096;
    const big = new Uint8Array(w * w).fill(255);
    for (let y = 1000; y < 3000; y++) big.fill(0, y * w + 1800, y * w + 2200);
    const x = preprocess({ data: big, width: w, height: w })!;
    expect(box(x)).toEqual({ x0: 8, x1: 11, y0: 0, y1: 19, w: 4, h: 20 });
  });

  it('shrinks images over 1024 px a side, so a phone photo of 8000 px is read, not refused', () => {
    // a dark bar on light paper, 8000 x 6000: the same input as the same drawing at an eighth of the size
    const [w, h] = [8000, 6000];
    const big = new Uint8Array(w * h).fill(230);
    for (let y = 1600; y < 4400; y++) big.fill(30, y * w + 3600, y * w + 4000);
    const small = new Uint8Array((w / 8) * (h / 8)).fill(230);
    for (let y = 200; y < 550; y++) small.fill(30, y * (w / 8) + 450, y * (w / 8) + 500);
    expect(Array.from(preprocess({ data: big, width: w, height: h })!)).toEqual(Array.from(preprocess({ data: small, width: w / 8, height: h / 8 })!));
  });

  it('works on a photo at most PHOTO_SIDE px a side, and on a drawing with transparency at its own size', () => {
    // a pale, thick grey 9 in a grainy photo (real-world validation photo 409, 873 x 655): at full size the
    // camera's noise reached above the strokes and only specks were found (read as 8 at 0.13, not a digit)
    const { image, text } = sample('paper', 'validation', 409);
    expect(text).toBe('9');
    const map = inkMapOf(image);
    expect([map.scale, map.width, map.height]).toEqual([3, 291, 219]);
    expect(loadClassifierSync().classifyImage(image)).toMatchObject({ digit: 9, isDigit: true });
    // a canvas as large with the ink in its alpha channel (as the pad draws) is not a photo: not shrunk
    const tall = inkCanvas(873, 655, (x, y) => (Math.abs(x - 436) < 20 && y > 100 && y < 550 ? 1 : 0));
    expect(inkMapOf(rgba(tall, 873, 655, 'transparent'))).toMatchObject({ scale: 1, width: 873, evened: false });
  });

  it('leaves out a desk along the side of a photographed sheet, and keeps a digit that runs along an edge', () => {
    // validation photos of a 3 and a 1 with a dark desk below the sheet (a ninth of the photo's height
    // added): the desk's band was the largest cluster of ink and was read (as 4)
    const clf = loadClassifierSync();
    for (const i of [103, 111]) {
      const { image, text } = sample('paper', 'validation', i);
      expect(clf.classifyImage(withDesk(image, 'bottom')), `photo ${i}`).toMatchObject({ digit: Number(text), isDigit: true });
    }
    // an 8 whose cluster takes in a shadow's edge along the frame's side, beside specks: still the 8
    const { image, text } = sample('paper', 'validation', 158);
    expect(clf.classifyImage(image)).toMatchObject({ digit: Number(text), isDigit: true });
  });

  it('evens the light out exactly when fewer than half the pixels share one value', () => {
    // 64 x 64 opaque grey: `share` pixels of 200 (not the corner's value), the others all different
    // levels from 0 to 150 (none reaching half), ink 20 in the middle
    const image = (share: number) => {
      const data = new Uint8Array(64 * 64);
      for (let i = 0; i < data.length; i++) data[i] = i % 151;
      for (let i = 1; i <= share; i++) data[i] = 200;
      return { data, width: 64, height: 64 };
    };
    expect(inkMapOf(image(2048)).evened).toBe(false);
    expect(inkMapOf(image(2047)).evened).toBe(true);
    // the corner's own value as the flat background: no evening either
    const flat = new Uint8Array(64 * 64).fill(240);
    for (let i = 0; i < 1000; i++) flat[64 * 64 - 1 - i] = i % 200;
    expect(inkMapOf({ data: flat, width: 64, height: 64 }).evened).toBe(false);
    // a corner of another value: the histogram finds the background
    flat.fill(9, 0, 100);
    expect(inkMapOf({ data: flat, width: 64, height: 64 }).evened).toBe(false);
  });

  it('returns null for an image with no ink', () => {
    expect(preprocess({ data: new Uint8ClampedArray(280 * 280 * 4), width: 280, height: 280 })).toBeNull();
    expect(preprocess({ data: new Uint8Array(280 * 280).fill(255), width: 280, height: 280 })).toBeNull();
    expect(preprocess({ data: new Uint8Array(28 * 28).fill(7), width: 28, height: 28 })).toBeNull();
  });

  it('can produce other input sizes', () => {
    const x = preprocess(rgba(bar, 280, 280, 'dark-on-light'), { width: 28, height: 28 })!;
    expect(x.length).toBe(784);
  });

  it('refuses what is not an image with typed errors', () => {
    const code = (f: () => unknown) => codeOf(f, InputError);
    expect(code(() => preprocess(null as unknown as ImageLike))).toBe('bad-image');
    expect(code(() => preprocess({ data: new Uint8Array(10), width: 3, height: 3 }))).toBe('bad-image');
    expect(code(() => preprocess({ data: new Uint8Array(9), width: 3, height: 3, channels: 4 }))).toBe('bad-image');
    expect(code(() => preprocess({ data: [1, 2, 3] as unknown as Uint8Array, width: 3, height: 1 }))).toBe('bad-image');
    expect(code(() => preprocess({ data: new Float32Array(9) as unknown as Uint8Array, width: 3, height: 3 }))).toBe('bad-image');
    expect(code(() => preprocess({ data: new Uint8Array(0), width: 0, height: 0 }))).toBe('bad-image');
    expect(code(() => preprocess({ data: new Uint8Array(6), width: 2.5, height: 2 }))).toBe('bad-image');
    expect(code(() => preprocess({ data: new Uint8Array(16385), width: 16385, height: 1 }))).toBe('image-too-large');
    expect(code(() => preprocess({ data: new Uint8Array(9), width: 3, height: 3 }, { polarity: 'up' as 'auto' }))).toBe('bad-option');
    expect(code(() => preprocess({ data: new Uint8Array(9), width: 3, height: 3 }, { width: 0 }))).toBe('bad-option');
    expect(code(() => preprocess({ data: new Uint8Array(1), width: 1, height: 1 }))).toBe('no error');
  });
});
