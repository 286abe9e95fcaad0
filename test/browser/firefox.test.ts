// The demo page in Debian's Firefox ESR, driven by puppeteer-core over WebDriver BiDi.
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIGIT_STROKES, draw, FIREFOX_WINDOW, launchFirefox, numberStrokes, serveDir } from '../helpers/browsers.js';

let browser: Browser;
let demo: Awaited<ReturnType<typeof serveDir>>;
beforeAll(async () => {
  browser = await launchFirefox();
  demo = await serveDir('dist/demo');
});
afterAll(async () => {
  await browser?.close();
  await demo?.close();
});

describe('demo page in Firefox', () => {
  it('reads digits and a number drawn with the mouse', async () => {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(String(e)));
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    await page.goto(demo.url);
    expect(await page.evaluate(() => innerWidth)).toBe(FIREFOX_WINDOW.width);
    const text = (sel: string) => page.$eval(sel, (e) => e.textContent);
    const box = (await (await page.$('#pad'))!.boundingBox())!;
    for (const [digit, strokes] of Object.entries(DIGIT_STROKES)) {
      await page.click('#clear');
      await draw(page.mouse, box, strokes);
      await expect.poll(() => text('#prediction')).toBe(digit);
    }
    expect(await text('#latency')).toMatch(/wasm-simd/);
    await page.click('input[value=number]');
    const wide = (await (await page.$('#pad'))!.boundingBox())!;
    await draw(page.mouse, wide, numberStrokes('1704', 20));
    await expect.poll(() => text('#prediction')).toBe('1704');
    expect(problems).toEqual([]);
    await page.close();
  });
});
