// tinydigit/pool in Node: the pool's workers are worker_threads running dist/pool-worker-node.js.
/// <reference types="node" />
import { availableParallelism, cpus } from 'node:os';
import { Worker } from 'node:worker_threads';
import { ClassifierPool, type PoolOptions, type WorkerHandle } from './pool.js';
import type { FromWorker } from './messages.js';

export { ClassifierPool } from './pool.js';
export type { PoolOptions } from './pool.js';

const WORKER_SCRIPT = new URL('./pool-worker-node.js', import.meta.url);

interface NodePoolOptions extends PoolOptions {
  /** @internal Tests: a worker script of their own (one that crashes). */
  workerScript?: URL;
}

/**
 * Starts a pool of `workers` worker threads (default: one per core), each with its own classifier
 * (options as for `loadClassifier`). Call `dispose()` when done; idle workers do not keep Node running.
 */
export function createPool(options: NodePoolOptions = {}): Promise<ClassifierPool> {
  const cores = typeof availableParallelism === 'function' ? availableParallelism() : cpus().length;
  return ClassifierPool.start(options, cores, (onMessage, onDeath): WorkerHandle => {
    const worker = new Worker(options.workerScript ?? WORKER_SCRIPT);
    worker.on('message', (m: FromWorker) => onMessage(m));
    worker.on('error', (e) => onDeath(e.message));
    worker.on('exit', (code) => onDeath(`exit code ${code}`));
    return {
      post: (message, transfer) => worker.postMessage(message, transfer),
      terminate: () => void worker.terminate(),
      keepAlive: (busy) => (busy ? worker.ref() : worker.unref()),
    };
  });
}
