// Browsers join the runtime matrix: the packed package's browser entry, loaded from node_modules with no
// bundler, gives the same bits in Chromium (V8) and Firefox (SpiderMonkey) as in Node, and so does a
// pool of two Web Workers (tinydigit/pool).
import { execFileSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { matrixDir } from '../helpers/matrix-dir.js';
import { launchChromium, launchFirefox, serveDir, waitForText } from '../helpers/browsers.js';

let dir: string;
let node: { backend: string; digest: string; batchDigest: string };
beforeAll(() => {
  dir = matrixDir('browsers');
  const { backend, digest, batchDigest } = JSON.parse(execFileSync(process.execPath, ['digest-cli.mjs'], { cwd: dir, encoding: 'utf8' }));
  node = { backend, digest, batchDigest };
});

/** Serves the packed-package project and returns the URL of this suite's digest page. */
async function digestPage(): Promise<{ url: string; close: () => Promise<void> }> {
  const site = await serveDir(`${dir}/..`);
  return { url: `${site.url}browsers/digest-page.html`, close: site.close };
}

/** What the digest page printed: no page error, this browser, and Node's bits directly and through the pool. */
function expectNodeBits(out: string, problems: string[], browser: RegExp): void {
  const result = JSON.parse(out);
  expect(problems).toEqual([]);
  expect(result.runtime).toMatch(browser);
  expect({ backend: result.backend, digest: result.digest, batchDigest: result.batchDigest }).toEqual(node);
  expect(result.pool).toEqual({ size: 2, backend: node.backend, digest: node.batchDigest });
}

describe('runtime matrix in browsers', () => {
  it('Chromium gives the same bits as Node, also through a pool of Web Workers', async () => {
    const site = await digestPage();
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      const problems: string[] = [];
      page.on('pageerror', (e) => problems.push(e.message));
      await page.goto(site.url);
      expectNodeBits(await waitForText(() => page.textContent('#out'), 60_000), problems, /Chrome\/\d+/);
    } finally {
      await browser.close();
      await site.close();
    }
  });

  it('Firefox gives the same bits as Node, also through a pool of Web Workers', async () => {
    const site = await digestPage();
    const browser = await launchFirefox();
    try {
      const page = await browser.newPage();
      const problems: string[] = [];
      page.on('pageerror', (e) => problems.push(String(e)));
      await page.goto(site.url);
      expectNodeBits(await waitForText(() => page.$eval('#out', (e) => e.textContent), 60_000), problems, /Firefox\/\d+/);
    } finally {
      await browser.close();
      await site.close();
    }
  });
});
