// The README's web snippets as they stand, against the packed package (build/consumer): the React one
// compiled by strict TypeScript (and, with a wrong attribute value, refused), then each one run as a page
// where a digit is drawn with the mouse, in Chromium and in Firefox: the React app and the bundler
// snippet bundled by esbuild, the import-map page served as it is.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import type { Browser } from 'playwright-core';
import type { Browser as FirefoxBrowser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DIGIT_STROKES, draw, launchChromium, launchFirefox, serveStatic } from '../helpers/browsers.js';
import { readmeExamples } from '../helpers/readme-examples.js';

const app = inject('consumerDir');
const examples = readmeExamples();
const PAGE = (body: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>tinydigit</title><link rel="icon" href="data:,"></head><body>\n${body}\n</body></html>\n`;
let chromium: Browser;
let firefox: FirefoxBrowser;
let site: Awaited<ReturnType<typeof serveStatic>>;

beforeAll(async () => {
  for (const name of ['react', 'bundler', 'import-map']) if (!examples[name]) throw new Error(`README.md has no example marked <!-- example: ${name} -->`);
  chromium = await launchChromium();
  firefox = await launchFirefox();
  site = await serveStatic(app);
});
afterAll(async () => {
  await chromium?.close();
  await firefox?.close();
  await site?.close();
});

/** Type-checks `tsx` as a strict React 19 project in build/consumer would; returns tsc's output. */
function typecheckReact(name: string, tsx: string): { status: number | null; output: string } {
  const dir = join(app, `tsx-${name}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'DigitPad.tsx'), tsx);
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({
    compilerOptions: { strict: true, noEmit: true, jsx: 'react-jsx', module: 'esnext', moduleResolution: 'bundler', target: 'es2022', lib: ['es2022', 'dom'], types: [] },
    files: ['DigitPad.tsx'],
  }));
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const r = spawnSync(process.execPath, [tsc, '-p', dir], { encoding: 'utf8' });
  return { status: r.status, output: r.stdout + r.stderr };
}

/** Bundles `entry` (inside build/consumer, so `tinydigit` is the packed package) for the browser, as an app would. */
async function bundleInto(dir: string, entry: string, body: string): Promise<string> {
  await esbuild.build({ entryPoints: [entry], absWorkingDir: app, bundle: true, minify: true, format: 'esm', platform: 'browser', target: 'es2022', jsx: 'automatic', define: { 'process.env.NODE_ENV': '"production"' }, outfile: join(app, dir, 'app.js'), logLevel: 'warning' });
  writeFileSync(join(app, dir, 'index.html'), PAGE(`${body}\n<script type="module" src="./app.js"></script>`));
  return `${site.url}${dir}/`;
}

/** Opens `url` in Chromium, draws a 4 on the page's pad, and expects the page's output to say 4. */
async function drawFourInChromium(url: string): Promise<void> {
  const page = await chromium.newPage({ viewport: { width: 800, height: 600 } });
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  try {
    await page.goto(url);
    const pad = page.locator('tinydigit-pad');
    await expect.poll(() => pad.evaluate((e) => e.shadowRoot !== null)).toBe(true);
    await draw(page.mouse, (await pad.boundingBox())!, DIGIT_STROKES['4']!);
    await expect.poll(() => page.textContent('output')).toBe('4');
    expect(problems).toEqual([]);
  } finally {
    await page.close();
  }
}

/** The same in Firefox. */
async function drawFourInFirefox(url: string): Promise<void> {
  const page = await firefox.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  try {
    await page.goto(url);
    const pad = (await page.$('tinydigit-pad'))!;
    await expect.poll(() => pad.evaluate((e) => e.shadowRoot !== null)).toBe(true);
    await draw(page.mouse, (await pad.boundingBox())!, DIGIT_STROKES['4']!);
    await expect.poll(() => page.$eval('output', (e) => e.textContent)).toBe('4');
    expect(problems).toEqual([]);
  } finally {
    await page.close();
  }
}

/** The page at `url` reads a 4 drawn with the mouse, in Chromium and in Firefox. */
async function readsAFour(url: string): Promise<void> {
  await drawFourInChromium(url);
  await drawFourInFirefox(url);
}

describe('the README web snippets, from the packed package', () => {
  it('React: compiles under strict TypeScript with the JSX types tinydigit/react ships; a wrong attribute value does not', () => {
    expect(typecheckReact('ok', examples.react!)).toEqual({ status: 0, output: '' });
    const wrong = typecheckReact('wrong', examples.react!.replace('width={280}', 'width={280} mode="numbr"'));
    expect(wrong.status).not.toBe(0);
    expect(wrong.output).toMatch(/DigitPad\.tsx\(\d+,\d+\): error TS\d+: Type '"numbr"' is not assignable to type '"number" \| "digit" \| undefined'/);
    const misspelt = typecheckReact('misspelt', examples.react!.replace('<tinydigit-pad', '<tinydigit-pda'));
    expect(misspelt.output).toMatch(/error TS2339: Property 'tinydigit-pda' does not exist on type 'JSX.IntrinsicElements'/);
  });

  it('React 19: the app reads a 4 drawn on the pad, through ondigit, in Chromium and Firefox', async () => {
    mkdirSync(join(app, 'react-app'), { recursive: true });
    writeFileSync(join(app, 'react-app/DigitPad.tsx'), examples.react!);
    writeFileSync(join(app, 'react-app/main.tsx'), "import { createRoot } from 'react-dom/client';\nimport { DigitPad } from './DigitPad.tsx';\ncreateRoot(document.getElementById('root')!).render(<DigitPad />);\n");
    await readsAFour(await bundleInto('react-app', 'react-app/main.tsx', '<div id="root"></div>'));
  });

  it('a bundler: the snippet bundled by esbuild reads a 4, in Chromium and Firefox', async () => {
    mkdirSync(join(app, 'bundler-app'), { recursive: true });
    writeFileSync(join(app, 'bundler-app/main.js'), examples.bundler!);
    await readsAFour(await bundleInto('bundler-app', 'bundler-app/main.js', '<tinydigit-pad></tinydigit-pad> <output></output>'));
  });

  it('an import map, no bundler: the page as it stands reads a 4, in Chromium and Firefox', async () => {
    writeFileSync(join(app, 'import-map.html'), PAGE(examples['import-map']!));
    await readsAFour(`${site.url}import-map.html`);
  });
});
