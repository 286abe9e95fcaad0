// The pad set's drawings replayed on the real <tinydigit-pad> in Chromium, half with the mouse and half
// with touch events: what the pad reads, and whether the set's own rendering (tools/realworld, which
// the accuracy gates use) matches what the browser draws.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { loadClassifierSync } from '../../src/index.js';
import { sample } from '../../tools/realworld/sets.js';
import { chromiumWithDemo, touchDraw } from '../helpers/browsers.js';

const COUNT = 40;
const chromium = chromiumWithDemo();

type Strokes = [number, number][][];

async function mouseDraw(page: Page, at: { x: number; y: number }, strokes: Strokes): Promise<void> {
  for (const s of strokes) {
    await page.mouse.move(at.x + s[0]![0], at.y + s[0]![1]);
    await page.mouse.down();
    for (const [x, y] of s.slice(1)) await page.mouse.move(at.x + x, at.y + y);
    await page.mouse.up();
  }
}

describe('the pad set on the real pad in Chromium', () => {
  it('reads drawings made with the mouse and with touch as the set renders them', async () => {
    const context = await chromium.browser.newContext({ viewport: { width: 1000, height: 720 }, hasTouch: true });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await page.goto(chromium.url);
    const clf = loadClassifierSync();
    let right = 0;
    let same = 0;
    for (let i = 0; i < COUNT; i++) {
      const s = sample('pad', 'test', i);
      const pen = s.pen!;
      await page.evaluate((lw) => {
        const pad = document.querySelector('tinydigit-pad')!;
        pad.clear();
        pad.setAttribute('stroke', String(lw));
      }, pen.lineWidth);
      const box = (await page.locator('#pad canvas').boundingBox())!;
      // the canvas's content starts inside its 2 px border
      const at = { x: box.x + 2, y: box.y + 2 };
      if (i % 2) await touchDraw(cdp, at, pen.strokes);
      else await mouseDraw(page, at, pen.strokes);
      const read = await page.evaluate(() => {
        const r = document.querySelector('tinydigit-pad')!.read();
        return r && 'digit' in r ? r.digit : null;
      });
      if (read === Number(s.text)) right++;
      if (read === clf.classifyImage(s.image)?.digit) same++;
    }
    console.log(`real pad in Chromium: ${right} of ${COUNT} digits read right (mouse and touch); the set's rendering read the same on ${same}`);
    // the set's rendering is faithful: the pad and the set agree on nearly every drawing
    expect(same).toBeGreaterThanOrEqual(COUNT - 2);
    expect(right).toBeGreaterThanOrEqual(COUNT - 3);
    await context.close();
  });
});
