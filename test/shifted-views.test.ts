// classifyImage's shifted views: each view is the input moved by whole pixels (what moves in is
// background), and classifyImage's reading is the mean of the views' readings.
import { describe, expect, it } from 'vitest';
import { loadClassifierSync, preprocess } from '../src/index.js';
import { averageViews, VIEW_SHIFTS, writeShiftedViews } from '../src/shifted-views.js';
import { loadMnist, mnistImage } from '../tools/shared/mnist.js';

/** The views' shifts as (dx, dy) pairs. */
const SHIFTS = Array.from({ length: VIEW_SHIFTS.length / 2 }, (_, v) => [VIEW_SHIFTS[2 * v]!, VIEW_SHIFTS[2 * v + 1]!] as const);

/** The input shifted by (dx, dy), pixel by pixel. */
function shifted(input: Float32Array, w: number, h: number, dx: number, dy: number): Float32Array {
  const out = new Float32Array(w * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
    const sx = x - dx, sy = y - dy;
    out[y * w + x] = sx >= 0 && sx < w && sy >= 0 && sy < h ? input[sy * w + sx]! : 0;
  }
  return out;
}

describe('writeShiftedViews', () => {
  it('writes each view shifted, stride apart from `at`, and leaves the rest alone', () => {
    for (const [w, h, stride] of [[20, 20, 400], [28, 28, 784], [7, 3, 24], [2, 5, 10], [1, 1, 4]] as const) {
      const input = Float32Array.from({ length: w * h }, (_, i) => 1 + ((i * 37) % 101) / 101);
      const at = 5;
      const dst = new Float32Array(at + SHIFTS.length * stride + 3).fill(-1);
      writeShiftedViews(input, w, h, dst, at, stride);
      SHIFTS.forEach(([dx, dy], v) => {
        expect(Array.from(dst.subarray(at + v * stride, at + v * stride + w * h)), `${w}x${h} view ${v}`).toEqual(Array.from(shifted(input, w, h, dx, dy)));
        expect(Array.from(dst.subarray(at + v * stride + w * h, at + (v + 1) * stride)).every((x) => x === -1)).toBe(true);
      });
      expect(Array.from(dst.subarray(0, at))).toEqual([-1, -1, -1, -1, -1]);
    }
  });

  it('takes the input itself first, and nine views in all', () => {
    expect(SHIFTS[0]).toEqual([0, 0]);
    expect(new Set(SHIFTS.map((s) => s.join())).size).toBe(9);
  });
});

/** The mean over the views, to the power 1.5, normalised: the formula, computed another way. */
function averaged(views: ArrayLike<number>[], classes: number): Float32Array {
  const mean = Array.from({ length: classes }, (_, j) => views.reduce((s, p) => s + p[j]!, 0) / views.length);
  const powered = mean.map((m) => Math.pow(m, 1.5));
  const total = powered.reduce((s, p) => s + p, 0);
  return Float32Array.from(powered, (p) => p / total);
}

describe('averageViews', () => {
  it('averages each class over the views, raises the means to the power 1.5 and normalises them', () => {
    const r = Float32Array.from([0.5, 0.5, 0, 1, 0.25, 0.75]);
    // means 0.25 and 0.75: 0.125 and 0.6495..., of 0.7745...
    expect(Array.from(averageViews(r, 3, 2))).toEqual([Math.fround(0.125 / (0.125 + 0.75 * Math.sqrt(0.75))), Math.fround((0.75 * Math.sqrt(0.75)) / (0.125 + 0.75 * Math.sqrt(0.75)))]);
    expect(averageViews(r, 3, 2)).toEqual(averaged([[0.5, 0.5], [0, 1], [0.25, 0.75]], 2));
    expect(averageViews(r, 2, 3)).toEqual(averaged([[0.5, 0.5, 0], [1, 0.25, 0.75]], 3));
    // one sure view stays sure
    expect(Array.from(averageViews(Float32Array.from([0, 1, 0]), 1, 3))).toEqual([0, 1, 0]);
  });
});

describe('classifyImage', () => {
  const clf = loadClassifierSync();
  const test = loadMnist('test');

  it('reads the shifted views averaged', () => {
    for (let i = 0; i < 20; i++) {
      const image = mnistImage(test.images, i);
      const x = preprocess(image)!;
      const mean = averaged(SHIFTS.map(([dx, dy]) => clf.classify(shifted(x, 20, 20, dx, dy)).probabilities), 10);
      const r = clf.classifyImage(image)!;
      expect(r.probabilities).toEqual(mean);
      expect(r.digit).toBe(mean.indexOf(Math.max(...mean)));
      expect(r.confidence).toBe(mean[r.digit]);
    }
  });
});
