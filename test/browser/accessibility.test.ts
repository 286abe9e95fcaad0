// axe-core (npm) in Chromium on the demo page (both modes, with a reading shown) and on a bare
// <tinydigit-pad> page: no serious or critical violation. axe is injected by the test (the context skips
// the pages' CSP for that one script); the pages themselves are served as users get them.
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIGIT_STROKES, draw, elementPageDir, launchChromium, serveDir } from '../helpers/browsers.js';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

interface Violation { id: string; impact: string; help: string; targets: string[] }

/** axe's violations on the page as it is now, each with where it was found. */
async function axeViolations(page: Page): Promise<Violation[]> {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run: (c: Document, o: object) => Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
  });
}

/** The violations that count (serious, critical), after printing every one found. */
async function seriousViolations(page: Page, what: string): Promise<Violation[]> {
  const all = await axeViolations(page);
  console.log(`axe on ${what}: ${all.length ? all.map((v) => `${v.impact} ${v.id} (${v.targets.length})`).join(', ') : 'no violation'}`);
  return all.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

describe('accessibility (axe-core) in Chromium', () => {
  it('the demo page: in digit mode with a reading, and in number mode', async () => {
    const demo = await serveDir('dist');
    const context = await browser.newContext({ viewport: { width: 1000, height: 900 }, bypassCSP: true });
    try {
      const page = await context.newPage();
      await page.goto(demo.url);
      await draw(page.mouse, (await page.locator('#pad').boundingBox())!, DIGIT_STROKES['2']!);
      await expect.poll(() => page.textContent('#prediction')).toBe('2');
      expect(await seriousViolations(page, 'the demo page, digit mode')).toEqual([]);
      await page.click('input[value=number]');
      await draw(page.mouse, (await page.locator('#pad').boundingBox())!, DIGIT_STROKES['7']!);
      await expect.poll(() => page.textContent('#prediction')).toBe('7');
      expect(await seriousViolations(page, 'the demo page, number mode')).toEqual([]);
    } finally {
      await context.close();
      await demo.close();
    }
  });

  it('a bare <tinydigit-pad> on a page of its own', async () => {
    const site = await serveDir(elementPageDir());
    const context = await browser.newContext({ viewport: { width: 600, height: 500 }, bypassCSP: true });
    try {
      const page = await context.newPage();
      await page.goto(site.url);
      await draw(page.mouse, (await page.locator('#pad').boundingBox())!, DIGIT_STROKES['4']!);
      await expect.poll(() => page.textContent('#out')).toMatch(/^4 /);
      expect(await seriousViolations(page, 'a bare element')).toEqual([]);
    } finally {
      await context.close();
      await site.close();
    }
  });
});
