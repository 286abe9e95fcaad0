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
import { decodeModel, loadClassifierSync, preprocess } from '../../src/index.js';
import { defaultF32ModelBytes } from '../../src/models/default-f32.js';
import { median } from '../../src/bench/bench.js';
import { loadMnist } from '../shared/mnist.js';
import { numberOption } from '../shared/options.js';
import { measureTargets } from './bench-targets.js';
import { compareMarkdown, latencySvg, type CompareReport } from './compare-report.js';
import { BATCH, makeContenders, plainForward, TINYDIGIT_INT8, type Contender } from './contenders.js';
import { bundleSize, gzipSize, librarySize } from './size.js';

const { values: args } = parseArgs({ options: { rounds: { type: 'string', default: '7' }, out: { type: 'string', default: 'docs' } } });
const ROUNDS = numberOption('rounds', args.rounds, 1, 1000, true);
// before the long run: an --out that cannot be a folder fails now, not after it
mkdirSync(args.out!, { recursive: true });
const require = createRequire(import.meta.url);
const now = () => performance.now();

/** Real inputs: the first BATCH MNIST test digits, preprocessed as tinydigit does. */
function testInputs(): Float32Array {
  const test = loadMnist('test');
  const inputs = new Float32Array(BATCH * 400);
  for (let i = 0; i < BATCH; i++) inputs.set(preprocess({ data: test.images.pixels.subarray(i * 784, (i + 1) * 784), width: 28, height: 28 })!, i * 400);
  return inputs;
}

/** The i-th input (cycling through the batch), so that each call reads a different digit, as in use. */
const nth = (inputs: Float32Array, i: number) => inputs.subarray((i % BATCH) * 400, (i % BATCH) * 400 + 400);

/** Calls per timed block so that a block takes about 20 ms (calls under a microsecond cannot be timed alone). */
async function calibrate(c: Contender, inputs: Float32Array): Promise<number> {
  let calls = 1;
  for (;;) {
    const t = now();
    for (let i = 0; i < calls; i++) c.async ? await c.single(nth(inputs, i)) : c.single(nth(inputs, i));
    if (now() - t > 20 || calls > 1e6) return calls;
    calls *= 2;
  }
}

/** Every contender timed in turn, round after round (one warm-up round): ns per digit and batch digits/s. */
async function timeRounds(contenders: Contender[], inputs: Float32Array): Promise<{ singleNs: number[][]; batchRate: number[][] }> {
  const one = nth(inputs, 0);
  const singleNs: number[][] = contenders.map(() => []);
  const batchRate: number[][] = contenders.map(() => []);
  const blockCalls: number[] = [];
  for (const c of contenders) {
    await c.prepare?.();
    blockCalls.push(await calibrate(c, inputs));
  }
  for (let round = -1; round < ROUNDS; round++) {
    for (const [k, c] of contenders.entries()) {
      await c.prepare?.();
      await c.single(one); // after a backend switch, the first call moves the weights
      const calls = blockCalls[k]!;
      for (let b = 0; b < 3; b++) {
        const t = now();
        if (c.async) for (let i = 0; i < calls; i++) await c.single(nth(inputs, i));
        else for (let i = 0; i < calls; i++) c.single(nth(inputs, i));
        if (round >= 0) singleNs[k]!.push(((now() - t) * 1e6) / calls);
      }
      const t = now();
      await c.batch(inputs);
      await c.batch(inputs);
      if (round >= 0) batchRate[k]!.push((2 * BATCH) / ((now() - t) / 1e3));
    }
    if (round >= 0) process.stderr.write(`round ${round + 1}/${ROUNDS}\n`);
  }
  return { singleNs, batchRate };
}

