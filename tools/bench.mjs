// npm run bench: single-digit latency and batch throughput of the built package, for SIMD f32, SIMD int8
// and scalar f32, interleaved in one process. Calls are timed in blocks (one call is too short to time)
// and each figure is the median over rounds.
import { encodeModel, loadClassifierSync, quantizeModel, decodeModel } from '../dist/index.js';
import { readFileSync, existsSync } from 'node:fs';
import os from 'node:os';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);
const SINGLE_BLOCK = 2000;
const BATCH = 1024;
const BATCH_BLOCK = 8;

function seeded(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The default model when one is committed, else a seeded random 400-25-15-10 (same cost per digit). */
function benchModel() {
  const path = new URL('../models/default-f32.tdm', import.meta.url);
  if (existsSync(path)) return { name: 'default', model: decodeModel(readFileSync(path)) };
  const r = seeded(1);
  const dims = [400, 25, 15, 10];
  const layers = dims.slice(1).map((outputs, k) => ({
    inputs: dims[k], outputs, activation: k === 2 ? 'softmax' : 'relu', weightType: 'f32',
    weights: Float32Array.from({ length: dims[k] * outputs }, () => (r() - 0.5) * 0.2),
    biases: Float32Array.from({ length: outputs }, () => (r() - 0.5) * 0.1),
  }));
  return { name: 'random 400-25-15-10', model: { inputHeight: 20, inputWidth: 20, layers, metadata: {} } };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const { name, model } = benchModel();
const r = seeded(2);
const inputs = Float32Array.from({ length: BATCH * 400 }, () => (r() < 0.6 ? 0 : r()));
const variants = [
  ['SIMD f32', loadClassifierSync({ model: encodeModel(model), simd: 'on' })],
  ['SIMD int8', loadClassifierSync({ model: encodeModel(quantizeModel(model)), simd: 'on' })],
  ['scalar f32', loadClassifierSync({ model: encodeModel(model), simd: 'off' })],
];
const out = new Float32Array(BATCH * 10);
const single = variants.map(() => []);
const batch = variants.map(() => []);
let sink = 0;
for (let round = 0; round < ROUNDS + 2; round++) {
  variants.forEach(([, c], v) => {
    let t = process.hrtime.bigint();
    for (let i = 0; i < SINGLE_BLOCK; i++) sink += c.classify(inputs.subarray((i % BATCH) * 400, (i % BATCH) * 400 + 400)).digit;
    const ns = Number(process.hrtime.bigint() - t) / SINGLE_BLOCK;
    t = process.hrtime.bigint();
    for (let i = 0; i < BATCH_BLOCK; i++) c.classifyBatch(inputs, out);
    const perSec = (BATCH * BATCH_BLOCK) / (Number(process.hrtime.bigint() - t) / 1e9);
    if (round >= 2) {
      single[v].push(ns);
      batch[v].push(perSec);
    }
  });
  process.stderr.write(`\rround ${round + 1}/${ROUNDS + 2}`);
}
process.stderr.write('\n');
console.log(`tinydigit bench: ${name}, node ${process.version}, ${os.cpus()[0]?.model ?? 'cpu'}; medians of ${ROUNDS} rounds`);
console.log('kernel       single classify (ns)   batch-1024 (digits/s)');
variants.forEach(([label], v) => {
  console.log(`${label.padEnd(12)} ${median(single[v]).toFixed(0).padStart(20)}   ${(median(batch[v]) / 1e6).toFixed(3).padStart(12)} M`);
});
if (sink < 0) console.log(sink);
