// tinydigit bench: latency and throughput on this machine, from the installed package (and the demo
// page's Benchmark button, in the browser). Calls are timed
// in blocks (one call is too short to time alone), after a warm-up, over several rounds; medians.
import { loadClassifierSync, preprocess, type Classifier } from '../index.js';
import { defaultF32ModelBytes } from '../models/default-f32.js';

export interface BenchResult {
  kernel: string;
  singleMedianNs: number;
  singleP99Ns: number;
  batchDigitsPerSecond: number;
  /** The same batch written in a batchInput() view, read where it lies. */
  batchInPlaceDigitsPerSecond: number;
}

export interface BenchReport {
  /** Node's version, or the browser's user agent. */
  runtime: string;
  rounds: number;
  /** loadClassifierSync() and the first classify(), in a process where nothing ran before. */
  coldStartMs: number;
  /** Then the first classifyImage() of a 280x280 canvas (the preprocessing module's first run). */
  firstCanvasMs: number;
  /** classifyImage() of a 280x280 RGBA canvas, opaque: dark strokes on white (ink from luminance). */
  canvasToDigitUs: number;
  /** The same drawing on a transparent canvas, as the pad element and the demo hand it over (ink in alpha). */
  padToDigitUs: number;
  kernels: BenchResult[];
}

const BLOCK = 1000;
const BATCH = 1024;

const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;
/** The median of timings (the upper one of an even count), as every benchmark here reports it. */
export const median = (xs: number[]) => quantile(xs, 0.5);
const now = () => performance.now();

/**
 * A 280x280 RGBA canvas with a drawn 7: dark strokes on an opaque white canvas, or opaque strokes on a
 * transparent one (a canvas cleared and drawn on, as the pad element hands it over).
 */
function canvasSeven(transparent: boolean): { data: Uint8ClampedArray; width: number; height: number } {
  const w = 280;
  const data = new Uint8ClampedArray(w * w * 4).fill(transparent ? 0 : 255);
  const dot = (cx: number, cy: number) => {
    for (let y = cy - 8; y <= cy + 8; y++) {
      for (let x = cx - 8; x <= cx + 8; x++) if ((x - cx) ** 2 + (y - cy) ** 2 <= 64) data.set([0, 0, 0, 255], (y * w + x) * 4);
    }
  };
  for (let t = 0; t <= 1; t += 0.01) dot(Math.round(60 + 160 * t), 50);
  for (let t = 0; t <= 1; t += 0.01) dot(Math.round(220 - 90 * t), Math.round(50 + 180 * t));
  return { data, width: w, height: w };
}

/**
 * n network inputs made the way digits are: a few thick pen strokes on a 28x28 image, preprocessed. The
 * kernels skip background (zero) inputs, so the cost per digit depends on how much is ink: these have
 * about as much as MNIST digits (37% of the 400 values), and each is different, as in real use.
 */
export function scribbles(n: number): Float32Array {
  let seed = 12345;
  const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
  const out = new Float32Array(n * 400);
  for (let k = 0; k < n; k++) {
    const px = new Uint8Array(28 * 28);
    let x = 6 + rand() * 16;
    let y = 4 + rand() * 8;
    for (let s = 0; s < 3; s++) {
      const nx = 6 + rand() * 16;
      const ny = 4 + rand() * 20;
      for (let t = 0; t <= 1; t += 0.05) {
        const cx = x + (nx - x) * t;
        const cy = y + (ny - y) * t;
        for (let yy = Math.floor(cy - 2); yy <= cy + 2; yy++) {
          for (let xx = Math.floor(cx - 2); xx <= cx + 2; xx++) if ((xx - cx) ** 2 + (yy - cy) ** 2 <= 2.6) px[yy * 28 + xx] = 255;
        }
      }
      x = nx;
      y = ny;
    }
    out.set(preprocess({ data: px, width: 28, height: 28 })!, k * 400);
  }
  return out;
}

