// What a classifier pool and its workers say to each other (structured clone; buffers transferred).
import type { DefaultModelName } from '../model/names.js';
import type { Backend, SimdOption } from '../wasm/modules.js';

/** First message to a worker: the model (an embedded model's name, or model file bytes). */
export interface InitMessage {
  type: 'init';
  model: DefaultModelName | Uint8Array;
  simd: SimdOption;
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
  | { type: 'done'; id: number; out: Float32Array }
  | { type: 'failed'; id: number; error: ErrorInfo };
