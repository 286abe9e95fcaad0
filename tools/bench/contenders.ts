// The contenders of npm run bench:compare: the default model's network and weights in tinydigit and in
// the libraries people would use instead, each checked to compute the same probabilities.
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import * as ortNode from 'onnxruntime-node';
import * as ortWeb from 'onnxruntime-web';
import type { Classifier, DenseLayerF32, Model } from '../../src/index.js';
import { modelToOnnx } from './onnx.js';

/** Inputs per batch call. */
export const BATCH = 1024;

export interface Contender {
  name: string;
  /** Before its turn in each round (TF.js switches its global backend). */
  prepare?: () => Promise<void>;
  single: (x: Float32Array) => unknown | Promise<unknown>;
  batch: (xs: Float32Array) => unknown | Promise<unknown>;
  /** Whether single() returns a promise (timed with await, as users call it). */
  async: boolean;
  /** The probabilities of the first input, to check that everyone computes the same network. */
  check: (x: Float32Array) => Promise<Float32Array>;
  /** How far check() may be from tinydigit's f32 probabilities (default 1e-4; the int8 model's are rounded). */
  tolerance?: number;
}

/** Plain JS: Float32Array loops over the same weights, the code anyone would write. */
export function plainForward(layers: DenseLayerF32[], x: Float32Array, n: number): Float32Array {
  let h = x;
  for (const l of layers) {
    const y = new Float32Array(n * l.outputs);
    for (let s = 0; s < n; s++) {
      for (let j = 0; j < l.outputs; j++) {
        let sum = l.biases[j]!;
        const w = j * l.inputs;
        const xi = s * l.inputs;
        for (let i = 0; i < l.inputs; i++) sum += l.weights[w + i]! * h[xi + i]!;
        y[s * l.outputs + j] = l.activation === 'relu' ? Math.max(0, sum) : sum;
      }
      if (l.activation === 'softmax') {
        const row = y.subarray(s * l.outputs, (s + 1) * l.outputs);
        const m = Math.max(...row);
        let total = 0;
        for (let j = 0; j < row.length; j++) total += row[j] = Math.exp(row[j]! - m);
        for (let j = 0; j < row.length; j++) row[j]! /= total;
      }
    }
    h = y;
  }
  return h;
}

/** TF.js: a Layers model with the same weights (kernels are [inputs, outputs]), on one of its backends. */
async function tfContenders(layers: DenseLayerF32[]): Promise<Contender[]> {
  await tf.setBackend('cpu');
  const tfModel = tf.sequential({
    layers: layers.map((l, k) => tf.layers.dense({ units: l.outputs, activation: l.activation === 'none' ? 'linear' : l.activation, ...(k === 0 ? { inputShape: [l.inputs] } : {}) })),
  });
  tfModel.setWeights(
    layers.flatMap((l) => {
      const kernel = new Float32Array(l.inputs * l.outputs);
      for (let j = 0; j < l.outputs; j++) for (let i = 0; i < l.inputs; i++) kernel[i * l.outputs + j] = l.weights[j * l.inputs + i]!;
      return [tf.tensor2d(kernel, [l.inputs, l.outputs]), tf.tensor1d(l.biases)];
    }),
  );
  const predict = (xs: Float32Array, n: number) => tf.tidy(() => (tfModel.predict(tf.tensor2d(xs, [n, 400])) as tf.Tensor).dataSync() as Float32Array);
  return [['TF.js cpu', 'cpu'], ['TF.js wasm', 'wasm']].map(([name, backend]) => ({
    name: name!,
    prepare: async () => {
      if (!(await tf.setBackend(backend!))) throw new Error(`TF.js backend ${backend} did not start`);
      await tf.ready();
    },
    single: (x) => predict(x, 1),
    batch: (xs) => predict(xs, BATCH),
    async: false,
    check: async (x) => {
      await tf.setBackend(backend!);
      return predict(x, 1);
    },
  }));
}

/** onnxruntime, native in Node and its wasm build in Node, from the same weights as an ONNX file. */
async function onnxContenders(onnx: Uint8Array): Promise<Contender[]> {
  ortWeb.env.wasm.numThreads = 1;
  const nodeSession = await ortNode.InferenceSession.create(onnx, { intraOpNumThreads: 1, interOpNumThreads: 1 });
  const webSession = await ortWeb.InferenceSession.create(onnx);
  const run = async (session: ortNode.InferenceSession | ortWeb.InferenceSession, T: typeof ortNode.Tensor | typeof ortWeb.Tensor, xs: Float32Array, n: number) =>
    (await session.run({ x: new T('float32', xs, [n, 400]) })).probabilities!.data as Float32Array;
  return [
    { name: 'onnxruntime-node (native, 1 thread)', single: (x) => run(nodeSession, ortNode.Tensor, x, 1), batch: (xs) => run(nodeSession, ortNode.Tensor, xs, BATCH), async: true, check: (x) => run(nodeSession, ortNode.Tensor, x, 1) },
    { name: 'onnxruntime-web (wasm, in Node)', single: (x) => run(webSession, ortWeb.Tensor, x, 1), batch: (xs) => run(webSession, ortWeb.Tensor, xs, BATCH), async: true, check: (x) => run(webSession, ortWeb.Tensor, x, 1) },
  ];
}

/** The names of tinydigit's own two rows: the f32 network every library runs, and the embedded default (int8). */
export const TINYDIGIT_F32 = 'tinydigit (wasm SIMD)';
export const TINYDIGIT_INT8 = 'tinydigit int8 (default model), batch in a batchInput() view';

/**
 * tinydigit (`clf`, writing batches into `out`) first, then the embedded default (`int8`, its batches
 * written once into its batchInput() view and read there), then the others on `model`'s weights; each
 * checked against tinydigit on `one` input: the same probabilities within 1e-4 (int8: 0.02), or an error.
 */
export async function makeContenders(model: Model, clf: Classifier, int8: Classifier, inputs: Float32Array, out: Float32Array, one: Float32Array): Promise<{ contenders: Contender[]; onnx: Uint8Array }> {
  const layers = model.layers as DenseLayerF32[];
  const onnx = modelToOnnx(model);
  const view = int8.batchInput(BATCH);
  view.set(inputs.subarray(0, BATCH * 400));
  const contenders: Contender[] = [
    { name: TINYDIGIT_F32, single: (x) => clf.classify(x), batch: (xs) => clf.classifyBatch(xs, out), async: false, check: async (x) => clf.classify(x).probabilities },
    { name: TINYDIGIT_INT8, single: (x) => int8.classify(x), batch: () => int8.classifyBatch(view, out), async: false, check: async (x) => int8.classify(x).probabilities, tolerance: 0.02 },
    { name: 'plain JS loops', single: (x) => plainForward(layers, x, 1), batch: (xs) => plainForward(layers, xs, BATCH), async: false, check: async (x) => plainForward(layers, x, 1) },
    ...(await tfContenders(layers)),
    ...(await onnxContenders(onnx)),
  ];
  const reference = clf.classify(one).probabilities;
  for (const c of contenders) {
    await c.prepare?.();
    const p = await c.check(one);
    const diff = Math.max(...Array.from(reference, (v, i) => Math.abs(v - p[i]!)));
    if (!(diff < (c.tolerance ?? 1e-4))) throw new Error(`${c.name} disagrees with tinydigit by ${diff}`);
  }
  return { contenders, onnx };
}
