// The demo page and the element in Debian's Chromium, driven by playwright-core: strokes drawn with the
// mouse, read by tinydigit under the demo's strict CSP.
import { mkdirSync, writeFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { sample, type Sample } from '../../tools/realworld/sets.js';
import { chromiumWithDemo, DIGIT_STROKES, draw, elementPageDir, numberStrokes, serveDir } from '../helpers/browsers.js';

/** A screenshot written again without its alpha channel and filters, deflated at level 9 with the default strategy: the page's flat colours compress best unfiltered (docs/demo.png 57 -> 49 KB). */
function compactPng(png: Buffer): Buffer {
  return PNG.sync.write(PNG.sync.read(png), { colorType: 2, inputHasAlpha: true, filterType: 0, deflateLevel: 9, deflateStrategy: 0 });
}

const chromium = chromiumWithDemo();

/** A page that records errors and CSP violations. */
async function open(url: string): Promise<{ page: Page; problems: string[] }> {
  const page = await chromium.browser.newPage({ viewport: { width: 1000, height: 720 } });
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  await page.addInitScript(() => document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective}`)));
  await page.goto(url);
  return { page, problems };
}

describe('demo page in Chromium', () => {
  it('reads digits drawn with the mouse', async () => {
    const { page, problems } = await open(chromium.url);
    const box = (await page.locator('#pad').boundingBox())!;
    for (const [digit, strokes] of Object.entries(DIGIT_STROKES)) {
      await page.click('#clear');
      await expect.poll(() => page.textContent('#prediction')).toBe('–');
      await draw(page.mouse, box, strokes);
      await expect.poll(() => page.textContent('#prediction')).toBe(digit);
      expect(await page.textContent('#confidence')).toMatch(/^\d+\.\d% sure$/);
      expect(await page.textContent('#latency')).toMatch(/^read in \d+ µs \(canvas to digit, wasm-simd\)$/);
      // the winning bar is the widest
      const widths = await page.locator('#bars .fill').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().width));
      expect(widths.indexOf(Math.max(...widths))).toBe(Number(digit));
    }
    // one voice: the pad announces each reading; the result area does not repeat it on every stroke
    const liveRegions = await page.locator('[aria-live]').evaluateAll((els) => els.map((e) => e.id || ((e.getRootNode() as ShadowRoot).host?.id ?? '')));
    expect(liveRegions.sort()).toEqual(['bench-out', 'pad']);
    expect(await page.locator('#pad').ariaSnapshot()).toMatch(/img "Drawing pad: draw a digit with the mouse/);
    mkdirSync('build', { recursive: true });
    writeFileSync(process.env.UPDATE_SCREENSHOT ? 'docs/demo.png' : 'build/demo.png', compactPng(await page.screenshot()));
    expect(problems).toEqual([]);
    await page.close();
  });

  it('reads a high-density screen\'s drawing at one pixel per CSS pixel: the same pixels and reading as at devicePixelRatio 1', async () => {
    const read = async (deviceScaleFactor: number) => {
      const page = await chromium.browser.newPage({ viewport: { width: 1000, height: 720 }, deviceScaleFactor });
      try {
        await page.goto(chromium.url);
        await draw(page.mouse, (await page.locator('#pad').boundingBox())!, DIGIT_STROKES['4']!);
        await expect.poll(() => page.textContent('#prediction')).toBe('4');
        return await page.evaluate(() => {
          const pad = document.getElementById('pad') as HTMLElementTagNameMap['tinydigit-pad'];
          const backingStore = pad.shadowRoot!.querySelector('canvas')!.width;
          const image = pad.imageData();
          const r = pad.read() as { digit: number; confidence: number };
          return { backingStore, width: image.width, height: image.height, ink: Array.from(image.data.filter((_, i) => i % 4 === 3)), digit: r.digit, confidence: r.confidence };
        });
      } finally {
        await page.close();
      }
    };
    const one = await read(1);
    for (const dpr of [2, 3]) {
      const dense = await read(dpr);
      expect(dense.backingStore).toBe(280 * dpr);
      expect([dense.width, dense.height]).toEqual([280, 280]);
      expect(dense.ink.some((a) => a > 0)).toBe(true);
      expect(dense.ink).toEqual(one.ink);
      expect([dense.digit, dense.confidence]).toEqual([one.digit, one.confidence]);
    }
  });

  it('says "not a digit" for a cross and a star, and the pad announces it', async () => {
    const { page, problems } = await open(chromium.url);
    const box = (await page.locator('#pad').boundingBox())!;
    const shapes: [number, number][][][] = [
      [[[70, 60], [210, 230]], [[210, 60], [70, 230]]],
      [[[140, 40], [200, 240], [50, 110], [230, 110], [80, 240], [140, 40]]],
    ];
    for (const strokes of shapes) {
      await page.click('#clear');
      await draw(page.mouse, box, strokes);
      await expect.poll(() => page.textContent('#prediction')).toBe('?');
      expect(await page.textContent('#confidence')).toMatch(/^not a digit \(closest: \d, \d+%\)$/);
      expect(await page.evaluate(() => document.getElementById('pad')!.shadowRoot!.querySelector('[aria-live=polite]')!.textContent)).toBe('not a digit');
    }
    expect(problems).toEqual([]);
    await page.close();
  });

  it('undo and clear change what is read', async () => {
    const { page } = await open(chromium.url);
    const box = (await page.locator('#pad').boundingBox())!;
    await draw(page.mouse, box, DIGIT_STROKES['1']!);
    await expect.poll(() => page.textContent('#prediction')).toBe('1');
    // a bar across the top of the 1 makes a 7; undo takes it away again
    await draw(page.mouse, box, [[[60, 50], [140, 50]]]);
    await expect.poll(() => page.textContent('#prediction')).toBe('7');
    await page.click('#undo');
    await expect.poll(() => page.textContent('#prediction')).toBe('1');
    await page.click('#clear');
    await expect.poll(() => page.textContent('#prediction')).toBe('–');
    await page.close();
  });

  it('reads a photo of a digit, and of a number, chosen with "Read a photo…"; says so when a file is not an image', async () => {
    const { page, problems } = await open(chromium.url);
    const png = ({ image }: Sample) => {
      const p = new PNG({ width: image.width, height: image.height });
      p.data.set(image.data);
      return PNG.sync.write(p);
    };
    // a validation photo of a 3 on paper (the library reads it as 3 in Node too)
    const three = sample('paper', 'validation', 3);
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.click('#photo-button')]);
    await chooser.setFiles({ name: 'three.png', mimeType: 'image/png', buffer: png(three) });
    await expect.poll(() => page.textContent('#prediction')).toBe(three.text);
    expect(await page.textContent('#confidence')).toMatch(/^\d+\.\d% sure$/);
    expect(await page.textContent('#latency')).toMatch(new RegExp(`^read in [\\d.]+ (µs|ms) \\(photo ${three.image.width}x${three.image.height} to digit, wasm-simd\\)$`));
    await page.setInputFiles('#photo', { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not an image') });
    await expect.poll(() => page.textContent('#confidence')).toBe('notes.txt is not an image this browser can read');
    expect(await page.textContent('#prediction')).toBe('–');
    // in number mode, a photographed row
    await page.click('input[value=number]');
    const row = sample('paper-rows', 'validation', 2);
    await page.setInputFiles('#photo', { name: 'row.png', mimeType: 'image/png', buffer: png(row) });
    await expect.poll(() => page.textContent('#prediction')).toBe(row.text);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('reads a number in number mode', async () => {
    const { page, problems } = await open(chromium.url);
    await page.click('input[value=number]');
    const box = (await page.locator('#pad').boundingBox())!;
    expect(box.width).toBeGreaterThan(800);
    await draw(page.mouse, box, numberStrokes('1704', 20));
    await expect.poll(() => page.textContent('#prediction')).toBe('1704');
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('the Benchmark button in Chromium', () => {
  it('measures this browser: every kernel, the canvas, and a pool of Web Workers on shared memory', async () => {
    const { page, problems } = await open(chromium.url);
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
    await page.click('#bench');
    await expect.poll(() => page.textContent('#bench-out'), { timeout: 60_000 }).toMatch(/SharedArrayBuffer: +\d/);
    const text = (await page.textContent('#bench-out'))!;
    expect(text).toMatch(/^tinydigit bench: Mozilla\/5\.0 .*Chrome\/\d+/);
    for (const kernel of ['SIMD f32', 'SIMD int8', 'scalar f32']) expect(text).toMatch(new RegExp(`${kernel} +\\d+ ns +\\d+ ns +\\d+\\.\\d{3} M digits/s`));
    expect(text).toMatch(/280x280 RGBA canvas → digit \(classifyImage\): \d+\.\d µs/);
    expect(text).toMatch(/pool of \d+ workers \(tinydigit\/pool\): +\d+\.\d{3} M digits\/s +x\d+\.\d\d/);
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('<tinydigit-pad> from one script tag, in Chromium', () => {
  it('emits a digit event with the prediction', async () => {
    const site = await serveDir(elementPageDir());
    try {
      const { page, problems } = await open(site.url);
      expect(await page.textContent('#global')).toBe('global ok');
      const box = (await page.locator('#pad').boundingBox())!;
      await draw(page.mouse, box, DIGIT_STROKES['4']!);
      await expect.poll(() => page.textContent('#out')).toMatch(/^4 0\.\d{3}$/);
      expect(problems).toEqual([]);
      await page.close();
    } finally {
      await site.close();
    }
  });

  it('is usable by keyboard and screen reader, visible, sharp at devicePixelRatio 2, and warns once about a bad attribute', async () => {
    const site = await serveDir(elementPageDir());
    const page = await chromium.browser.newPage({ viewport: { width: 600, height: 500 }, deviceScaleFactor: 2 });
    try {
      const warnings: string[] = [];
      page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
      await page.goto(site.url);
      const pad = page.locator('#pad');
      expect(await pad.ariaSnapshot()).toBe('- img "Drawing pad for a digit"');
      expect(await pad.getAttribute('tabindex')).toBe('0');
      const look = await page.evaluate(() => {
        const canvas = document.getElementById('pad')!.shadowRoot!.querySelector('canvas')!;
        return { border: getComputedStyle(canvas).borderTopWidth, width: canvas.width, cssWidth: canvas.getBoundingClientRect().width };
      });
      expect(look).toEqual({ border: '2px', width: 560, cssWidth: 280 });
      const live = () => page.evaluate(() => document.getElementById('pad')!.shadowRoot!.querySelector('[aria-live=polite]')!.textContent);
      const box = (await pad.boundingBox())!;
      await draw(page.mouse, box, DIGIT_STROKES['1']!);
      await expect.poll(() => page.textContent('#out')).toMatch(/^1 (0\.\d{3}|1\.000)$/);
      expect(await live()).toBe('read 1');
      // the keyboard: Ctrl+Z undoes the stroke, Escape clears
      await pad.focus();
      await page.keyboard.press('Control+z');
      await expect.poll(() => page.textContent('#out')).toBe('none');
      expect(await live()).toBe('empty');
      await draw(page.mouse, box, DIGIT_STROKES['7']!);
      await expect.poll(() => page.textContent('#out')).toMatch(/^7 /);
      await pad.focus();
      await page.keyboard.press('Escape');
      await expect.poll(() => page.textContent('#out')).toBe('none');
      await page.evaluate(() => {
        const p = document.getElementById('pad') as HTMLElementTagNameMap['tinydigit-pad'];
        p.setAttribute('width', '300px');
        p.setAttribute('width', '300px');
        p.setAttribute('mode', 'numbr');
        p.setAttribute('stroke', 'thick');
        p.setAttribute('model', 'big');
        p.read();
      });
      expect(warnings).toEqual([
        '<tinydigit-pad> width="300px": not an integer from 8 to 4096, using the default',
        '<tinydigit-pad> mode="numbr": not digit or number, using the default',
        '<tinydigit-pad> stroke="thick": not a line width from 1 to 256, using the default',
        '<tinydigit-pad> model="big": not default or default-int8, using the default',
      ]);
    } finally {
      await page.close();
      await site.close();
    }
  });
});
