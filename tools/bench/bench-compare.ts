// npm run bench:compare: the default model's network and weights in the libraries people would use
// instead (plain JS loops, TF.js cpu, TF.js wasm, onnxruntime-node, onnxruntime-web in Node), timed
// interleaved in one process round by round (medians), as ratios to tinydigit; plus what each ships
// (minified + gzip); then tinydigit's own targets (tools/bench/bench-targets.ts), each measured in the same
// run. Writes docs/bench-compare.{json,md,svg}. Needs `npm run build` first (the targets run dist/cli.js).

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import * as ortNode from 'onnxruntime-node';
import * as ortWeb from 'onnxruntime-web';
import { decodeModel, defaultModelBytes, loadClassifierSync, preprocess, type DenseLayerF32 } from '../../src/index.js';
import { median } from '../../src/bench/bench.js';
import { loadMnist } from '../shared/mnist.js';
import { numberOption } from '../shared/options.js';
import { modelToOnnx } from './onnx.js';
import { measureTargets, targetsTable } from './bench-targets.js';
import { bundleSize, gzipSize, librarySize } from './size.js';

const { values: args } = parseArgs({ options: { rounds: { type: 'string', default: '7' }, out: { type: 'string', default: 'docs' } } });
const ROUNDS = numberOption('rounds', args.rounds, 1, 1000, true);
// before the long run: an --out that cannot be a folder fails now, not after it
mkdirSync(args.out!, { recursive: true });
const BATCH = 1024;
const require = createRequire(import.meta.url);

interface Contender {
  name: string;
  /** Before its turn in each round (TF.js switches its global backend). */
  prepare?: () => Promise<void>;
  single: (x: Float32Array) => unknown | Promise<unknown>;
  batch: (xs: Float32Array) => unknown | Promise<unknown>;
  /** Whether single() returns a promise (timed with await, as users call it). */
  async: boolean;
  /** The probabilities of the first input, to check that everyone computes the same network. */
  check: (x: Float32Array) => Promise<Float32Array>;
}

const model = decodeModel(defaultModelBytes('default'));
const layers = model.layers as DenseLayerF32[];

// Real inputs: the first BATCH MNIST test digits, preprocessed as tinydigit does.
const test = loadMnist('test');
const inputs = new Float32Array(BATCH * 400);
for (let i = 0; i < BATCH; i++) inputs.set(preprocess({ data: test.images.pixels.subarray(i * 784, (i + 1) * 784), width: 28, height: 28 })!, i * 400);
const one = inputs.subarray(0, 400);

// tinydigit
const clf = loadClassifierSync();
const out = new Float32Array(BATCH * 10);

