// Shared by the browser suites: serving a folder, launching the Debian browsers, drawing strokes.
import type { AddressInfo } from 'node:net';
import { createDemoServer } from '../../src/cli/serve.js';

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'];

/** Debian's Firefox ESR through puppeteer-core over WebDriver BiDi, with no background connections. */
export const FIREFOX_OPTIONS = {
  browser: 'firefox',
  executablePath: '/usr/bin/firefox-esr',
  headless: true,
  protocol: 'webDriverBiDi',
  extraPrefsFirefox: { 'network.captive-portal-service.enabled': false, 'app.update.enabled': false },
} as const;

export async function serveDir(dir: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createDemoServer(dir);
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
