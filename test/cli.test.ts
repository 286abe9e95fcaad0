// The tinydigit command, run as users run it (node dist/cli.js), on real MNIST digits saved as PNG and JPEG.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadClassifierSync } from '../src/index.js';
import '../src/number.js';
import { composeRow, DEFAULT_COMPOSE } from '../tools/shared/compose.js';
import { loadMnist } from '../tools/shared/mnist.js';
import { rng } from '../tools/shared/rng.js';

const dir = mkdtempSync(join(tmpdir(), 'tinydigit-cli-'));
const test = loadMnist('test');
const numberRow = composeRow(test, [3, 4, 5, 6, 7], rng(1), { ...DEFAULT_COMPOSE, minGap: 4, maxGap: 6 });
const run = (...args: string[]) => spawnSync(process.execPath, ['dist/cli.js', ...args], { encoding: 'utf8' });

/** A 1-channel light-on-dark image as an RGBA PNG with dark ink on white, the way a scan would be. */
function png(data: Uint8Array, width: number, height: number): Buffer {
  const p = new PNG({ width, height });
  data.forEach((v, i) => p.data.set([255 - v, 255 - v, 255 - v, 255], i * 4));
  return PNG.sync.write(p);
}
function jpg(data: Uint8Array, width: number, height: number): Buffer {
  const rgba = Buffer.alloc(width * height * 4);
  data.forEach((v, i) => rgba.set([255 - v, 255 - v, 255 - v, 255], i * 4));
  return Buffer.from(jpeg.encode({ data: rgba, width, height }, 95).data);
}

beforeAll(() => {
  for (let i = 0; i < 3; i++) {
    const px = test.images.pixels.subarray(i * 784, (i + 1) * 784);
    writeFileSync(join(dir, `digit${i}.png`), png(px, 28, 28));
    writeFileSync(join(dir, `digit${i}.jpg`), jpg(px, 28, 28));
  }
  writeFileSync(join(dir, 'number.png'), png(numberRow.image.data as Uint8Array, numberRow.image.width, numberRow.image.height));
  writeFileSync(join(dir, 'blank.png'), png(new Uint8Array(28 * 28), 28, 28));
  writeFileSync(join(dir, 'not-an-image.png'), 'hello');
  writeFileSync(join(dir, 'truncated.png'), png(test.images.pixels.subarray(0, 784), 28, 28).subarray(0, 60));
  writeFileSync(join(dir, 'truncated.jpg'), jpg(test.images.pixels.subarray(0, 784), 28, 28).subarray(0, 200));
  mkdirSync(join(dir, 'a-directory'));
  // a sparse 3 GB file: refused from its size, never read
  writeFileSync(join(dir, 'huge.png'), '');
  truncateSync(join(dir, 'huge.png'), 3 * 2 ** 30);
  writeFileSync(join(dir, 'unreadable.png'), png(test.images.pixels.subarray(0, 784), 28, 28));
  chmodSync(join(dir, 'unreadable.png'), 0);
});

describe('tinydigit classify', () => {
  it('prints one line per file: digit and confidence', () => {
    const r = run('classify', join(dir, 'digit0.png'), join(dir, 'digit1.jpg'), join(dir, 'digit2.png'));
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines.map((l) => l.match(/: (\d) \(\d+\.\d%\)$/)?.[1])).toEqual(Array.from(test.labels.subarray(0, 3), String));
  });

  it('prints JSON with --json, and says when an image holds no digit', () => {
    const r = run('classify', '--json', join(dir, 'digit0.png'), join(dir, 'blank.png'));
    const [a, b] = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(a).toMatchObject({ digit: test.labels[0], confidence: expect.any(Number) });
    expect(a.probabilities).toHaveLength(10);
    expect(b).toEqual({ file: join(dir, 'blank.png'), digit: null });
  });

  it('reports bad files on stderr, one line each, goes on with the others, and exits 1', () => {
    const bad = ['not-an-image.png', 'truncated.png', 'truncated.jpg', 'a-directory', 'missing.png', 'huge.png'];
    if (process.getuid?.() !== 0) bad.push('unreadable.png');
    const r = run('classify', ...bad.map((f) => join(dir, f)), join(dir, 'digit1.png'));
    expect(r.status).toBe(1);
    const errors = r.stderr.trim().split('\n');
    expect(errors).toHaveLength(bad.length);
    for (const [i, f] of bad.entries()) expect(errors[i]).toMatch(new RegExp(`^tinydigit: .*${f}: \\S`));
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stderr).toMatch(/huge\.png: 3221225472 bytes is larger than the 128 MB this command reads/);
    expect(r.stdout).toMatch(new RegExp(`digit1.png: ${test.labels[1]} `));
  });
});

describe('tinydigit bench', () => {
  it('measures every kernel and reports JSON', () => {
    const r = run('bench', '--rounds', '1', '--json');
    expect(r.status).toBe(0);
    const b = JSON.parse(r.stdout);
    expect(b.kernels.map((k: { kernel: string }) => k.kernel)).toEqual(['SIMD f32', 'SIMD int8', 'scalar f32']);
    for (const k of b.kernels) {
      expect(k.singleMedianNs).toBeGreaterThan(0);
      expect(k.singleP99Ns).toBeGreaterThanOrEqual(k.singleMedianNs);
      expect(k.batchDigitsPerSecond).toBeGreaterThan(0);
      expect(k.batchInPlaceDigitsPerSecond).toBeGreaterThan(0);
    }
    expect(b.runtime).toMatch(/^Node v\d+/);
    expect(b.coldStartMs).toBeGreaterThan(0);
    expect(b.firstCanvasMs).toBeGreaterThan(0);
    expect(b.canvasToDigitUs).toBeGreaterThan(0);
    expect(b.padToDigitUs).toBeGreaterThan(0);
    expect(b.pool.workers).toBeGreaterThanOrEqual(1);
    expect(b.pool.poolDigitsPerSecond).toBeGreaterThan(0);
    expect(b.pool.sharedPoolDigitsPerSecond).toBeGreaterThan(0);
    expect(run('bench', '--rounds', '1').stdout).toMatch(/^tinydigit bench: Node v\d+[\s\S]*SIMD f32 [\s\S]*canvas → digit[\s\S]*pool of \d+ workers/);
  });
});