// Plain JS: Float32Array loops over the same weights, the code anyone would write.
function plainForward(x: Float32Array, n: number): Float32Array {
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

// TF.js: a Layers model with the same weights (kernels are [inputs, outputs]).
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
const tfPredict = (xs: Float32Array, n: number) => tf.tidy(() => (tfModel.predict(tf.tensor2d(xs, [n, 400])) as tf.Tensor).dataSync() as Float32Array);
const tfContender = (name: string, backend: string): Contender => ({
  name,
  prepare: async () => {
    if (!(await tf.setBackend(backend))) throw new Error(`TF.js backend ${backend} did not start`);
    await tf.ready();
  },
  single: (x) => tfPredict(x, 1),
  batch: (xs) => tfPredict(xs, BATCH),
  async: false,
  check: async (x) => {
    await tf.setBackend(backend);
    return tfPredict(x, 1);
  },
});

// onnxruntime (native in Node, and its wasm build in Node), from the same weights as an ONNX file.
const onnx = modelToOnnx(model);
ortWeb.env.wasm.numThreads = 1;
const nodeSession = await ortNode.InferenceSession.create(onnx, { intraOpNumThreads: 1, interOpNumThreads: 1 });
const webSession = await ortWeb.InferenceSession.create(onnx);
const ortRun = async (session: ortNode.InferenceSession | ortWeb.InferenceSession, T: typeof ortNode.Tensor | typeof ortWeb.Tensor, xs: Float32Array, n: number) =>
  (await session.run({ x: new T('float32', xs, [n, 400]) })).probabilities!.data as Float32Array;

const contenders: Contender[] = [
  { name: 'tinydigit (wasm SIMD)', single: (x) => clf.classify(x), batch: (xs) => clf.classifyBatch(xs, out), async: false, check: async (x) => clf.classify(x).probabilities },
  { name: 'plain JS loops', single: (x) => plainForward(x, 1), batch: (xs) => plainForward(xs, BATCH), async: false, check: async (x) => plainForward(x, 1) },
  tfContender('TF.js cpu', 'cpu'),
  tfContender('TF.js wasm', 'wasm'),
  { name: 'onnxruntime-node (native, 1 thread)', single: (x) => ortRun(nodeSession, ortNode.Tensor, x, 1), batch: (xs) => ortRun(nodeSession, ortNode.Tensor, xs, BATCH), async: true, check: (x) => ortRun(nodeSession, ortNode.Tensor, x, 1) },
  { name: 'onnxruntime-web (wasm, in Node)', single: (x) => ortRun(webSession, ortWeb.Tensor, x, 1), batch: (xs) => ortRun(webSession, ortWeb.Tensor, xs, BATCH), async: true, check: (x) => ortRun(webSession, ortWeb.Tensor, x, 1) },
];

// Everyone computes the same network: same digit, probabilities within float rounding.
const reference = clf.classify(one).probabilities;
for (const c of contenders) {
  await c.prepare?.();
  const p = await c.check(one);
  const diff = Math.max(...Array.from(reference, (v, i) => Math.abs(v - p[i]!)));
  if (!(diff < 1e-4)) throw new Error(`${c.name} disagrees with tinydigit by ${diff}`);
}

const now = () => performance.now();

/** Calls per timed block so that a block takes about 20 ms (calls under a microsecond cannot be timed alone). */
async function calibrate(c: Contender): Promise<number> {
  let calls = 1;
  for (;;) {
    const t = now();
    for (let i = 0; i < calls; i++) c.async ? await c.single(inputs.subarray((i % BATCH) * 400, (i % BATCH) * 400 + 400)) : c.single(inputs.subarray((i % BATCH) * 400, (i % BATCH) * 400 + 400));
    if (now() - t > 20 || calls > 1e6) return calls;
    calls *= 2;
  }
}

const singleNs: number[][] = contenders.map(() => []);
const batchRate: number[][] = contenders.map(() => []);
const blockCalls: number[] = [];
for (const c of contenders) {
  await c.prepare?.();
  blockCalls.push(await calibrate(c));
}
for (let round = -1; round < ROUNDS; round++) {
  for (const [k, c] of contenders.entries()) {
    await c.prepare?.();
    await c.single(one); // after a backend switch, the first call moves the weights
    const calls = blockCalls[k]!;
    for (let b = 0; b < 3; b++) {
      const t = now();
      if (c.async) for (let i = 0; i < calls; i++) await c.single(inputs.subarray((i % BATCH) * 400, (i % BATCH) * 400 + 400));
      else for (let i = 0; i < calls; i++) c.single(inputs.subarray((i % BATCH) * 400, (i % BATCH) * 400 + 400));
      if (round >= 0) singleNs[k]!.push(((now() - t) * 1e6) / calls);
    }
    const t = now();
    await c.batch(inputs);
    await c.batch(inputs);
    if (round >= 0) batchRate[k]!.push((2 * BATCH) / ((now() - t) / 1e3));
  }
  if (round >= 0) process.stderr.write(`round ${round + 1}/${ROUNDS}\n`);
}

// Shipped size, minified + gzip: what a web page or a package would carry to run this network.
const gz = gzipSize;
const modelFile = gz(readFileSync('models/default-f32.tdm'));
const wasmGz = (path: string) => gz(readFileSync(path));
const tfWasmDir = dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm'));
const ortWebDir = dirname(require.resolve('onnxruntime-web'));
const ortNativeDir = join(dirname(require.resolve('onnxruntime-node')), '../bin/napi-v6/linux/x64');
const sizes: Record<string, { bytes: number; what: string }> = {
  'tinydigit (wasm SIMD)': { bytes: (await librarySize()).withModelsGzip, what: 'the library as a bundler ships it (tools/bench/size.ts): its three wasm modules and its embedded models (both default models and readNumber\'s second reader)' },
  'plain JS loops': { bytes: gz(plainForward.toString()) + modelFile, what: 'the loop function + the model file (f32 weights)' },
  'TF.js cpu': { bytes: (await bundleSize("export * from '@tensorflow/tfjs';")) + modelFile, what: '@tensorflow/tfjs bundle + weights' },
  'TF.js wasm': { bytes: (await bundleSize("export * from '@tensorflow/tfjs'; export * from '@tensorflow/tfjs-backend-wasm';")) + wasmGz(join(tfWasmDir, 'tfjs-backend-wasm-simd.wasm')) + modelFile, what: 'tfjs + tfjs-backend-wasm bundles + its SIMD .wasm + weights' },
  'onnxruntime-node (native, 1 thread)': {
    bytes: gz(readFileSync(join(ortNativeDir, 'libonnxruntime.so.1'))) + gz(readFileSync(join(ortNativeDir, 'onnxruntime_binding.node'))) + gz(onnx),
    what: 'native libonnxruntime.so + binding (Linux x64 only) + the ONNX file',
  },
  'onnxruntime-web (wasm, in Node)': { bytes: gz(readFileSync(join(ortWebDir, 'ort.wasm.min.mjs'))) + wasmGz(join(ortWebDir, 'ort-wasm-simd-threaded.wasm')) + gz(onnx), what: 'ort.wasm.min.mjs + ort-wasm-simd-threaded.wasm + the ONNX file' },
};

const results = contenders.map((c, k) => ({
  name: c.name,
  singleMedianNs: median(singleNs[k]!),
  batchDigitsPerSecond: median(batchRate[k]!),
  shippedBytesGzip: sizes[c.name]!.bytes,
  shipped: sizes[c.name]!.what,
}));
const td = results[0]!;
process.stderr.write('targets: tinydigit bench in a child process, then cold starts in fresh processes\n');
const targets = await measureTargets(ROUNDS, { singleF32Ns: td.singleMedianNs, batchF32PerSecond: td.batchDigitsPerSecond });
const machine = `${cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${cpus().length} cores, Node ${process.version}`;
const report = {
  date: new Date().toISOString().slice(0, 10),
  machine,
  rounds: ROUNDS,
  batch: BATCH,
  versions: {
    tinydigit: JSON.parse(readFileSync('package.json', 'utf8')).version,
    '@tensorflow/tfjs': tf.version.tfjs,
    'onnxruntime-node': JSON.parse(readFileSync('node_modules/onnxruntime-node/package.json', 'utf8')).version,
    'onnxruntime-web': JSON.parse(readFileSync('node_modules/onnxruntime-web/package.json', 'utf8')).version,
  },
  results: results.map((r) => ({ ...r, singleVsTinydigit: r.singleMedianNs / td.singleMedianNs, batchVsTinydigit: r.batchDigitsPerSecond / td.batchDigitsPerSecond, sizeVsTinydigit: r.shippedBytesGzip / td.shippedBytesGzip })),
  targets,
};

const kb = (b: number) => (b < 1e6 ? `${(b / 1024).toFixed(1)} KB` : `${(b / 1024 / 1024).toFixed(1)} MB`);
const us = (ns: number) => (ns < 1e4 ? `${(ns / 1e3).toFixed(2)} µs` : `${(ns / 1e3).toFixed(0)} µs`);
const times = (x: number) => (x >= 10 ? `${x.toFixed(0)}x` : `${x.toFixed(2)}x`);
const md = [
  `| library | one digit (median) | tinydigit is | batch of ${BATCH} | tinydigit is | shipped (min+gzip) |`,
  '| --- | --- | --- | --- | --- | --- |',
  ...report.results.map((r, k) =>
    k === 0
      ? `| **${r.name}** | **${us(r.singleMedianNs)}** | | **${(r.batchDigitsPerSecond / 1e6).toFixed(3)} M digits/s** | | **${kb(r.shippedBytesGzip)}** |`
      : `| ${r.name} | ${us(r.singleMedianNs)} | ${times(r.singleVsTinydigit)} as fast | ${(r.batchDigitsPerSecond / 1e6).toFixed(3)} M digits/s | ${times(1 / r.batchVsTinydigit)} as fast | ${kb(r.shippedBytesGzip)} |`,
  ),
  '',
  `<sub>${report.date}, ${machine}; medians of ${ROUNDS} rounds, all libraries interleaved in one process (\`npm run bench:compare\`), ` +
    `the default model's weights in each. One digit: each library's call for one 400-value input, API included (onnxruntime's is async and awaited). ` +
    `"tinydigit is Nx as fast": the library's time over tinydigit's (below 1: the library is faster). ` +
    `Shipped: ${report.results.map((r) => `${r.name}: ${r.shipped}`).join('; ')}.</sub>`,
  '',
  `tinydigit against its targets, the same run (single and batch f32: the table above; int8, canvas and pool: \`tinydigit bench --rounds ${ROUNDS}\` ` +
    `in a child process; cold start: median of fresh Node processes timing \`import\` of the bundle to the first \`classify\` result; sizes: the build):`,
  '',
  targetsTable(targets),
].join('\n');

// A bar chart of single-digit latency, log scale.
const W = 640;
const rowH = 34;
const maxNs = Math.max(...results.map((r) => r.singleMedianNs));
const minNs = Math.min(...results.map((r) => r.singleMedianNs));
const x = (ns: number) => 250 + ((Math.log10(ns) - Math.log10(minNs / 2)) / (Math.log10(maxNs * 1.5) - Math.log10(minNs / 2))) * (W - 330);
const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${60 + rowH * results.length}" font-family="sans-serif" font-size="13">
<rect width="100%" height="100%" fill="#fff"/>
<text x="10" y="22" font-size="15" font-weight="bold">One digit, median latency (log scale; shorter is faster)</text>
${results
  .map((r, k) => {
    const y = 40 + k * rowH;
    return `<text x="240" y="${y + 18}" text-anchor="end">${r.name}</text><rect x="250" y="${y + 4}" width="${(x(r.singleMedianNs) - 250).toFixed(1)}" height="20" fill="${k === 0 ? '#2a7de1' : '#999'}"/><text x="${(x(r.singleMedianNs) + 6).toFixed(1)}" y="${y + 18}">${us(r.singleMedianNs)}</text>`;
  })
  .join('\n')}
</svg>
`;

writeFileSync(join(args.out!, 'bench-compare.json'), `${JSON.stringify(report, null, 2)}\n`);
writeFileSync(join(args.out!, 'bench-compare.md'), `${md}\n`);
writeFileSync(join(args.out!, 'bench-compare.svg'), svg);
console.log(md);
