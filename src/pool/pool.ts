// A pool of workers, each with its own classifier, for big batches: a batch is cut into chunks that the
// workers run in parallel. Where the workers come from (worker_threads, Web Workers) is the caller's:
// see pool-node.ts and pool-browser.ts.
import { checkBatch, classifierFromParts, classifierParts, EngineError, InputError, ModelFormatError, type Backend, type ClassifierOptions } from '../index.js';
import type { ErrorInfo, FromWorker, ToWorker } from './messages.js';

/** Options of `createPool`. */
export interface PoolOptions extends ClassifierOptions {
  /** How many workers (default: the number of cores). */
  workers?: number;
}

/** A started worker, as the pool drives it. */
export interface WorkerHandle {
  post(message: ToWorker, transfer: ArrayBuffer[]): void;
  terminate(): void;
  /** Node: whether the worker keeps the process alive (only while it has work). */
  keepAlive?(busy: boolean): void;
}

/** Starts a worker that calls `onMessage` for each message and `onDeath` once if it dies. */
export type SpawnWorker = (onMessage: (message: FromWorker) => void, onDeath: (why: string) => void) => WorkerHandle;

/**
 * Chunks in flight per worker: while it runs one, the next is already copied and waiting, so a worker
 * never idles while this thread copies.
 */
const IN_FLIGHT = 2;
/** A job dies with its worker at most this many times before its batch fails (a poison input). */
const MAX_ATTEMPTS = 3;
const MIN_CHUNK = 64;
// A chunk's inputs are copied twice (into a buffer for the worker, then into its module): at 1,024 inputs
// (1.6 MB) they are still in cache for the second copy and the kernel; chunks of 4,096 made the pool
// x1.2-1.3 over one core instead of x1.5-1.6 on 2 cores.
const MAX_CHUNK = 1024;
const MAX_WORKERS = 256;

interface Batch {
  results: Float32Array;
  out: Float32Array | undefined;
  pending: number;
  failed: boolean;
  resolve(out: Float32Array): void;
  reject(e: Error): void;
}

interface Job {
  id: number;
  attempt: number;
  batch: Batch;
  inputs: ArrayLike<number>;
  /** First input of the chunk, and how many. */
  start: number;
  count: number;
}

interface Slot {
  worker: WorkerHandle;
  ready: boolean;
  /** Chunks sent and not answered yet, in the order the worker runs them. */
  jobs: Job[];
  /**
   * Buffers that chunks are copied into, transferred to the worker and handed back with its answer: no
   * allocation and no garbage per chunk, whether or not the runtime has SharedArrayBuffer (a page that
   * is not cross-origin isolated has none).
   */
  spare: ArrayBuffer[];
}

function isShared(inputs: ArrayLike<number>): inputs is Float32Array {
  return typeof SharedArrayBuffer === 'function' && inputs instanceof Float32Array && inputs.buffer instanceof SharedArrayBuffer;
}

function rebuildError(e: ErrorInfo, indexOffset = 0): Error {
  if (e.name === 'InputError') {
    const index = e.index === undefined ? undefined : e.index + indexOffset;
    const message = e.index === undefined ? e.message : e.message.replace(`input ${e.index}`, `input ${index}`);
    return new InputError(e.code as InputError['code'], message, index);
  }
  if (e.name === 'ModelFormatError') return new ModelFormatError(e.code as ModelFormatError['code'], e.message);
  if (e.name === 'EngineError') return new EngineError(e.code as EngineError['code'], e.message);
  return new EngineError('worker-failed', `a worker failed: ${e.name}: ${e.message}`);
}

/**
 * Classifiers in workers: {@link ClassifierPool.classifyBatch} spreads a batch over them. Results are
 * bit-identical to `Classifier.classifyBatch`. A worker that dies is replaced and its chunk run again.
 * Create with `createPool` from `tinydigit/pool`.
 */
