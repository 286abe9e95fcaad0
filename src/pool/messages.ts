// What a classifier pool and its workers say to each other (structured clone; buffers transferred).
import type { ClassifierParts } from '../classifier.js';
import type { Backend } from '../wasm/modules.js';

/**
 * First message to a worker: the page's compiled kernel module, its build and the decoded model, so a
 * worker embeds no model and no wasm of its own.
 */
export interface InitMessage extends ClassifierParts {
  type: 'init';
}

/** A chunk of a batch: `inputs` laid end to end. `attempt` counts the workers that died running it. */
export interface BatchMessage {
  type: 'batch';
  id: number;
  attempt: number;
  inputs: Float32Array;
}

export type ToWorker = InitMessage | BatchMessage;

/** An error, as it crosses the thread boundary (classes do not survive structured clone). */
export interface ErrorInfo {
  name: string;
  code?: string;
  message: string;
  index?: number;
}

export type FromWorker =
  | { type: 'ready'; backend: Backend }
  | { type: 'init-error'; error: ErrorInfo }
  | { type: 'done'; id: number; out: Float32Array; spare?: ArrayBuffer | undefined }
  | { type: 'failed'; id: number; error: ErrorInfo; spare?: ArrayBuffer | undefined };