describe('tinydigit read, info, usage', () => {
  it('reads a number: what the library reads from the same pixels', () => {
    // how well readNumber reads is test/read-number.test.ts's business; here, that the CLI decodes the
    // file and prints the library's reading
    const expected = loadClassifierSync().readNumber(numberRow.image);
    expect(expected.text.length).toBeGreaterThan(3);
    const r = run('read', '--json', join(dir, 'number.png'));
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.text).toBe(expected.text);
    expect(out.digits.map((d: { box: unknown }) => d.box)).toEqual(expected.digits.map((d) => d.box));
    expect(run('read', join(dir, 'number.png')).stdout).toMatch(new RegExp(`^${expected.text} {2}\\(`));
  });

  it('describes the default models and model files', () => {
    const r = run('info');
    expect(r.stdout).toMatch(/architecture: 400-25-15-10 \(input 20x20, int8 weights/);
    expect(run('info', 'default-f32').stdout).toMatch(/architecture: 400-25-15-10 \(input 20x20, f32 weights/);
    expect(r.stdout).toMatch(/accuracy: +98\.\d\d% on 10000 MNIST test images/);
    const j = JSON.parse(run('info', 'models/big-int8.tdm', '--json').stdout);
    expect(j).toMatchObject({ architecture: '400-128-64-10', weights: 'int8', crc32: expect.stringMatching(/^[0-9a-f]{8}$/) });
    const bad = run('info', join(dir, 'digit0.png'));
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(new RegExp(`^tinydigit: ${join(dir, 'digit0.png')}: not a tinydigit model file`));
  });

  it('explains usage errors with exit code 2', () => {
    for (const args of [[], ['frobnicate'], ['classify'], ['classify', '--bogus', 'x'], ['serve', '--port', 'x'], ['classify', '--polarity', 'up', 'x.png'], ['bench', '--rounds', '0']]) {
      const r = run(...args);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/^tinydigit: .*\n\nusage: tinydigit/);
    }
    expect(run('--help').status).toBe(0);
  });

  it('says its version, and each command\'s help', () => {
    const version = JSON.parse(readFileSync('package.json', 'utf8')).version;
    for (const flag of ['--version', '-v']) expect(run(flag).stdout).toBe(`tinydigit ${version}\n`);
    const help = run('classify', '--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^usage: tinydigit classify <files\.\.\.> \[options\]\n/);
    expect(help.stdout).toMatch(/--polarity P/);
    expect(help.stdout).not.toMatch(/--rounds/);
  });

  it('names a mistyped option or command in its own words, with a suggestion', () => {
    const option = run('classify', '--jsn', join(dir, 'digit0.png'));
    expect(option.status).toBe(2);
    expect(option.stderr).toMatch(/^tinydigit: unknown option --jsn \(did you mean --json\?\)\n\nusage: tinydigit classify/);
    expect(option.stderr).not.toMatch(/positional argument/);
    expect(run('bench', '--rounds').stderr).toMatch(/^tinydigit: --rounds needs a value\n/);
    const command = run('clasify', 'x.png');
    expect(command.status).toBe(2);
    expect(command.stderr).toMatch(/^tinydigit: unknown command 'clasify' \(did you mean 'classify'\?\)/);
    expect(run('zzzzzz').stderr).toMatch(/^tinydigit: unknown command 'zzzzzz'\n/);
  });

  it('names the file in every file error, in its own words', () => {
    const model = run('classify', '--model', 'nope.tdm', join(dir, 'digit0.png'));
    expect(model.status).toBe(1);
    expect(model.stderr).toBe('tinydigit: nope.tdm: no such file\n');
    expect(run('info', 'nope.tdm').stderr).toBe('tinydigit: nope.tdm: no such file\n');
    expect(run('read', '--model', join(dir, 'digit0.png'), join(dir, 'number.png')).stderr).toMatch(new RegExp(`^tinydigit: ${join(dir, 'digit0.png')}: not a tinydigit model file`));
    const truncated = run('classify', join(dir, 'truncated.png'), join(dir, 'truncated.jpg'));
    expect(truncated.stderr).toBe(`tinydigit: ${join(dir, 'truncated.png')}: not a readable PNG: cut short\ntinydigit: ${join(dir, 'truncated.jpg')}: not a readable JPEG: the file is corrupt or cut short\n`);
  });

  it('reads an image from standard input with -, and shows a model given by --model', () => {
    const r = spawnSync(process.execPath, ['dist/cli.js', 'classify', '-'], { input: readFileSync(join(dir, 'digit0.png')), encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^standard input: ${test.labels[0]} \\(\\d+\\.\\d%\\)\n$`));
    const empty = spawnSync(process.execPath, ['dist/cli.js', 'read', '-'], { input: '', encoding: 'utf8' });
    expect(empty.status).toBe(1);
    expect(empty.stderr).toBe('tinydigit: standard input: not a PNG or JPEG image\n');
    expect(run('info', '--model', 'default-f32').stdout).toMatch(/^model: +default-f32\narchitecture: 400-25-15-10 \(input 20x20, f32 weights/);
    expect(run('info', 'default', '--model', 'default-f32').status).toBe(2);
  });
});
