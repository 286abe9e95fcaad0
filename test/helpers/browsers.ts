// Shared by the browser suites: serving a folder, launching the Debian browsers, waiting for a page's
// answer, drawing strokes.
//
// The browsers are whatever Debian's mirror gives the machine (Chromium 150 or later, Firefox ESR 140 or
// later), so the suites use only what the oldest of them supports: Firefox's window is sized by its
// command line, never by WebDriver BiDi's emulation commands (Firefox 140 lacks
// emulation.setScreenOrientationOverride, which puppeteer's setViewport sends), and a page's answer is
// awaited by polling a plain read of the DOM, never by a wait that evaluates new code inside the page
// (Firefox 140 applies the page's Content-Security-Policy to that code and blocks it).
import type { AddressInfo } from 'node:net';
import { chromium, type Browser as ChromiumBrowser, type CDPSession } from 'playwright-core';
import puppeteer, { type Browser as PuppeteerBrowser, type LaunchOptions } from 'puppeteer-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { copyFileSync, createReadStream, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer, type Server } from 'node:http';
import { extname, join } from 'node:path';
import { createDemoServer, resolveStatic } from '../../src/cli/serve.js';

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'];

/** The inner size every page gets in Firefox: the window less its (headless) toolbars. */
export const FIREFOX_WINDOW = { width: 1000, height: 820 };

/**
 * Debian's Firefox ESR through puppeteer-core over WebDriver BiDi, with no background connections.
 * `defaultViewport: null` keeps puppeteer from sending setViewport (and with it emulation commands) to
 * each new page; the window's size comes from the command line instead.
 */
const FIREFOX_OPTIONS: LaunchOptions = {
  browser: 'firefox',
  executablePath: '/usr/bin/firefox-esr',
  headless: true,
  protocol: 'webDriverBiDi',
  defaultViewport: null,
  args: [`--width=${FIREFOX_WINDOW.width}`, `--height=${FIREFOX_WINDOW.height}`],
  extraPrefsFirefox: { 'network.captive-portal-service.enabled': false, 'app.update.enabled': false },
};

/** Debian's Chromium through playwright-core; prints its version once, so a failure names the browser. */
export async function launchChromium(): Promise<ChromiumBrowser> {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  console.log(`browser: Chromium ${browser.version()}`);
  return browser;
}

/**
 * For a test file: a browser (from `launch`) and the demo page served from dist/, started before the
 * file's tests and closed after them.
 */
export function browserWithDemo<B extends { close(): Promise<void> }>(launch: () => Promise<B>): { readonly browser: B; readonly url: string } {
  let browser: B | undefined;
  let demo: Awaited<ReturnType<typeof serveDir>> | undefined;
  beforeAll(async () => {
    browser = await launch();
    demo = await serveDir('dist');
  });
  afterAll(async () => {
    await browser?.close();
    await demo?.close();
  });
  return {
    get browser() {
      return browser!;
    },
    get url() {
      return demo!.url;
    },
  };
}

/** Debian's Chromium and the demo page (see {@link browserWithDemo}). */
export function chromiumWithDemo(): { readonly browser: ChromiumBrowser; readonly url: string } {
  return browserWithDemo(launchChromium);
}

/** Debian's Firefox ESR through puppeteer-core; prints its version once, so a failure names the browser. */
export async function launchFirefox(): Promise<PuppeteerBrowser> {
  const browser = await puppeteer.launch(FIREFOX_OPTIONS);
  console.log(`browser: Firefox ${(await browser.version()).replace(/^firefox\//i, '')}`);
  return browser;
}

/**
 * Waits until `read` (a plain read of the DOM, such as an element's text) gives a non-empty string, and
 * returns it. Polls from the test's side, so nothing is evaluated under the page's CSP.
 */
export async function waitForText(read: () => Promise<string | null | undefined>, timeout: number): Promise<string> {
  let text: string | null | undefined;
  await expect.poll(async () => (text = await read()), { timeout, interval: 100 }).toBeTruthy();
  return text!;
}

/**
 * A web developer's page with one `<tinydigit-pad>`, loaded by the IIFE script tag (test/fixtures/element
 * and dist/tinydigit.iife.js), in a folder of its own to serve.
 */
