// tinydigit bench: latency and throughput on this machine, from the installed package (and the demo
// page's Benchmark button, in the browser). Calls are timed
// in blocks (one call is too short to time alone), after a warm-up, over several rounds; medians.
import { loadClassifierSync, type Classifier } from '../index.js';

export interface BenchResult {
  kernel: string;
  singleMedianNs: number;
  singleP99Ns: number;
  batchDigitsPerSecond: number;
}

export interface BenchReport {
  /** Node's version, or the browser's user agent. */
  runtime: string;
  rounds: number;
  coldStartMs: number;
  canvasToDigitUs: number;
  kernels: BenchResult[];
}

const BLOCK = 1000;
const BATCH = 1024;

const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;
const now = () => performance.now();

/** A 280x280 RGBA canvas with a drawn 7 (dark strokes on white), as a demo page would hand over. */
function canvasSeven(): { data: Uint8ClampedArray; width: number; height: number } {
  const w = 280;
  const data = new Uint8ClampedArray(w * w * 4).fill(255);
  const dot = (cx: number, cy: number) => {
    for (let y = cy - 8; y <= cy + 8; y++) for (let x = cx - 8; x <= cx + 8; x++) if ((x - cx) ** 2 + (y - cy) ** 2 <= 64) data.fill(0, (y * w + x) * 4, (y * w + x) * 4 + 3);
  };
  for (let t = 0; t <= 1; t += 0.01) dot(Math.round(60 + 160 * t), 50);
  for (let t = 0; t <= 1; t += 0.01) dot(Math.round(220 - 90 * t), Math.round(50 + 180 * t));
  return { data, width: w, height: w };
}

/** Runs the benchmark; `progress` hears about each round. */
export function runBench(rounds: number, progress: (msg: string) => void = () => {}): BenchReport {
  const t0 = now();
  const cold = loadClassifierSync();
  const canvas = canvasSeven();
  cold.classifyImage(canvas);
  const coldStartMs = now() - t0;
  // Inputs in [0, 1], a third of them ink: the cost per digit does not depend on the values.
  const inputs = new Float32Array(BATCH * 400);
  for (let i = 0; i < inputs.length; i++) inputs[i] = ((i * 2654435761) >>> 0) % 3 === 0 ? ((i * 40503) % 1000) / 1000 : 0;
  const label = (c: Classifier, weights: string) => `${c.backend === 'wasm-simd' ? 'SIMD' : 'scalar'} ${weights}`;
  const f32 = loadClassifierSync();
  const int8 = loadClassifierSync({ model: 'default-int8' });
  const scalar = loadClassifierSync({ simd: 'off' });
  const kernels: [string, Classifier][] = [[label(f32, 'f32'), f32], [label(int8, 'int8'), int8], ['scalar f32', scalar]];
  const single: number[][] = kernels.map(() => []);
  const batch: number[][] = kernels.map(() => []);
  const canvasTimes: number[] = [];
  const out = new Float32Array(BATCH * 10);
  let sink = 0;
  for (let round = -1; round < rounds; round++) {
    kernels.forEach(([, c], k) => {
      for (let b = 0; b < 10; b++) {
        const t = now();
        for (let i = 0; i < BLOCK; i++) sink += c.classify(inputs.subarray((i % BATCH) * 400, (i % BATCH) * 400 + 400)).digit;
        if (round >= 0) single[k]!.push(((now() - t) * 1e6) / BLOCK);
      }
      const t = now();
      for (let i = 0; i < 4; i++) c.classifyBatch(inputs, out);
      if (round >= 0) batch[k]!.push((4 * BATCH) / ((now() - t) / 1e3));
    });
    const t = now();
    for (let i = 0; i < 20; i++) sink += cold.classifyImage(canvas)!.digit;
    if (round >= 0) canvasTimes.push(((now() - t) * 1e3) / 20);
    if (round >= 0) progress(`round ${round + 1}/${rounds}`);
  }
  if (sink < 0) progress(String(sink));
  return {
    runtime: typeof process !== 'undefined' && process.versions?.node ? `Node ${process.version}` : typeof navigator !== 'undefined' ? navigator.userAgent : 'unknown',
    rounds,
    coldStartMs,
    canvasToDigitUs: quantile(canvasTimes, 0.5),
    kernels: kernels.map(([kernel], k) => ({
      kernel,
      singleMedianNs: quantile(single[k]!, 0.5),
      singleP99Ns: quantile(single[k]!, 0.99),
      batchDigitsPerSecond: quantile(batch[k]!, 0.5),
    })),
  };
}

export function formatBench(r: BenchReport): string {
  const lines = [
    `tinydigit bench: ${r.runtime}, medians of ${r.rounds} rounds (single: blocks of ${BLOCK} classify calls, API included)`,
    'kernel                     single median   single p99   batch-1024',
    ...r.kernels.map((k) => `${k.kernel.padEnd(26)} ${`${k.singleMedianNs.toFixed(0)} ns`.padStart(13)} ${`${k.singleP99Ns.toFixed(0)} ns`.padStart(12)} ${`${(k.batchDigitsPerSecond / 1e6).toFixed(3)} M digits/s`.padStart(18)}`),
    `cold start (import done → load → first digit): ${r.coldStartMs.toFixed(2)} ms`,
    `280x280 RGBA canvas → digit (classifyImage): ${r.canvasToDigitUs.toFixed(1)} µs`,
  ];
  return `${lines.join('\n')}\n`;
}