/** Runs the benchmark; `progress` hears about each round. */
export function runBench(rounds: number, progress: (msg: string) => void = () => {}): BenchReport {
  // Before anything else has run: the first load and results pay for JavaScript not yet compiled.
  const input = new Float32Array(400);
  for (let y = 3; y < 17; y++) input.fill(1, y * 20 + 9, y * 20 + 11);
  const canvas = canvasSeven(false);
  const pad = canvasSeven(true);
  const t0 = now();
  const cold = loadClassifierSync();
  cold.classify(input);
  const coldStartMs = now() - t0;
  const t1 = now();
  cold.classifyImage(canvas);
  const firstCanvasMs = now() - t1;
  const inputs = scribbles(BATCH);
  const label = (c: Classifier, weights: string) => `${c.backend === 'wasm-simd' ? 'SIMD' : 'scalar'} ${weights}`;
  const f32Bytes = defaultF32ModelBytes();
  const f32 = loadClassifierSync({ model: f32Bytes });
  const int8 = loadClassifierSync();
  const scalar = loadClassifierSync({ model: f32Bytes, simd: 'off' });
  const kernels: [string, Classifier][] = [[label(f32, 'f32'), f32], [label(int8, 'int8'), int8], ['scalar f32', scalar]];
  const single: number[][] = kernels.map(() => []);
  const batch: number[][] = kernels.map(() => []);
  const inPlace: number[][] = kernels.map(() => []);
  const views = kernels.map(([, c]) => {
    const view = c.batchInput(BATCH);
    view.set(inputs);
    return view;
  });
  const canvasTimes: number[] = [];
  const padTimes: number[] = [];
  const out = new Float32Array(BATCH * 10);
  let sink = 0;
  for (let round = -1; round < rounds; round++) {
    kernels.forEach(([, c], k) => {
      for (let b = 0; b < 10; b++) {
        const t = now();
        for (let i = 0; i < BLOCK; i++) sink += c.classify(inputs.subarray((i % BATCH) * 400, (i % BATCH) * 400 + 400)).digit;
        if (round >= 0) single[k]!.push(((now() - t) * 1e6) / BLOCK);
      }
      let t = now();
      for (let i = 0; i < 4; i++) c.classifyBatch(inputs, out);
      if (round >= 0) batch[k]!.push((4 * BATCH) / ((now() - t) / 1e3));
      t = now();
      for (let i = 0; i < 4; i++) c.classifyBatch(views[k]!, out);
      if (round >= 0) inPlace[k]!.push((4 * BATCH) / ((now() - t) / 1e3));
    });
    for (const [image, times] of [[canvas, canvasTimes], [pad, padTimes]] as const) {
      const t = now();
      for (let i = 0; i < 20; i++) sink += cold.classifyImage(image)!.digit;
      if (round >= 0) times.push(((now() - t) * 1e3) / 20);
    }
    if (round >= 0) progress(`round ${round + 1}/${rounds}`);
  }
  if (sink < 0) progress(String(sink));
  return {
    runtime: typeof process !== 'undefined' && process.versions?.node ? `Node ${process.version}` : typeof navigator !== 'undefined' ? navigator.userAgent : 'unknown',
    rounds,
    coldStartMs,
    firstCanvasMs,
    canvasToDigitUs: median(canvasTimes),
    padToDigitUs: median(padTimes),
    kernels: kernels.map(([kernel], k) => ({
      kernel,
      singleMedianNs: median(single[k]!),
      singleP99Ns: quantile(single[k]!, 0.99),
      batchDigitsPerSecond: median(batch[k]!),
      batchInPlaceDigitsPerSecond: median(inPlace[k]!),
    })),
  };
}

export function formatBench(r: BenchReport): string {
  const lines = [
    `tinydigit bench: ${r.runtime}, medians of ${r.rounds} rounds (single: blocks of ${BLOCK} classify calls, API included)`,
    'kernel                     single median   single p99   batch-1024 copied in   in a batchInput() view',
    ...r.kernels.map((k) => `${k.kernel.padEnd(26)} ${`${k.singleMedianNs.toFixed(0)} ns`.padStart(13)} ${`${k.singleP99Ns.toFixed(0)} ns`.padStart(12)} ${`${(k.batchDigitsPerSecond / 1e6).toFixed(3)} M digits/s`.padStart(22)} ${`${(k.batchInPlaceDigitsPerSecond / 1e6).toFixed(3)} M digits/s`.padStart(24)}`),
    `cold start (import done → load → first classify): ${r.coldStartMs.toFixed(2)} ms; then the first canvas: ${r.firstCanvasMs.toFixed(2)} ms`,
    `280x280 RGBA canvas → digit (classifyImage): ${r.canvasToDigitUs.toFixed(1)} µs opaque (dark on white), ${r.padToDigitUs.toFixed(1)} µs transparent (as the pad element draws)`,
  ];
  return `${lines.join('\n')}\n`;
}
