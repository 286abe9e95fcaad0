// tinydigit bench (and the demo's Benchmark button), pool part: one core's classifyBatch against a pool
// of workers on the same big batch, interleaved round by round; medians. The pool once with a plain
// Float32Array (each chunk is copied to its worker) and once with one on a SharedArrayBuffer (nothing
// copied on this thread).
import { loadClassifierSync } from '../index.js';
import { median, scribbles } from './bench.js';
import type { ClassifierPool, PoolOptions } from '../pool/pool.js';

export interface PoolBench {
  workers: number;
  digits: number;
  oneCoreDigitsPerSecond: number;
  poolDigitsPerSecond: number;
  /** null where SharedArrayBuffer is missing (a browser page that is not cross-origin isolated). */
  sharedPoolDigitsPerSecond: number | null;
}

const DIGITS = 32768;

/** `createPool` from tinydigit/pool: worker_threads in Node, Web Workers in the demo page. */
export async function runPoolBench(createPool: (o?: PoolOptions) => Promise<ClassifierPool>, rounds: number, progress: (msg: string) => void = () => {}): Promise<PoolBench> {
  const inputs = new Float32Array(DIGITS * 400);
  const some = scribbles(1024);
  for (let k = 0; k < DIGITS; k += 1024) inputs.set(some, k * 400);
  const shared = typeof SharedArrayBuffer === 'function' ? new Float32Array(new SharedArrayBuffer(inputs.byteLength)) : undefined;
  shared?.set(inputs);
  const one = loadClassifierSync();
  const pool = await createPool();
  try {
    const out = new Float32Array(DIGITS * 10);
    const rate = { one: [] as number[], pool: [] as number[], shared: [] as number[] };
    for (let round = -1; round < rounds; round++) {
      let t = performance.now();
      one.classifyBatch(inputs, out);
      const a = DIGITS / ((performance.now() - t) / 1e3);
      t = performance.now();
      await pool.classifyBatch(inputs, out);
      const b = DIGITS / ((performance.now() - t) / 1e3);
      if (shared) {
        t = performance.now();
        await pool.classifyBatch(shared, out);
        if (round >= 0) rate.shared.push(DIGITS / ((performance.now() - t) / 1e3));
      }
      if (round < 0) continue;
      rate.one.push(a);
      rate.pool.push(b);
      progress(`pool round ${round + 1}/${rounds}`);
    }
    return { workers: pool.size, digits: DIGITS, oneCoreDigitsPerSecond: median(rate.one), poolDigitsPerSecond: median(rate.pool), sharedPoolDigitsPerSecond: shared ? median(rate.shared) : null };
  } finally {
    await pool.dispose();
    one.dispose();
  }
}

export function formatPoolBench(p: PoolBench): string {
  const m = (x: number) => `${(x / 1e6).toFixed(3)} M digits/s`;
  return [
    `batch of ${p.digits}, one core (classifyBatch):        ${m(p.oneCoreDigitsPerSecond)}`,
    `pool of ${p.workers} workers (tinydigit/pool):          ${m(p.poolDigitsPerSecond)}  x${(p.poolDigitsPerSecond / p.oneCoreDigitsPerSecond).toFixed(2)}`,
    p.sharedPoolDigitsPerSecond === null
      ? `pool of ${p.workers}, inputs on a SharedArrayBuffer:    (no SharedArrayBuffer here)`
      : `pool of ${p.workers}, inputs on a SharedArrayBuffer:    ${m(p.sharedPoolDigitsPerSecond)}  x${(p.sharedPoolDigitsPerSecond / p.oneCoreDigitsPerSecond).toFixed(2)}`,
  ].join('\n') + '\n';
}