export class ClassifierPool {
  /** The kernel build the workers run. */
  readonly backend: Backend;
  /** Values per input and probabilities per input. */
  readonly inputs: number;
  readonly classes: number;
  #slots: Slot[] = [];
  #queue: Job[] = [];
  #nextId = 0;
  #restarts = 0;
  #disposed = false;
  readonly #spawn: SpawnWorker;
  readonly #init: ToWorker;

  /** @internal Use `createPool`. */
  private constructor(spawn: SpawnWorker, init: ToWorker, backend: Backend, inputs: number, classes: number) {
    this.#spawn = spawn;
    this.#init = init;
    this.backend = backend;
    this.inputs = inputs;
    this.classes = classes;
  }

  /** @internal Starts `workers` workers and resolves once every one has loaded the model. */
  static async start(options: PoolOptions, defaultWorkers: number, spawn: SpawnWorker): Promise<ClassifierPool> {
    const workers = options.workers ?? defaultWorkers;
    if (!Number.isInteger(workers) || workers < 1 || workers > MAX_WORKERS) {
      throw new InputError('bad-option', `workers must be an integer from 1 to ${MAX_WORKERS}, got ${String(workers)}`);
    }
    // Load once here: a bad model or option fails now, with the same error as loadClassifierSync; the
    // workers get the checked parts (structured clones: the model's arrays, the compiled module).
    const parts = classifierParts(options);
    const probe = classifierFromParts(parts);
    probe.dispose();
    const pool = new ClassifierPool(spawn, { type: 'init', ...parts }, probe.backend, probe.model.inputs, probe.model.classes);
    await Promise.all(Array.from({ length: workers }, () => pool.#startWorker()));
    return pool;
  }

  /** How many workers the pool runs. */
  get size(): number {
    return this.#slots.length;
  }

  /** How many workers died and were replaced since the pool started. */
  get restarts(): number {
    return this.#restarts;
  }

  /** Adds a worker; resolves when it is ready, rejects if it cannot load the model. */
  #startWorker(slot?: Slot): Promise<void> {
    return new Promise((resolve, reject) => {
      const s: Slot = slot ?? ({ ready: false, jobs: [], spare: [] } as unknown as Slot);
      if (!slot) this.#slots.push(s);
      let dead = false;
      s.worker = this.#spawn(
        (message) => {
          if (message.type === 'ready') {
            s.ready = true;
            resolve();
            this.#pump();
          } else if (message.type === 'init-error') {
            const e = rebuildError(message.error);
            reject(e);
            this.#shutdown(e);
          } else this.#finish(s, message);
        },
        (why) => {
          if (dead) return;
          dead = true;
          if (!s.ready) {
            const e = new EngineError('worker-failed', `a worker could not start: ${why}`);
            reject(e);
            this.#shutdown(e);
            return;
          }
          this.#replace(s, why);
        },
      );
      s.worker.keepAlive?.(true);
      s.worker.post(this.#init, []);
    });
  }

  /** A worker died: its chunks go back to the front of the queue (a chunk fails after MAX_ATTEMPTS). */
  #replace(slot: Slot, why: string): void {
    if (this.#disposed) return;
    this.#restarts++;
    const jobs = slot.jobs.filter((j) => !j.batch.failed);
    slot.jobs = [];
    slot.ready = false;
    // Only the chunk it was running can have killed it; the ones waiting behind it are not to blame.
    const [running, ...waiting] = jobs;
    if (running && ++running.attempt >= MAX_ATTEMPTS) {
      this.#fail(running.batch, new EngineError('worker-crashed', `inputs ${running.start} to ${running.start + running.count - 1} crashed ${MAX_ATTEMPTS} workers (last: ${why})`));
    }
    this.#queue.unshift(...[running, ...waiting].filter((j): j is Job => j !== undefined && !j.batch.failed));
    this.#startWorker(slot).catch(() => {});
  }

  #fail(batch: Batch, e: Error): void {
    if (batch.failed) return;
    batch.failed = true;
    batch.reject(e);
  }

