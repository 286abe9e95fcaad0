// The kernels against a float64 reference, and the SIMD build against the scalar build, bit for bit.
import { describe, expect, it } from 'vitest';
import { BATCH_CHUNK } from '../src/classifier.js';
import { loadClassifierSync, simdSupported, type Classifier } from '../src/index.js';
import { DEFAULT_DIMS, randomInputs, randomModel } from './helpers/random-model.js';
import { referenceForward } from './helpers/reference.js';

const SHAPES: { name: string; dims: number[]; h: number; w: number }[] = [
  { name: '400-25-15-10 (default)', dims: DEFAULT_DIMS, h: 20, w: 20 },
  { name: '400-128-64-10 (bigger)', dims: [400, 128, 64, 10], h: 20, w: 20 },
  { name: '63-13-6 (sizes not multiples of 4 or 8)', dims: [63, 13, 6], h: 7, w: 9 },
  { name: '784-33-17-9-10 (four layers, 28x28)', dims: [784, 33, 17, 9, 10], h: 28, w: 28 },
  { name: '16-10 (softmax only)', dims: [16, 10], h: 4, w: 4 },
];
const N = 48;

const bits = (a: Float32Array) => Array.from(new Uint32Array(a.buffer, a.byteOffset, a.length));

describe('parity', () => {
  it('runs where SIMD exists (else this suite would only test the scalar build)', () => {
    expect(simdSupported()).toBe(true);
  });

  for (const shape of SHAPES) {
    for (const int8 of ['none', 'all', 'mixed'] as const) {
      it(`${shape.name}, int8: ${int8}`, () => {
        const seed = shape.dims.reduce((a, b) => a * 31 + b, int8.length);
        const model = randomModel(seed, shape.dims, shape.h, shape.w, int8);
        const inputs = randomInputs(seed + 1, N, shape.dims[0]!);
        const simd = loadClassifierSync({ model, simd: 'on' });
        const scalar = loadClassifierSync({ model, simd: 'off' });
        expect(simd.backend).toBe('wasm-simd');
        expect(scalar.backend).toBe('wasm-scalar');
        const classes = shape.dims[shape.dims.length - 1]!;
        const a = simd.classifyBatch(inputs);
        const b = scalar.classifyBatch(inputs);
        expect(bits(a)).toEqual(bits(b));

        // f32: only float rounding separates the kernels from float64. int8: the engine rounds each
        // int8 layer's inputs to 16-bit steps; a hidden activation a few ulps away from the reference's
        // can land on the other side of a rounding boundary, which moves a probability by a few 1e-6
        // (worst seen over 1,000 inputs of each shape here: 7.9e-6).
        const tolerance = int8 === 'none' ? 1e-6 : 2e-5;
        let worst = 0;
        for (let i = 0; i < N; i++) {
          const ref = referenceForward(model, inputs.subarray(i * shape.dims[0]!, (i + 1) * shape.dims[0]!));
          let sum = 0;
          for (let k = 0; k < classes; k++) {
            const v = a[i * classes + k]!;
            worst = Math.max(worst, Math.abs(v - ref[k]!));
            sum += v;
          }
          expect(Math.abs(sum - 1)).toBeLessThan(1e-5);
        }
        expect(worst).toBeLessThanOrEqual(tolerance);

        for (const c of [simd, scalar] as Classifier[]) {
          for (const i of [0, 17, N - 1]) {
            const one = c.classify(inputs.subarray(i * shape.dims[0]!, (i + 1) * shape.dims[0]!));
            expect(bits(one.probabilities)).toEqual(bits(a.subarray(i * classes, (i + 1) * classes)));
            expect(one.confidence).toBe(Math.max(...one.probabilities));
            expect(one.probabilities[one.digit]).toBe(one.confidence);
          }
        }
      });
    }
  }

  it('int8 layers whose first layer sees exact inputs match the reference tightly', () => {
    const model = randomModel(7, DEFAULT_DIMS, 20, 20, 'all');
    // Only the first layer is int8 here: its inputs are exact, so there is no rounding-boundary effect.
    model.layers = [model.layers[0]!, ...randomModel(8, DEFAULT_DIMS, 20, 20, 'none').layers.slice(1)];
    const inputs = randomInputs(9, N, 400);
    const out = loadClassifierSync({ model }).classifyBatch(inputs);
    let worst = 0;
    for (let i = 0; i < N; i++) {
      const ref = referenceForward(model, inputs.subarray(i * 400, (i + 1) * 400));
      for (let k = 0; k < 10; k++) worst = Math.max(worst, Math.abs(out[i * 10 + k]! - ref[k]!));
    }
    expect(worst).toBeLessThan(1e-6);
  });

  it('batches over several chunks equal single calls, on both sides of every chunk edge', () => {
    const model = randomModel(11, DEFAULT_DIMS, 20, 20);
    const n = BATCH_CHUNK * 8 + 37;
    const inputs = randomInputs(12, n, 400);
    const c = loadClassifierSync({ model });
    const out = c.classifyBatch(inputs);
    const edges = Array.from({ length: 8 }, (_, k) => [(k + 1) * BATCH_CHUNK - 1, (k + 1) * BATCH_CHUNK]).flat();
    for (const i of [0, ...edges, n - 1]) {
      expect(bits(c.classify(inputs.subarray(i * 400, (i + 1) * 400)).probabilities)).toEqual(bits(out.subarray(i * 10, i * 10 + 10)));
    }
  });
});
