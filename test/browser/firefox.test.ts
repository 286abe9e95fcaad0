// The demo page and the bare element in Debian's Firefox ESR, driven by puppeteer-core over WebDriver BiDi.
import { describe, expect, it } from 'vitest';
import { browserWithDemo, DIGIT_STROKES, draw, elementPageDir, FIREFOX_WINDOW, launchFirefox, numberStrokes, serveStatic } from '../helpers/browsers.js';

const firefox = browserWithDemo(launchFirefox);

describe('demo page in Firefox', () => {
  it('reads digits and a number drawn with the mouse', async () => {
    const page = await firefox.browser.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(String(e)));
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    await page.goto(firefox.url);
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

describe('<tinydigit-pad> from one script tag, in Firefox', () => {
  it('is usable by keyboard and screen reader, and warns once about a bad attribute', async () => {
    // without the demo's CSP: Firefox 140 applies a page's CSP to the code the test evaluates in it
    const site = await serveStatic(elementPageDir());
    const page = await firefox.browser.newPage();
    try {
      const warnings: string[] = [];
      page.on('console', (m) => (m.type() === 'warn' || (m.type() as string) === 'warning') && warnings.push(m.text()));
      await page.goto(site.url);
      const text = (sel: string) => page.$eval(sel, (e) => e.textContent);
      const live = () => page.$eval('#pad', (p) => p.shadowRoot!.querySelector('[aria-live=polite]')!.textContent);
      expect(await page.$eval('#pad', (p) => [p.getAttribute('role'), p.getAttribute('aria-label'), (p as HTMLElement).tabIndex])).toEqual(['img', 'Drawing pad for a digit', 0]);
      // the first stop of the tab order
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('pad');
      const box = (await (await page.$('#pad'))!.boundingBox())!;
      await draw(page.mouse, box, DIGIT_STROKES['1']!);
      await expect.poll(() => text('#out')).toMatch(/^1 (0\.\d{3}|1\.000)$/);
      expect(await live()).toBe('read 1');
      // the keyboard: Ctrl+Z undoes the stroke, Escape clears
      await page.focus('#pad');
      await page.keyboard.down('Control');
      await page.keyboard.press('z');
      await page.keyboard.up('Control');
      await expect.poll(() => text('#out')).toBe('none');
      expect(await live()).toBe('empty');
      await draw(page.mouse, box, DIGIT_STROKES['7']!);
      await expect.poll(() => text('#out')).toMatch(/^7 /);
      await page.focus('#pad');
      await page.keyboard.press('Escape');
      await expect.poll(() => text('#out')).toBe('none');
      await page.$eval('#pad', (p) => {
        p.setAttribute('width', '300px');
        p.setAttribute('width', '300px');
        p.setAttribute('mode', 'numbr');
      });
      await expect.poll(() => warnings).toEqual([
        '<tinydigit-pad> width="300px": not an integer from 8 to 4096, using the default',
        '<tinydigit-pad> mode="numbr": not digit or number, using the default',
      ]);
    } finally {
      await page.close();
      await site.close();
    }
  });
});