  #finish(slot: Slot, message: Extract<FromWorker, { type: 'done' | 'failed' }>): void {
    if (message.spare) slot.spare.push(message.spare);
    const job = slot.jobs.shift();
    if (job && job.id === message.id && !job.batch.failed) {
      const b = job.batch;
      if (message.type === 'failed') this.#fail(b, rebuildError(message.error, job.start));
      else {
        b.results.set(message.out, job.start * this.classes);
        if (--b.pending === 0) b.resolve(b.out ? (b.out.set(b.results), b.out) : b.results);
      }
    }
    this.#pump();
  }

  /** Gives queued chunks to idle workers. */
  #pump(): void {
    for (let depth = 1; depth <= IN_FLIGHT; depth++) {
      for (const slot of this.#slots) if (slot.ready && slot.jobs.length < depth) this.#send(slot);
    }
  }

  /** Sends the next queued chunk to a worker (or lets an idle worker go when there is none). */
  #send(slot: Slot): void {
    let job = this.#queue.shift();
    while (job?.batch.failed) job = this.#queue.shift();
    if (!job) {
      if (slot.jobs.length === 0) slot.worker.keepAlive?.(false);
      return;
    }
    slot.jobs.push(job);
    const size = this.inputs;
    const from = job.start * size;
    const to = (job.start + job.count) * size;
    slot.worker.keepAlive?.(true);
    if (isShared(job.inputs)) {
      // Shared memory crosses to the worker as it is: no copy here.
      slot.worker.post({ type: 'batch', id: job.id, attempt: job.attempt, inputs: job.inputs.subarray(from, to) }, []);
    } else {
      let buffer = slot.spare.pop();
      if (!buffer || buffer.byteLength < 4 * (to - from)) buffer = new ArrayBuffer(4 * (to - from));
      const chunk = new Float32Array(buffer, 0, to - from);
      if (job.inputs instanceof Float32Array) chunk.set(job.inputs.subarray(from, to));
      else for (let i = from; i < to; i++) chunk[i - from] = job.inputs[i]!;
      slot.worker.post({ type: 'batch', id: job.id, attempt: job.attempt, inputs: chunk }, [buffer]);
    }
  }

  /**
   * Classifies n inputs laid end to end, like `Classifier.classifyBatch`, in the workers. Resolves to
   * the probabilities laid end to end (in `out` when given). A bad input rejects with an
   * {@link InputError} (its `index` in the whole batch) and leaves `out` untouched. Do not change
   * `inputs` until the promise settles.
   */
  classifyBatch(inputs: ArrayLike<number>, out?: Float32Array): Promise<Float32Array> {
    return new Promise((resolve, reject) => {
      if (this.#disposed) throw new EngineError('disposed', 'this pool has been disposed');
      const n = checkBatch(inputs, out, this.inputs, this.classes);
      if (n === 0) return resolve(out ?? new Float32Array(0));
      const chunk = Math.min(MAX_CHUNK, Math.max(MIN_CHUNK, Math.ceil(n / (2 * this.#slots.length))));
      const batch: Batch = { results: new Float32Array(n * this.classes), out, pending: Math.ceil(n / chunk), failed: false, resolve, reject };
      for (let start = 0; start < n; start += chunk) {
        this.#queue.push({ id: this.#nextId++, attempt: 0, batch, inputs, start, count: Math.min(chunk, n - start) });
      }
      this.#pump();
    });
  }

  /** Stops the workers. Pending and later calls reject with an {@link EngineError} (`disposed`). */
  async dispose(): Promise<void> {
    this.#shutdown(new EngineError('disposed', 'this pool has been disposed'));
  }

  /** Stops the workers; pending batches reject with `gone`. */
  #shutdown(gone: Error): void {
    if (this.#disposed) return;
    this.#disposed = true;
    for (const slot of this.#slots) {
      for (const job of slot.jobs) this.#fail(job.batch, gone);
      slot.jobs = [];
      slot.worker?.terminate();
    }
    for (const job of this.#queue) this.#fail(job.batch, gone);
    this.#queue = [];
  }
}
