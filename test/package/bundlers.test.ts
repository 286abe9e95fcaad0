// The package as users get it (packed and installed in build/consumer by test/package/packed-package.setup.ts):
// its command run with npx, and a tiny app importing it bundled by esbuild and by Vite, run in Chromium: no bundler loses the wasm.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadMnist } from '../../tools/shared/mnist.js';
import { systemBin } from '../helpers/system-bin.js';
import { launchChromium, serveDir, waitForText } from '../helpers/browsers.js';

const npx = systemBin('npx');
const app = inject('consumerDir');
const test = loadMnist('test');
const digit = Array.from(test.images.pixels.subarray(0, 784));
let browser: Browser;

beforeAll(async () => {
  writeFileSync(join(app, 'index.html'), '<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"><script type="module" src="./main.js"></script></head><body><output id="out"></output></body></html>\n');
  writeFileSync(join(app, 'main.js'), `import { loadClassifierSync } from 'tinydigit';
import 'tinydigit/element';
const clf = loadClassifierSync();
const r = clf.classifyImage({ data: new Uint8Array(${JSON.stringify(digit)}), width: 28, height: 28 });
document.getElementById('out').textContent = [r.digit, clf.backend, customElements.get('tinydigit-pad') ? 'element' : 'no element'].join(' ');
`);
  browser = await launchChromium();
}, 120_000);
afterAll(async () => {
  await browser?.close();
});

/** Fails with the step's name instead of hanging until the test's timeout. */
function within<T>(what: string, ms: number, p: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([p, new Promise<T>((_, fail) => (timer = setTimeout(() => fail(new Error(`${what}: no answer in ${ms} ms`)), ms)))]).finally(() => clearTimeout(timer));
}

async function runInChromium(dir: string): Promise<string> {
  const site = await serveDir(dir);
  const page = await within('new page', 30_000, browser.newPage());
  try {
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    await page.goto(site.url, { timeout: 30_000 });
    const out = await waitForText(() => page.textContent('#out', { timeout: 10_000 }), 30_000);
    expect(problems).toEqual([]);
    return out;
  } finally {
    await within('close page', 10_000, page.close());
    await within('close server', 10_000, site.close());
  }
}

/** A bundler's command line (esbuild's is a native binary, Vite's a node script), run as a user runs it. */
function runBin(pkg: string, bin: string, args: string[]): void {
  const pkgJson = createRequire(import.meta.url).resolve(`${pkg}/package.json`);
  const binPath = join(dirname(pkgJson), (JSON.parse(readFileSync(pkgJson, 'utf8')) as { bin: Record<string, string> }).bin[bin]!);
  execFileSync(binPath, args, { cwd: app, stdio: 'pipe', timeout: 90_000 });
}

describe('the packed package', () => {
  it('ships only what files lists, and its command works through npx', () => {
    const files = readdirSync(join(app, 'node_modules/tinydigit'));
    expect(files.sort()).toEqual(['CHANGELOG.md', 'CONTRIBUTING.md', 'LICENSE', 'README.md', 'SECURITY.md', 'dist', 'docs', 'package.json']);
    const p = new PNG({ width: 28, height: 28 });
    digit.forEach((v, i) => p.data.set([255 - v, 255 - v, 255 - v, 255], i * 4));
    writeFileSync(join(app, 'seven.png'), PNG.sync.write(p));
    const out = execFileSync(npx, ['--no-install', 'tinydigit', 'classify', 'seven.png'], { cwd: app, encoding: 'utf8' });
    expect(out).toMatch(new RegExp(`^seven.png: ${test.labels[0]} \\(\\d+\\.\\d%\\)\\n$`));
  });

  it('types resolve for import and for require consumers', () => {
    writeFileSync(join(app, 'cjs.cts'), "import { loadClassifierSync, type Classification } from 'tinydigit';\nimport 'tinydigit/number';\nimport { defaultF32ModelBytes } from 'tinydigit/models/default-f32';\nconst r: Classification = loadClassifierSync({ model: defaultF32ModelBytes() }).classify(new Float32Array(400));\nexport = r.digit;\n");
    writeFileSync(join(app, 'esm.mts'), "import { loadClassifierSync, type NumberReading } from 'tinydigit';\nimport 'tinydigit/number';\nimport type { DigitReading } from 'tinydigit/number';\nimport { defaultF32ModelBytes } from 'tinydigit/models/default-f32';\nimport { TinydigitPad } from 'tinydigit/element';\nimport { createPool, type ClassifierPool } from 'tinydigit/pool';\nconst r: NumberReading = loadClassifierSync({ model: defaultF32ModelBytes() }).readNumber(new TinydigitPad().imageData());\nexport const first: DigitReading | undefined = r.digits[0];\nexport const pool: Promise<ClassifierPool> = createPool({ workers: 2 });\nexport default r.text;\n");
    writeFileSync(join(app, 'tsconfig.json'), JSON.stringify({ compilerOptions: { strict: true, noEmit: true, module: 'node16', moduleResolution: 'node16', lib: ['es2022', 'dom'], types: [] }, files: ['cjs.cts', 'esm.mts'] }));
    const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
    const r = spawnSync(process.execPath, [tsc, '-p', app], { encoding: 'utf8' });
    expect(r.stdout + r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('works bundled by esbuild', async () => {
    const out = join(app, 'out-esbuild');
    mkdirSync(out);
    runBin('esbuild', 'esbuild', ['main.js', '--bundle', '--format=esm', `--outfile=${join(out, 'main.js')}`, '--log-level=warning']);
    writeFileSync(join(out, 'index.html'), '<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"><script type="module" src="./main.js"></script></head><body><output id="out"></output></body></html>\n');
    expect(await runInChromium(out)).toBe(`${test.labels[0]} wasm-simd element`);
  });

  it('works bundled by Vite', async () => {
    const out = join(app, 'out-vite');
    runBin('vite', 'vite', ['build', '--outDir', out, '--emptyOutDir', '--logLevel', 'warn']);
    expect(await runInChromium(resolve(out))).toBe(`${test.labels[0]} wasm-simd element`);
  });
});
