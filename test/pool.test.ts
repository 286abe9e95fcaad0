// tinydigit/pool in Node: batches spread over worker threads give the same bits as one classifier,
// every concurrent caller gets its own results, bad input fails like classifyBatch, and workers that
// die are replaced without losing a request. Runs the built package (dist/), as users do.
import { describe, expect, it } from 'vitest';
import { EngineError, InputError, loadClassifierSync, ModelFormatError, preprocess } from '../dist/index.js';
import { createPool, type PoolOptions } from '../dist/pool-node.js';
import { loadMnist } from '../tools/shared/mnist.js';
import { rng } from '../tools/shared/rng.js';

const test = loadMnist('test');
const N = 2000;
const inputs = new Float32Array(N * 400);
for (let i = 0; i < N; i++) inputs.set(preprocess({ data: test.images.pixels.subarray(i * 784, (i + 1) * 784), width: 28, height: 28 })!, i * 400);
const single = loadClassifierSync();
const CRASHING = new URL('./fixtures/crashing-pool-worker.mjs', import.meta.url);
/** createPool's internal option: a worker script of the test's own. */
const withScript = (workerScript: URL, options: PoolOptions = {}) => ({ ...options, workerScript }) as PoolOptions;

/** `count` batches of random sizes (1 to 700 inputs) cut from the test inputs, with what one classifier says. */
function batches(seed: number, count: number): { x: Float32Array; want: Float32Array }[] {
  const r = rng(seed);
  return Array.from({ length: count }, () => {
    const start = Math.floor(r() * (N - 700));
    const x = inputs.slice(start * 400, (start + 1 + Math.floor(r() * 700)) * 400);
    return { x, want: single.classifyBatch(x) };
  });
}

describe('classifier pool (worker_threads)', () => {
  it('gives the same bits as one classifier, for big batches and into `out`', async () => {
    const pool = await createPool({ workers: 2 });
    try {
      expect(pool.size).toBe(2);
      expect(pool.backend).toBe('wasm-simd');
      expect(await pool.classifyBatch(inputs)).toEqual(single.classifyBatch(inputs));
      const out = new Float32Array(N * 10);
      expect(await pool.classifyBatch(inputs, out)).toBe(out);
      expect(out).toEqual(single.classifyBatch(inputs));
      expect(await pool.classifyBatch(new Float32Array(0))).toEqual(new Float32Array(0));
      expect(await pool.classifyBatch(Array.from(inputs.subarray(0, 800)))).toEqual(single.classifyBatch(inputs.subarray(0, 800)));
    } finally {
      await pool.dispose();
    }
  });

  it('answers many concurrent callers, each with its own results', async () => {
    const pool = await createPool({ workers: 3, model: 'default-int8' });
    const int8 = loadClassifierSync({ model: 'default-int8' });
    try {
      const jobs = batches(1, 40).map(({ x }) => ({ x, want: int8.classifyBatch(x) }));
      const got = await Promise.all(jobs.map(({ x }) => pool.classifyBatch(x)));
      got.forEach((g, i) => expect(g).toEqual(jobs[i]!.want));
    } finally {
      await pool.dispose();
    }
  });

  it('rejects bad input like classifyBatch: the index in the whole batch, `out` untouched', async () => {
    const pool = await createPool({ workers: 2 });
    try {
      const x = inputs.slice();
      x[1500 * 400 + 17] = Number.NaN;
      const out = new Float32Array(N * 10).fill(7);
      const e = await pool.classifyBatch(x, out).catch((err: unknown) => err);
      expect(e).toBeInstanceOf(InputError);
      expect(e).toMatchObject({ code: 'not-finite', index: 1500, message: expect.stringMatching(/^input 1500\[17\] is NaN/) });
      expect(out.every((v) => v === 7)).toBe(true);
      await expect(pool.classifyBatch(inputs.subarray(0, 399))).rejects.toMatchObject({ name: 'InputError', code: 'bad-length' });
      await expect(pool.classifyBatch(inputs, new Float32Array(3))).rejects.toMatchObject({ name: 'InputError', code: 'bad-output' });
      await expect(pool.classifyBatch('x' as never)).rejects.toMatchObject({ name: 'InputError', code: 'bad-type' });
      // the pool still works after failures
      expect(await pool.classifyBatch(inputs.subarray(0, 4000))).toEqual(single.classifyBatch(inputs.subarray(0, 4000)));
    } finally {
      await pool.dispose();
    }
  });

  it('refuses bad options and models before starting any worker', async () => {
    await expect(createPool({ workers: 0 })).rejects.toMatchObject({ name: 'InputError', code: 'bad-option' });
    await expect(createPool({ workers: 1.5 })).rejects.toMatchObject({ name: 'InputError', code: 'bad-option' });
    await expect(createPool({ model: new Uint8Array([1, 2, 3]) })).rejects.toBeInstanceOf(ModelFormatError);
    await expect(createPool(withScript(new URL('./fixtures/no-such-worker.mjs', import.meta.url)))).rejects.toMatchObject({ name: 'EngineError', code: 'worker-failed' });
  });

  it('dispose rejects what is pending and everything after', async () => {
    const pool = await createPool({ workers: 1 });
    const pending = pool.classifyBatch(inputs);
    await pool.dispose();
    await expect(pending).rejects.toMatchObject({ name: 'EngineError', code: 'disposed' });
    await expect(pool.classifyBatch(inputs)).rejects.toMatchObject({ name: 'EngineError', code: 'disposed' });
  });

  it('survives workers that die under load: restarted, no request lost, every result right', async () => {
    const pool = await createPool(withScript(CRASHING, { workers: 2 }));
    try {
      const jobs = batches(2, 30);
      const got = await Promise.all(jobs.map(({ x }) => pool.classifyBatch(x)));
      got.forEach((g, i) => expect(g).toEqual(jobs[i]!.want));
      expect(pool.restarts).toBeGreaterThanOrEqual(5);
      expect(pool.size).toBe(2);
    } finally {
      await pool.dispose();
    }
  });

  it('fails only the batch whose input kills every worker that runs it', async () => {
    const pool = await createPool(withScript(CRASHING, { workers: 2 }));
    try {
      const poison = inputs.slice(0, 400 * 10);
      poison[0] = 0.123456789;
      const jobs = batches(3, 10);
      const [bad, ...good] = await Promise.allSettled([pool.classifyBatch(poison), ...jobs.map(({ x }) => pool.classifyBatch(x))]);
      expect(bad).toMatchObject({ status: 'rejected', reason: { name: 'EngineError', code: 'worker-crashed' } });
      good.forEach((g, i) => expect(g).toEqual({ status: 'fulfilled', value: jobs[i]!.want }));
      expect(await pool.classifyBatch(inputs.subarray(0, 4000))).toEqual(single.classifyBatch(inputs.subarray(0, 4000)));
    } finally {
      await pool.dispose();
    }
  });
});
