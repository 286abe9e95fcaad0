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
