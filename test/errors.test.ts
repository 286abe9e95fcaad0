// Errors keep their class names in a minified bundle (a minifier renames classes: `new.target.name` gave
// "Y"), so `e.name` says what happened, and the pool can rebuild a worker's error as the right class.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { expect, it } from 'vitest';

it('error names survive minification', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tinydigit-errors-'));
  const out = join(dir, 'errors.mjs');
  await esbuild.build({
    stdin: {
      contents: `import { loadClassifierSync, TinydigitError } from ${JSON.stringify(resolve('src/index.ts'))};
const names = [];
const catchName = (f) => { try { f(); } catch (e) { names.push(e instanceof TinydigitError ? e.name : 'not ours: ' + e); } };
catchName(() => loadClassifierSync({ model: new Uint8Array(3) }));
const c = loadClassifierSync();
catchName(() => c.classify(new Float32Array(3)));
c.dispose();
catchName(() => c.classify(new Float32Array(400)));
export default names;`,
      resolveDir: process.cwd(),
      loader: 'ts',
    },
    bundle: true, minify: true, format: 'esm', platform: 'node', outfile: out, logLevel: 'silent',
  });
  const { default: names } = (await import(pathToFileURL(out).href)) as { default: string[] };
  expect(names).toEqual(['ModelFormatError', 'InputError', 'EngineError']);
});
