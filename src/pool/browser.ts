// tinydigit/pool in browsers: the pool's workers are module Web Workers running pool-worker-browser.js,
// found beside this file (bundlers that understand `new URL(..., import.meta.url)` copy it along).
import { ClassifierPool, type PoolOptions, type WorkerHandle } from './pool.js';
import type { FromWorker } from './messages.js';

export { ClassifierPool } from './pool.js';
export type { PoolOptions } from './pool.js';

/**
 * Starts a pool of `workers` Web Workers (default: `navigator.hardwareConcurrency`), each with its own
 * classifier (options as for `loadClassifier`). Call `dispose()` when done.
 */
export function createPool(options: PoolOptions = {}): Promise<ClassifierPool> {
  return ClassifierPool.start(options, navigator.hardwareConcurrency || 2, (onMessage, onDeath): WorkerHandle => {
    const worker = new Worker(new URL('./pool-worker-browser.js', import.meta.url), { type: 'module' });
    worker.onmessage = (e: MessageEvent<FromWorker>) => onMessage(e.data);
    // An uncaught error leaves a Web Worker in an unknown state: stop it, the pool starts another.
    worker.onerror = (e) => {
      e.preventDefault();
      worker.terminate();
      onDeath(e.message || 'the worker failed to load or threw');
    };
    return { post: (message, transfer) => worker.postMessage(message, transfer), terminate: () => worker.terminate() };
  });
}