/** Shipped size, minified + gzip: what a web page or a package would carry to run this network, by contender. */
async function shippedSizes(onnx: Uint8Array): Promise<Record<string, { bytes: number; what: string }>> {
  const gz = gzipSize;
  const modelFile = gz(readFileSync('models/default-f32.tdm'));
  const fileGz = (path: string) => gz(readFileSync(path));
  const tfWasmDir = dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm'));
  const ortWebDir = dirname(require.resolve('onnxruntime-web'));
  const ortNativeDir = join(dirname(require.resolve('onnxruntime-node')), '../bin/napi-v6/linux/x64');
  return {
    'tinydigit (wasm SIMD)': { bytes: (await librarySize()).withModelsGzip, what: 'the library as a bundler ships it (tools/bench/size.ts): its three wasm modules and its embedded model (the default, int8 weights; the f32 weights timed here are one import more)' },
    [TINYDIGIT_INT8]: { bytes: (await librarySize()).withModelsGzip, what: 'the same' },
    'plain JS loops': { bytes: gz(plainForward.toString()) + modelFile, what: 'the loop function + the model file (f32 weights)' },
    'TF.js cpu': { bytes: (await bundleSize("export * from '@tensorflow/tfjs';")) + modelFile, what: '@tensorflow/tfjs bundle + weights' },
    'TF.js wasm': { bytes: (await bundleSize("export * from '@tensorflow/tfjs'; export * from '@tensorflow/tfjs-backend-wasm';")) + fileGz(join(tfWasmDir, 'tfjs-backend-wasm-simd.wasm')) + modelFile, what: 'tfjs + tfjs-backend-wasm bundles + its SIMD .wasm + weights' },
    'onnxruntime-node (native, 1 thread)': {
      bytes: fileGz(join(ortNativeDir, 'libonnxruntime.so.1')) + fileGz(join(ortNativeDir, 'onnxruntime_binding.node')) + gz(onnx),
      what: 'native libonnxruntime.so + binding (Linux x64 only) + the ONNX file',
    },
    'onnxruntime-web (wasm, in Node)': { bytes: fileGz(join(ortWebDir, 'ort.wasm.min.mjs')) + fileGz(join(ortWebDir, 'ort-wasm-simd-threaded.wasm')) + gz(onnx), what: 'ort.wasm.min.mjs + ort-wasm-simd-threaded.wasm + the ONNX file' },
  };
}

const model = decodeModel(defaultF32ModelBytes());
const inputs = testInputs();
const { contenders, onnx } = await makeContenders(model, loadClassifierSync({ model: defaultF32ModelBytes() }), loadClassifierSync(), inputs, new Float32Array(BATCH * 10), nth(inputs, 0));
const { singleNs, batchRate } = await timeRounds(contenders, inputs);
const sizes = await shippedSizes(onnx);
const measured = contenders.map((c, k) => ({
  name: c.name,
  singleMedianNs: median(singleNs[k]!),
  batchDigitsPerSecond: median(batchRate[k]!),
  shippedBytesGzip: sizes[c.name]!.bytes,
  shipped: sizes[c.name]!.what,
}));
const td = measured[0]!;
const row = (name: string) => measured.find((r) => r.name === name) ?? (() => { throw new Error(`bench:compare: no ${name} row`); })();
const ortNode = row('onnxruntime-node (native, 1 thread)');
process.stderr.write('targets: tinydigit bench in a child process, then cold starts in fresh processes\n');
const targets = await measureTargets(ROUNDS, {
  singleF32Ns: td.singleMedianNs,
  batchF32PerSecond: td.batchDigitsPerSecond,
  batchInt8PerSecond: row(TINYDIGIT_INT8).batchDigitsPerSecond,
  ortNodeSingleNs: ortNode.singleMedianNs,
  ortNodeBatchPerSecond: ortNode.batchDigitsPerSecond,
});
const report: CompareReport = {
  date: new Date().toISOString().slice(0, 10),
  machine: `${cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${cpus().length} cores, Node ${process.version}`,
  rounds: ROUNDS,
  batch: BATCH,
  versions: {
    tinydigit: JSON.parse(readFileSync('package.json', 'utf8')).version,
    '@tensorflow/tfjs': tf.version.tfjs,
    'onnxruntime-node': JSON.parse(readFileSync('node_modules/onnxruntime-node/package.json', 'utf8')).version,
    'onnxruntime-web': JSON.parse(readFileSync('node_modules/onnxruntime-web/package.json', 'utf8')).version,
  },
  results: measured.map((r) => ({ ...r, singleVsTinydigit: r.singleMedianNs / td.singleMedianNs, batchVsTinydigit: r.batchDigitsPerSecond / td.batchDigitsPerSecond, sizeVsTinydigit: r.shippedBytesGzip / td.shippedBytesGzip })),
  targets,
};
const md = compareMarkdown(report);
writeFileSync(join(args.out!, 'bench-compare.json'), `${JSON.stringify(report, null, 2)}\n`);
writeFileSync(join(args.out!, 'bench-compare.md'), `${md}\n`);
writeFileSync(join(args.out!, 'bench-compare.svg'), latencySvg(report.results));
console.log(md);
