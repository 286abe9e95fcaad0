// Compares builds of the kernel module in one process, interleaved: the bare kernel calls (no JS API
// around them) for one digit and for batches of 1024, with the default model laid out as the library
// lays it. `npm run bench:kernels -- build/tinydigit.simd.wasm /tmp/baseline.simd.wasm [--rounds 15]`
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { decodeModel, preprocess, quantizeModel, type Model } from '../../src/index.js';
import { defaultF32ModelBytes } from '../../src/models/default-f32.js';
import { median } from '../../src/bench/bench.js';
import { loadMnist } from '../shared/mnist.js';
import { numberOption } from '../shared/options.js';
import type { KernelExports } from '../../src/wasm/abi.js';
import { growMemory, memoryBytes, planMemory, writeModel } from '../../src/wasm/layout.js';

const BATCH = 1024;
const { values, positionals: files } = parseArgs({ options: { rounds: { type: 'string', default: '15' } }, allowPositionals: true });
const ROUNDS = numberOption('rounds', values.rounds, 1, 1000, true);
if (files.length === 0) {
  console.error('usage: npm run bench:kernels -- A.wasm [B.wasm ...] [--rounds N]');
  process.exit(2);
}

// Real inputs: the first BATCH MNIST test digits, preprocessed (the f32 kernel's cost depends on how
// much of the input is ink).
const test = loadMnist('test');
const DIGITS = new Float32Array(BATCH * 400);
for (let i = 0; i < BATCH; i++) DIGITS.set(preprocess({ data: test.images.pixels.subarray(i * 784, (i + 1) * 784), width: 28, height: 28 })!, i * 400);

function setUp(file: string, model: Model) {
  const k = new WebAssembly.Instance(new WebAssembly.Module(readFileSync(file)), {}).exports as unknown as KernelExports;
  const plan = planMemory(model, k.heapBase());
  growMemory(k.memory, memoryBytes(plan, 10, BATCH));
  writeModel(k.memory, plan, model, k);
  k.configure(plan.table, model.layers.length, plan.bufA, plan.bufB, plan.qBuf, plan.idxBuf, 400, 10);
  new Float32Array(k.memory.buffer).set(DIGITS, plan.io >> 2);
  return { k, x: plan.io, out: plan.io + 4 * BATCH * plan.inStride };
}

const f32Model = decodeModel(defaultF32ModelBytes());
const variants = files.flatMap((file) => [
  { name: `${file} f32`, ...setUp(file, f32Model) },
  { name: `${file} int8`, ...setUp(file, quantizeModel(f32Model)) },
]);
const single = variants.map(() => [] as number[]);
const batch = variants.map(() => [] as number[]);
for (let round = -2; round < ROUNDS; round++) {
  variants.forEach((v, i) => {
    let t = performance.now();
    for (let n = 0; n < 20000; n++) v.k.classify(v.x + (n % BATCH) * 1600, v.out); // a different digit each call, as in use
    const ns = ((performance.now() - t) * 1e6) / 20000;
    t = performance.now();
    for (let n = 0; n < 10; n++) v.k.classifyBatch(v.x, BATCH, v.out);
    const perSec = (10 * BATCH) / ((performance.now() - t) / 1e3);
    if (round >= 0) {
      single[i]!.push(ns);
      batch[i]!.push(perSec);
    }
  });
}
console.log(`bare kernel calls, default model, medians of ${ROUNDS} interleaved rounds`);
variants.forEach((v, i) => {
  const base = i % 2;
  console.log(`${v.name.padEnd(48)} single ${median(single[i]!).toFixed(0).padStart(5)} ns (x${(median(single[base]!) / median(single[i]!)).toFixed(2)})   batch ${(median(batch[i]!) / 1e6).toFixed(3)} M/s (x${(median(batch[i]!) / median(batch[base]!)).toFixed(2)})`);
});
