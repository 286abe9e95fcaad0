// Inside a pool's worker: one classifier, answering each batch message (see pool-messages.ts).
import { classifierFromParts, type Classifier } from '../index.js';
import type { ErrorInfo, FromWorker, ToWorker } from './messages.js';

function errorInfo(e: unknown): ErrorInfo {
  if (e instanceof Error) {
    const { code, index } = e as Error & { code?: string; index?: number };
    return { name: e.name, message: e.message, ...(code === undefined ? {} : { code }), ...(index === undefined ? {} : { index }) };
  }
  return { name: 'Error', message: String(e) };
}

/** The message handler of a worker; `post` sends to the pool, transferring the listed buffers. */
export function serveJobs(post: (message: FromWorker, transfer: ArrayBuffer[]) => void): (message: ToWorker) => void {
  let classifier: Classifier | undefined;
  return (m) => {
    if (m.type === 'init') {
      try {
        classifier = classifierFromParts(m);
        post({ type: 'ready', backend: classifier.backend }, []);
      } catch (e) {
        post({ type: 'init-error', error: errorInfo(e) }, []);
      }
      return;
    }
    // a chunk copied for this worker goes back with the answer, for the next chunk (shared memory stays)
    const spare = m.inputs.buffer instanceof ArrayBuffer ? m.inputs.buffer : undefined;
    const back = spare ? [spare] : [];
    try {
      const out = classifier!.classifyBatch(m.inputs);
      post({ type: 'done', id: m.id, out, spare }, [out.buffer as ArrayBuffer, ...back]);
    } catch (e) {
      post({ type: 'failed', id: m.id, error: errorInfo(e), spare }, back);
    }
  };
}
