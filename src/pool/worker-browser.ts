// The script of a pool's Web Worker in browsers (dist/pool-worker-browser.js).
import { serveJobs } from './serve-jobs.js';
import type { ToWorker } from './messages.js';

const scope = self as unknown as { onmessage: ((e: MessageEvent<ToWorker>) => void) | null; postMessage(m: unknown, transfer: ArrayBuffer[]): void };
const handle = serveJobs((message, transfer) => scope.postMessage(message, transfer));
scope.onmessage = (e) => handle(e.data);
