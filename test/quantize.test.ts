// quantizeModel (src/model/quantize.ts): int8 weights with one symmetric scale per output row.
import { describe, expect, it } from 'vitest';
import { quantizeModel, type DenseLayerF32, type DenseLayerInt8 } from '../src/index.js';
import { DEFAULT_DIMS, randomModel } from './helpers/random-model.js';

describe('quantizeModel', () => {
  const model = randomModel(31, DEFAULT_DIMS, 20, 20);
  const int8 = quantizeModel(model);

  it('gives each row the scale that maps its largest weight to ±127, and every weight within half a step', () => {
    model.layers.forEach((l, k) => {
      const f = l as DenseLayerF32;
      const q = int8.layers[k] as DenseLayerInt8;
      expect(q.weightType).toBe('int8');
      expect([q.inputs, q.outputs, q.activation]).toEqual([f.inputs, f.outputs, f.activation]);
      expect(Array.from(q.biases)).toEqual(Array.from(f.biases));
      for (let j = 0; j < f.outputs; j++) {
        const row = f.weights.subarray(j * f.inputs, (j + 1) * f.inputs);
        const max = Math.max(...Array.from(row, Math.abs));
        expect(q.scales[j]).toBe(Math.fround(max / 127));
        const qRow = q.weights.subarray(j * f.inputs, (j + 1) * f.inputs);
        expect(Math.max(...Array.from(qRow, Math.abs))).toBe(127);
        row.forEach((w, i) => expect(Math.abs(qRow[i]! * q.scales[j]! - w)).toBeLessThanOrEqual(q.scales[j]! / 2 + 1e-7));
      }
    });
  });

  it('keeps a row of zeros at zero, leaves int8 layers and the original model as they were', () => {
    const zero = randomModel(32, [4, 3, 2], 2, 2);
    const first = zero.layers[0] as DenseLayerF32;
    first.weights.fill(0, 0, first.inputs);
    const before = first.weights.slice();
    const q = quantizeModel(zero).layers[0] as DenseLayerInt8;
    expect(q.scales[0]).toBe(0);
    expect(Array.from(q.weights.subarray(0, first.inputs))).toEqual([0, 0, 0, 0]);
    expect(Array.from(first.weights)).toEqual(Array.from(before));
    const again = quantizeModel(int8);
    again.layers.forEach((l, k) => expect(l).toBe(int8.layers[k]));
    expect(again.metadata).not.toBe(int8.metadata);
  });
});

describe('quantizeModel with fewer bits', () => {
  const model = randomModel(33, DEFAULT_DIMS, 20, 20);

  it('maps each row of a layer given b bits to ±(2^(b-1) - 1), one bit count per layer or for all', () => {
    const q = quantizeModel(model, { bits: [5, 8, 6] });
    [15, 127, 31].forEach((top, k) => {
      const f = model.layers[k] as DenseLayerF32;
      const l = q.layers[k] as DenseLayerInt8;
      for (let j = 0; j < f.outputs; j++) {
        const row = f.weights.subarray(j * f.inputs, (j + 1) * f.inputs);
        expect(l.scales[j]).toBe(Math.fround(Math.max(...Array.from(row, Math.abs)) / top));
        const qRow = l.weights.subarray(j * f.inputs, (j + 1) * f.inputs);
        expect(Math.max(...Array.from(qRow, Math.abs))).toBe(top);
        row.forEach((w, i) => expect(Math.abs(qRow[i]! * l.scales[j]! - w)).toBeLessThanOrEqual(l.scales[j]! / 2 + 1e-7));
      }
    });
    const all4 = quantizeModel(model, { bits: 4 });
    for (const l of all4.layers) expect(Math.max(...Array.from((l as DenseLayerInt8).weights, Math.abs))).toBe(7);
  });

  it('refuses a bit count outside 2-8, not an integer, or a list of the wrong length', () => {
    for (const bits of [1, 9, 4.5, Number.NaN, [8, 8], [8, 8, 8, 8], [8, 1, 8]]) {
      expect(() => quantizeModel(model, { bits })).toThrow(expect.objectContaining({ name: 'InputError', code: 'bad-option' }));
    }
    expect(() => quantizeModel(model, { bits: '8' as unknown as number })).toThrow(/bits must be an integer from 2 to 8/);
  });
});
