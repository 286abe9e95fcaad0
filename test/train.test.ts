// A short training run (3 epochs on 4,000 images), so the trainer cannot rot: it must produce loadable
// model files, a report and the three pictures, and learn something.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { loadClassifierSync } from '../src/index.js';
import { GROUP_FEATURES } from '../src/read-number/grouping.js';
import { START_WEIGHTS } from '../tools/train/grouping-weights.js';

it('trains, exports f32 and int8 models, and draws its pictures', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tinydigit-train-'));
  execFileSync(process.execPath, ['--import', 'tsx', 'tools/train/train.ts', '--name', 'quick', '--limit', '4000', '--epochs', '3', '--test-limit', '1000', '--models', dir, '--plots', dir, '--quiet'], { stdio: 'pipe' });
  const report = JSON.parse(readFileSync(join(dir, 'quick.json'), 'utf8'));
  expect(report).toMatchObject({ architecture: '400-25-15-10', seed: 1, testImages: 1000, trainer: { epochs: 3, trainImages: 4000 }, training: 'npm run train -- --name quick --limit 4000 --epochs 3 --test-limit 1000' });
  expect(report.history).toHaveLength(3);
  // far from trained (81.6% here with seed 1), but far above chance (10%)
  expect(report.testAccuracy.f32).toBeGreaterThan(0.7);
  expect(report.parity.sameArgmax).toBeGreaterThanOrEqual(0.999);
  expect(report.parity.maxProbabilityDifference).toBeLessThanOrEqual(1e-5);
  for (const [file, type] of [['quick-f32.tdm', 'f32'], ['quick-int8.tdm', 'int8']]) {
    const c = loadClassifierSync({ model: readFileSync(join(dir, file!)) });
    expect(c.model.layers.map((l) => l.weightType)).toEqual([type, type, type]);
    expect(c.model.metadata).toMatchObject({ weightType: type, testAccuracy: report.testAccuracy[type!], training: report.training });
    expect(c.model.metadata).not.toHaveProperty('trainer');
  }
  for (const pic of ['learning-curve', 'predictions', 'confusion']) {
    expect(readFileSync(join(dir, `quick-${pic}.svg`), 'utf8')).toMatch(/^<svg [^>]*>[\s\S]*<\/svg>\n$/);
  }
});

it("trains readNumber's second reader (a digit or class 10, not one whole digit) and learns its grouping weights", () => {
  const dir = mkdtempSync(join(tmpdir(), 'tinydigit-train-second-reader-'));
  execFileSync(process.execPath, ['--import', 'tsx', 'tools/train/second-reader.ts', '--rows', '1500', '--hidden', '16', '--epochs', '6', '--grouping-rows', '300', '--models', dir], { stdio: 'pipe' });
  const report = JSON.parse(readFileSync(join(dir, 'second-reader.json'), 'utf8'));
  expect(report).toMatchObject({ architecture: '400-16-11', rows: 1500, epochs: 6 });
  const c = loadClassifierSync({ model: readFileSync(join(dir, 'second-reader-int8.tdm')) });
  expect(c.model).toMatchObject({ inputs: 400, classes: 11 });
  expect(c.model.metadata).toMatchObject({ architecture: '400-16-11', heldOutAccuracy: report.heldOutAccuracy });
  console.log(`second reader, 1,500 rows, 6 epochs: held-out groups ${(report.heldOutAccuracy * 100).toFixed(1)}%`);
  // the most common class (not one digit) is about 62% of the examples: it must learn more than that
  expect(report.heldOutAccuracy).toBeGreaterThan(0.65);
  // a weight for every feature readNumber weighs, moved by the learning from where it started
  expect(Object.keys(report.groupingWeights)).toEqual([...GROUP_FEATURES]);
  expect(Object.values(report.groupingWeights).every(Number.isFinite)).toBe(true);
  expect(report.groupingWeights).not.toEqual(START_WEIGHTS);
});
