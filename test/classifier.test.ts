import { describe, expect, it } from 'vitest';
import { encodeModel, loadClassifier, loadClassifierSync, quantizeModel, type Classifier } from '../src/index.js';
import { DEFAULT_DIMS, randomInputs, randomModel } from './helpers/random-model.js';
import { defaultF32ModelBytes } from '../src/models/default-f32.js';
import { thrown } from './helpers/errors.js';

const model = randomModel(3, DEFAULT_DIMS, 20, 20);
const bytes = encodeModel(model);
const inputs = randomInputs(4, 8, 400);
const one = inputs.subarray(0, 400);


describe('Classifier', () => {
  it('loads from bytes, sync and async, and describes its model', async () => {
    const a = loadClassifierSync({ model: bytes });
    const b = await loadClassifier({ model: bytes.buffer as ArrayBuffer });
    expect(a.backend).toBe('wasm-simd');
    expect(b.model).toEqual(a.model);
    expect(a.model).toMatchObject({ inputHeight: 20, inputWidth: 20, inputs: 400, classes: 10, parameters: 10_000 + 25 + 375 + 15 + 150 + 10 });
    expect(a.model.layers).toEqual(model.layers.map(({ inputs, outputs, activation, weightType }) => ({ inputs, outputs, activation, weightType })));
    expect(a.model.metadata).toEqual({ seed: 3 });
    expect(Array.from(a.classify(one).probabilities)).toEqual(Array.from(b.classify(one).probabilities));
  });

  it('takes arrays of numbers and Float64Arrays as well as Float32Arrays', () => {
    const c = loadClassifierSync({ model: bytes });
    const ref = c.classify(one).probabilities;
    expect(c.classify(Array.from(one)).probabilities).toEqual(ref);
    expect(c.classify(Float64Array.from(one)).probabilities).toEqual(ref);
    expect(c.classifyBatch(Array.from(inputs)).subarray(0, 10)).toEqual(ref);
  });

  it('refuses bad inputs with typed errors', () => {
    const c = loadClassifierSync({ model: bytes });
    const bad = (i: number, v: number) => Float32Array.from(one, (x, k) => (k === i ? v : x));
    expect(thrown(() => c.classify(new Float32Array(399)))).toEqual({ cls: 'InputError', code: 'bad-length' });
    expect(thrown(() => c.classify('0'.repeat(400) as unknown as Float32Array))).toEqual({ cls: 'InputError', code: 'bad-type' });
    expect(thrown(() => c.classify(null as unknown as Float32Array))).toEqual({ cls: 'InputError', code: 'bad-type' });
    expect(thrown(() => c.classify(bad(5, NaN)))).toEqual({ cls: 'InputError', code: 'not-finite' });
    expect(thrown(() => c.classify(bad(399, Infinity)))).toEqual({ cls: 'InputError', code: 'not-finite' });
    expect(thrown(() => c.classify(bad(0, -0.5)))).toEqual({ cls: 'InputError', code: 'out-of-range' });
    expect(thrown(() => c.classify(bad(200, 1.5)))).toEqual({ cls: 'InputError', code: 'out-of-range' });
    expect(thrown(() => c.classify(bad(200, 1)))).toBe('no error');
    expect(() => c.classify(bad(123, 2))).toThrow(/input\[123\] is 2/);
  });

  it('checks a whole batch before writing any result', () => {
    const c = loadClassifierSync({ model: bytes });
    const batch = inputs.slice();
    batch[5 * 400 + 7] = NaN;
    const out = new Float32Array(80).fill(-1);
    expect(thrown(() => c.classifyBatch(batch, out))).toEqual({ cls: 'InputError', code: 'not-finite', index: 5 });
    expect(out.every((v) => v === -1)).toBe(true);
    // over several kernel chunks too
    const big = randomInputs(5, 9000, 400);
    big[8500 * 400] = 3;
    const bigOut = new Float32Array(90_000).fill(-1);
    expect(thrown(() => c.classifyBatch(big, bigOut))).toEqual({ cls: 'InputError', code: 'out-of-range', index: 8500 });
    expect(bigOut.every((v) => v === -1)).toBe(true);
  });

  it('validates batch shapes and the output buffer', () => {
    const c = loadClassifierSync({ model: bytes });
    expect(thrown(() => c.classifyBatch(new Float32Array(401)))).toEqual({ cls: 'InputError', code: 'bad-length' });
    expect(thrown(() => c.classifyBatch(inputs, new Float32Array(79)))).toEqual({ cls: 'InputError', code: 'bad-output' });
    expect(thrown(() => c.classifyBatch(inputs, new Float64Array(80) as unknown as Float32Array))).toEqual({ cls: 'InputError', code: 'bad-output' });
    expect(c.classifyBatch(new Float32Array(0))).toEqual(new Float32Array(0));
    const out = new Float32Array(80);
    expect(c.classifyBatch(inputs, out)).toBe(out);
  });

  it('reads a batchInput() view where it lies, with the same results as a copied batch', () => {
    for (const m of [model, quantizeModel(model)]) {
      const c = loadClassifierSync({ model: m });
      const copied = c.classifyBatch(inputs);
      const view = c.batchInput(8);
      expect(view.length).toBe(8 * 400);
      view.set(inputs);
      expect(c.classifyBatch(view)).toEqual(copied);
      expect(c.classifyBatch(view.subarray(0, 3 * 400))).toEqual(copied.subarray(0, 30));
      // a view not from its start is copied like any other array
      expect(c.classifyBatch(view.subarray(400))).toEqual(copied.subarray(10));
      // values not on an input's boundary are copied, and the view stays as it was
      const shifted = view.slice(7, 7 + 800);
      expect(c.classifyBatch(view.subarray(7, 7 + 800))).toEqual(c.classifyBatch(shifted));
      // classify() and copied batches in between leave the view as it was too
      c.classify(inputs.subarray(400, 800));
      c.classifyBatch(inputs.subarray(800));
      expect(view).toEqual(inputs);
      expect(c.classifyBatch(view)).toEqual(copied);
      view[3 * 400 + 9] = -1;
      const out = new Float32Array(80).fill(7);
      expect(thrown(() => c.classifyBatch(view, out))).toEqual({ cls: 'InputError', code: 'out-of-range', index: 3 });
      expect(out.every((v) => v === 7)).toBe(true);
      expect(thrown(() => c.classifyBatch(view.subarray(400)))).toEqual({ cls: 'InputError', code: 'out-of-range', index: 2 });
      expect(() => c.classifyBatch(view.subarray(400))).toThrow(/input 2\[9\] is -1/);
      // a view for more inputs than any before grows the memory: the old one is refused, not read as empty
      view[3 * 400 + 9] = inputs[3 * 400 + 9]!;
      const big = c.batchInput(3000);
      expect(view.length).toBe(0);
      expect(thrown(() => c.classifyBatch(view))).toEqual({ cls: 'InputError', code: 'bad-type' });
      expect(big.subarray(0, 8 * 400)).toEqual(inputs);
      expect(c.classifyBatch(big.subarray(0, 8 * 400))).toEqual(copied);
      // over several of the kernel's chunks (1,024 inputs), read where they lie
      for (let i = 0; i < 3000; i++) big.set(inputs.subarray((i % 8) * 400, (i % 8) * 400 + 400), i * 400);
      const all = c.classifyBatch(big);
      expect(all.subarray(2999 * 10)).toEqual(copied.subarray(7 * 10, 8 * 10));
      expect(all).toEqual(c.classifyBatch(big.slice()));
      for (const n of [0, -1, 1.5, Number.NaN, 2 ** 20 + 1]) expect(thrown(() => c.batchInput(n))).toEqual({ cls: 'InputError', code: 'bad-option' });
      c.dispose();
      expect(thrown(() => c.batchInput(1))).toEqual({ cls: 'EngineError', code: 'disposed' });
    }
    // inputs not a multiple of 8: an ordinary array, copied in
    const small = loadClassifierSync({ model: randomModel(9, [25, 6, 3], 5, 5) });
    const x = small.batchInput(2);
    x.set(randomInputs(10, 2, 25));
    expect(small.classifyBatch(x)).toEqual(small.classifyBatch(x.slice()));
  });

  it('throws after dispose, and options are checked', () => {
    const c = loadClassifierSync({ model: bytes });
    c.dispose();
    expect(thrown(() => c.classify(one))).toEqual({ cls: 'EngineError', code: 'disposed' });
    expect(thrown(() => c.classifyBatch(inputs))).toEqual({ cls: 'EngineError', code: 'disposed' });
    expect(thrown(() => loadClassifierSync({ model: bytes, simd: 'yes' as 'on' }))).toEqual({ cls: 'InputError', code: 'bad-option' });
    expect(thrown(() => loadClassifierSync(42 as unknown as undefined))).toEqual({ cls: 'InputError', code: 'bad-option' });
    expect(thrown(() => loadClassifierSync({ model: new Uint8Array(10) }))).toEqual({ cls: 'ModelFormatError', code: 'truncated' });
  });

  it('embeds the default network with int8 weights, under both names, and has its f32 twin one import away', async () => {
    const int8 = await loadClassifier();
    const f32 = loadClassifierSync({ model: defaultF32ModelBytes() });
    expect(int8.model.layers.map((l) => `${l.inputs}-${l.outputs}-${l.activation}-${l.weightType}`)).toEqual(['400-25-relu-int8', '25-15-relu-int8', '15-10-softmax-int8']);
    expect(loadClassifierSync({ model: 'default-int8' }).model.metadata).toEqual(int8.model.metadata);
    expect(f32.model.layers.map((l) => `${l.inputs}-${l.outputs}-${l.activation}-${l.weightType}`)).toEqual(['400-25-relu-f32', '25-15-relu-f32', '15-10-softmax-f32']);
    for (const [c, weightType] of [[int8, 'int8'], [f32, 'f32']] as const) {
      expect(c.model.metadata).toMatchObject({ architecture: '400-25-15-10', weightType, seed: expect.any(Number), trainedAt: expect.stringMatching(/^\d{4}-\d\d-\d\d$/) });
    }
    expect(thrown(() => loadClassifierSync({ model: 'best' as 'default' }))).toEqual({ cls: 'InputError', code: 'bad-option' });
  });

  it('reports overflow inside the network instead of returning NaN', () => {
    const huge = randomModel(6, DEFAULT_DIMS, 20, 20);
    huge.layers[0]!.weights.fill(3e38);
    const c = loadClassifierSync({ model: huge });
    expect(thrown(() => c.classify(new Float32Array(400).fill(1)))).toEqual({ cls: 'EngineError', code: 'not-finite-output' });
    expect(thrown(() => c.classifyBatch(new Float32Array(800).fill(1)))).toEqual({ cls: 'EngineError', code: 'not-finite-output' });
    const q = loadClassifierSync({ model: quantizeModel(huge) });
    expect(thrown(() => q.classify(new Float32Array(400).fill(1)))).toEqual({ cls: 'EngineError', code: 'not-finite-output' });
  });

  it('keeps classifiers with different models independent', () => {
    const other = randomModel(99, [400, 64, 10], 20, 20, 'all');
    const cs: Classifier[] = [];
    for (let i = 0; i < 6; i++) cs.push(loadClassifierSync({ model: i % 2 ? other : model, simd: i % 3 === 0 ? 'off' : 'auto' }));
    const expectA = loadClassifierSync({ model }).classifyBatch(inputs);
    const expectB = loadClassifierSync({ model: other }).classifyBatch(inputs);
    for (let round = 0; round < 3; round++) {
      cs.forEach((c, i) => expect(c.classifyBatch(inputs)).toEqual(i % 2 ? expectB : expectA));
    }
  });
});
