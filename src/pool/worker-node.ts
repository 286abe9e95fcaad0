// The script of a pool's worker thread in Node (dist/pool-worker-node.js).
/// <reference types="node" />
import { parentPort } from 'node:worker_threads';
import { serveJobs } from './serve-jobs.js';

const port = parentPort!;
port.on('message', serveJobs((message, transfer) => port.postMessage(message, transfer)));
