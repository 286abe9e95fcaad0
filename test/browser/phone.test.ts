// The demo page on a phone in Chromium: a touch screen (hasTouch, isMobile) 320 and 390 px wide. The page
// never gets wider than the screen, in either mode, and what a finger draws is read.
import { describe, expect, it } from 'vitest';
import { chromiumWithDemo, DIGIT_STROKES, numberStrokes, type Stroke, touchDraw } from '../helpers/browsers.js';

const chromium = chromiumWithDemo();

const scaled = (strokes: Stroke[], k: number): Stroke[] => strokes.map((s) => s.map(([x, y]) => [x * k, y * k] as [number, number]));

describe('demo page on a phone in Chromium', () => {
  for (const width of [320, 390]) {
    it(`fits a ${width} px wide touch screen in both modes, and reads a digit and a number drawn with a finger`, async () => {
      const context = await chromium.browser.newContext({ viewport: { width, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true });
      const page = await context.newPage();
      const problems: string[] = [];
      page.on('pageerror', (e) => problems.push(e.message));
      page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
      try {
        await page.goto(chromium.url);
        const cdp = await context.newCDPSession(page);
        const layout = () => page.evaluate(() => {
          const pad = document.getElementById('pad')!.getBoundingClientRect();
          return { pageWidth: document.documentElement.scrollWidth, padLeft: pad.left, padRight: pad.right };
        });
        const digitMode = await layout();
        expect(digitMode.pageWidth).toBe(width);
        expect(digitMode.padLeft).toBeGreaterThanOrEqual(0);
        expect(digitMode.padRight).toBeLessThanOrEqual(width);
        await touchDraw(cdp, (await page.locator('#pad').boundingBox())!, DIGIT_STROKES['7']!);
        await expect.poll(() => page.textContent('#prediction')).toBe('7');

        await page.tap('input[value=number]');
        // as wide as the page leaves it: wider than a digit's pad (280 px), narrower than a number's (840)
        await expect.poll(async () => { const l = await layout(); return l.padRight - l.padLeft; }).toBeGreaterThan(280);
        const numberMode = await layout();
        expect(numberMode.pageWidth).toBe(width);
        expect(numberMode.padLeft).toBeGreaterThanOrEqual(0);
        expect(numberMode.padRight).toBeLessThanOrEqual(width);
        await touchDraw(cdp, (await page.locator('#pad').boundingBox())!, scaled(numberStrokes('74'), 0.6));
        await expect.poll(() => page.textContent('#prediction')).toBe('74');
        expect(problems).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
});
