// Serves a worker with the `workerd` binary from npm (@cloudflare/workerd-linux-64, the package the
// `workerd` wrapper would install here), as a user's `wrangler dev` would: `workerd serve
// wrangler.json` bundles `main` with esbuild (wrangler's conditions: workerd, worker, browser) and loads
// imported .wasm files as compiled modules. Listens on a free port of 127.0.0.1 (told on --control-fd).
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { runtimeBinary } from './runtime-binary.js';

const require = createRequire(import.meta.url);
export const workerd = () => runtimeBinary('@cloudflare/workerd-linux-64@1.20261117.1', 'package/bin/workerd');
const ESBUILD = require.resolve('@esbuild/linux-x64/bin/esbuild', { paths: [dirname(require.resolve('esbuild'))] });

export interface Worker {
  url: string;
  stop(): void;
}

/** Starts `main` (a file in `dir`) and resolves once it listens; fails with workerd's stderr otherwise. */
export function serveWorker(dir: string, main: string): Promise<Worker> {
  const config = join(dir, `${main}.wrangler.json`);
  writeFileSync(config, JSON.stringify({ name: 'tinydigit-test', main, compatibility_date: '2026-11-01' }));
  const child = spawn(workerd(), ['serve', config, '--socket-addr', 'http=127.0.0.1:0', '--control-fd', '3'], {
    cwd: dir,
    env: { ...process.env, WORKERD_ESBUILD: ESBUILD },
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  const stop = () => child.kill('SIGKILL');
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => (stop(), reject(new Error(`workerd did not listen within 60 s: ${stderr}`))), 60_000);
    child.on('exit', (code) => (clearTimeout(timer), reject(new Error(`workerd exited (${code}): ${stderr}`))));
    createInterface({ input: child.stdio[3] as Readable }).on('line', (line) => {
      const msg = JSON.parse(line) as { event: string; port?: number };
      if (msg.event !== 'listen') return;
      clearTimeout(timer);
      resolve({ url: `http://127.0.0.1:${msg.port}/`, stop });
    });
  });
}
