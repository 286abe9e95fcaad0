// The scalar build for real: a Node whose V8 rejects SIMD (--no-enable-sse4-1) must pick it on its own and
// give the same bits as the SIMD build in this process.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { encodeModel, loadClassifierSync, quantizeModel } from '../src/index.js';
import { DEFAULT_DIMS, randomInputs, randomModel } from './helpers/random-model.js';

it('a runtime without SIMD uses the scalar build and matches SIMD bit for bit', () => {
  const models = [randomModel(21, DEFAULT_DIMS, 20, 20), quantizeModel(randomModel(22, DEFAULT_DIMS, 20, 20)), randomModel(23, [400, 128, 64, 10], 20, 20, 'mixed')];
  const inputs = randomInputs(24, 256, 400);
  const dir = mkdtempSync(join(tmpdir(), 'tinydigit-'));
  const job = join(dir, 'job.json');
  writeFileSync(job, JSON.stringify({ models: models.map((m) => Buffer.from(encodeModel(m)).toString('base64')), inputs: Buffer.from(inputs.buffer).toString('base64') }));
  const run = (flags: string[]) => JSON.parse(execFileSync(process.execPath, [...flags, 'test/fixtures/digest.mjs', job], { encoding: 'utf8' }));

  const noSimd = run(['--no-enable-sse4-1']);
  expect(noSimd.simdSupported).toBe(false);
  expect(noSimd.simdOn).toBe('simd-unsupported');
  const expected = models.map((m) => {
    const out = loadClassifierSync({ model: m, simd: 'on' }).classifyBatch(inputs);
    return { backend: 'wasm-scalar', digest: createHash('sha256').update(out).digest('hex') };
  });
  expect(noSimd.models).toEqual(expected);
  // The default model on raw images, preprocessing included, is compared across runtimes with and
  // without SIMD in test/package/runtimes.test.ts.

  const withSimd = run([]);
  expect(withSimd.simdSupported).toBe(true);
  expect(withSimd.models).toEqual(expected.map((e) => ({ ...e, backend: 'wasm-simd' })));
});