export function elementPageDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tinydigit-element-'));
  for (const f of readdirSync('test/fixtures/element')) copyFileSync(join('test/fixtures/element', f), join(dir, f));
  copyFileSync('dist/tinydigit.iife.js', join(dir, 'tinydigit.iife.js'));
  return dir;
}

/** `dir` served as the demo server serves it: its Content-Security-Policy, cross-origin isolated. */
export async function serveDir(dir: string): Promise<{ url: string; close: () => Promise<void> }> {
  return listen(createDemoServer(dir));
}

const PLAIN_TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8' };

/** `dir` served as a plain static host serves a user's page: no policy headers, so inline scripts run. */
export async function serveStatic(dir: string): Promise<{ url: string; close: () => Promise<void> }> {
  return listen(createServer((req, res) => {
    const file = resolveStatic(dir, req.url ?? '/');
    const type = file && PLAIN_TYPES[extname(file)];
    if (!file || !type) res.writeHead(404).end();
    else createReadStream(file).pipe(res.writeHead(200, { 'Content-Type': type }));
  }));
}

async function listen(server: Server): Promise<{ url: string; close: () => Promise<void> }> {
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', () => ok()));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((ok) => server.close(() => ok())) };
}

export type Stroke = [number, number][];

/** Digits drawn as a person would on a 280x280 pad (pad pixels). */
export const DIGIT_STROKES: Record<string, Stroke[]> = {
  '0': [Array.from({ length: 41 }, (_, i) => [140 + 60 * Math.sin((i / 40) * 2 * Math.PI), 140 - 90 * Math.cos((i / 40) * 2 * Math.PI)])],
  '1': [[[140, 50], [140, 235]]],
  '2': [[[80, 90], [110, 55], [160, 50], [195, 85], [185, 130], [80, 230], [205, 230]]],
  '4': [[[170, 50], [80, 170], [200, 170]], [[170, 50], [170, 235]]],
  '7': [[[70, 60], [210, 60], [130, 230]]],
};

/** The strokes of several digits side by side, for a pad `width` wide. */
export function numberStrokes(text: string, offsetX = 0): Stroke[] {
  return [...text].flatMap((d, k) => DIGIT_STROKES[d]!.map((s) => s.map(([x, y]) => [x + offsetX + 200 * k, y] as [number, number])));
}

interface Mouse {
  move(x: number, y: number, options?: { steps?: number }): Promise<unknown>;
  down(): Promise<unknown>;
  up(): Promise<unknown>;
}

/** Draws strokes with the mouse, relative to the top-left corner of a box on the page. */
export async function draw(mouse: Mouse, box: { x: number; y: number }, strokes: Stroke[]): Promise<void> {
  for (const s of strokes) {
    await mouse.move(box.x + s[0]![0], box.y + s[0]![1]);
    await mouse.down();
    for (const [x, y] of s.slice(1)) await mouse.move(box.x + x, box.y + y, { steps: 8 });
    await mouse.up();
  }
}

/**
 * Draws strokes with a finger (Chromium's touch events, through the DevTools protocol; the page needs
 * `hasTouch`), relative to the top-left corner of a box on the page. The finger moves straight between
 * a stroke's points, as the pad joins them, 16 ms an event, and rests before it lifts: a finger that
 * lifts while moving flings, and Chromium then takes the next tap as the one that stops the fling.
 */
export async function touchDraw(cdp: CDPSession, box: { x: number; y: number }, strokes: Stroke[]): Promise<void> {
  let t = Date.now() / 1000;
  const send = (type: 'touchStart' | 'touchMove' | 'touchEnd', p?: [number, number], wait = 0.016) =>
    cdp.send('Input.dispatchTouchEvent', { type, touchPoints: p ? [{ x: box.x + p[0], y: box.y + p[1], id: 1 }] : [], timestamp: (t += wait) });
  for (const s of strokes) {
    await send('touchStart', s[0]!);
    for (const p of s.slice(1)) await send('touchMove', p);
    await send('touchMove', s.at(-1)!, 0.2);
    await send('touchEnd');
  }
}
