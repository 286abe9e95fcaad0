// A short training run (3 epochs on 4,000 images), so the trainer cannot rot: it must produce loadable
// model files, a report and the three pictures, learn something, and leave the MNIST test set alone
// until it is asked for (tools/train/measure-test.ts).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { decodeModel, loadClassifierSync } from '../src/index.js';
import { GROUP_FEATURES } from '../src/read-number/grouping.js';
import { START_WEIGHTS } from '../tools/train/grouping-weights.js';
import { evaluateImages } from '../tools/shared/evaluate.js';
import { loadMnist } from '../tools/shared/mnist.js';

it('trains, exports f32 and int8 models, and draws its pictures, without looking at the MNIST test set', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tinydigit-train-'));
  execFileSync(process.execPath, ['--import', 'tsx', 'tools/train/train.ts', '--name', 'quick', '--limit', '4000', '--epochs', '3', '--models', dir, '--plots', dir, '--quiet'], { stdio: 'pipe' });
  const report = JSON.parse(readFileSync(join(dir, 'quick.json'), 'utf8'));
  expect(report).toMatchObject({ architecture: '400-25-15-10', seed: 1, trainer: { epochs: 3, trainImages: 4000 }, training: 'npm run train -- --name quick --limit 4000 --epochs 3' });
  expect(report.history).toHaveLength(3);
  // far from trained (87.7% of validation here with seed 1), but far above chance (10%)
  expect(report.validationThroughApi.f32).toBeGreaterThan(0.7);
  expect(report).not.toHaveProperty('testAccuracy');
  expect(report.parity.sameArgmax).toBeGreaterThanOrEqual(0.999);
  expect(report.parity.maxProbabilityDifference).toBeLessThanOrEqual(1e-5);
  for (const [file, type] of [['quick-f32.tdm', 'f32'], ['quick-int8.tdm', 'int8']]) {
    const c = loadClassifierSync({ model: readFileSync(join(dir, file!)) });
    expect(c.model.layers.map((l) => l.weightType)).toEqual([type, type, type]);
    expect(c.model.metadata).toMatchObject({ weightType: type, validationAccuracy: report.validationAccuracy, training: report.training });
    expect(c.model.metadata).not.toHaveProperty('trainer');
    expect(c.model.metadata).not.toHaveProperty('testAccuracy');
  }
  for (const pic of ['learning-curve', 'predictions', 'confusion']) {
    expect(readFileSync(join(dir, `quick-${pic}.svg`), 'utf8')).toMatch(/^<svg [^>]*>[\s\S]*<\/svg>\n$/);
  }
  expect(readFileSync(join(dir, 'quick-confusion.svg'), 'utf8')).toContain('of 5000 validation digits');

  // The test set once, for the model chosen: measured through the public API and recorded in the file.
  const int8File = join(dir, 'quick-int8.tdm');
  const out = execFileSync(process.execPath, ['--import', 'tsx', 'tools/train/measure-test.ts', int8File], { encoding: 'utf8' });
  const c = loadClassifierSync({ model: readFileSync(int8File) });
  expect(c.model.metadata).toMatchObject({ testImages: 10000, training: report.training });
  expect(c.model.metadata.testAccuracy).toBe(evaluateImages(c, loadMnist('test')).accuracy);
  expect(out).toContain(`MNIST test ${((c.model.metadata.testAccuracy as number) * 100).toFixed(2)}% of 10000`);
});

it('with --ema, judges and exports the weights averaged from the pruning epoch on, keeping the pruned ones zero', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tinydigit-train-ema-'));
  execFileSync(process.execPath, ['--import', 'tsx', 'tools/train/train.ts', '--name', 'ema', '--limit', '2000', '--epochs', '3', '--prune', '0.6', '--prune-at', '1', '--ema', '0.99', '--models', dir, '--plots', dir, '--quiet'], { stdio: 'pipe' });
  const report = JSON.parse(readFileSync(join(dir, 'ema.json'), 'utf8'));
  expect(report.trainer).toMatchObject({ ema: 0.99, prune: { share: 0.6, afterEpoch: 1 } });
  // the live weights' accuracy beside the averaged ones', from the first epoch after pruning
  expect(report.history[0]).not.toHaveProperty('liveValAccuracy');
  for (const rec of report.history.slice(1)) {
    expect(rec.liveValAccuracy).toBeGreaterThan(0.5);
    expect(rec.valAccuracy).not.toBe(rec.liveValAccuracy);
  }
  expect([2, 3]).toContain(report.trainer.bestEpoch);
  expect(report.validationAccuracy).toBeCloseTo(report.history[report.trainer.bestEpoch - 1].valAccuracy, 4);
  const first = decodeModel(readFileSync(join(dir, 'ema-f32.tdm'))).layers[0]!.weights;
  const zeros = first.filter((w) => w === 0).length;
  expect(zeros).toBeGreaterThanOrEqual(0.6 * first.length);
  expect(zeros).toBeLessThan(0.62 * first.length);
});

it('refuses --test-limit without --test', () => {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'tools/train/train.ts', '--test-limit', '1000'], { encoding: 'utf8' });
  expect(run.status).toBe(2);
  expect(run.stderr).toContain('--test-limit needs --test');
});

it("with --teach-all, trains on the teacher's word for the styled digits and the not-digit images too", () => {
  const dir = mkdtempSync(join(tmpdir(), 'tinydigit-train-teach-all-'));
  execFileSync(process.execPath, ['--import', 'tsx', 'tools/train/train.ts', '--name', 'taught', '--limit', '4000', '--epochs', '3', '--not-digits', '0.1', '--styles', '0.1', '--teacher', 'models/big-f32.tdm', '--teach-all', '--models', dir, '--plots', dir, '--quiet'], { stdio: 'pipe' });
  const report = JSON.parse(readFileSync(join(dir, 'taught.json'), 'utf8'));
  expect(report.trainer).toMatchObject({ teacher: 'models/big-f32.tdm', teachAll: true, distill: 0.5 });
  expect(report.trainer.notDigitImages).toBeGreaterThan(0);
  expect(report.trainer.styledImages).toBeGreaterThan(0);
  expect(report.training).toContain('--teach-all');
  expect(report.validationThroughApi.f32).toBeGreaterThan(0.7);
});

it('with --raw-augment, trains on digits distorted as written and then preprocessed as a user\'s image is', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tinydigit-train-raw-augment-'));
  execFileSync(process.execPath, ['--import', 'tsx', 'tools/train/train.ts', '--name', 'raw', '--limit', '4000', '--epochs', '3', '--styles', '0.1', '--raw-augment', '1', '--models', dir, '--plots', dir, '--quiet'], { stdio: 'pipe' });
  const report = JSON.parse(readFileSync(join(dir, 'raw.json'), 'utf8'));
  expect(report.trainer).toMatchObject({ rawAugment: 1 });
  expect(report.trainer.styledImages).toBeGreaterThan(0);
  expect(report.training).toContain('--raw-augment 1');
  expect(report.validationThroughApi.f32).toBeGreaterThan(0.7);
});

it('refuses --raw-augment outside 0-1', () => {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'tools/train/train.ts', '--raw-augment', '1.5'], { encoding: 'utf8' });
  expect(run.status).not.toBe(0);
  expect(run.stderr).toContain('raw-augment');
});

it('refuses --teach-all without a teacher', () => {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'tools/train/train.ts', '--teach-all'], { encoding: 'utf8' });
  expect(run.status).toBe(2);
  expect(run.stderr).toContain('--teach-all needs --teacher');
});

it('refuses --bars and --letters that share out more than all the not-digit images', () => {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'tools/train/train.ts', '--bars', '0.6', '--letters', '0.5'], { encoding: 'utf8' });
  expect(run.status).toBe(2);
  expect(run.stderr).toContain('together at most 1, got 1.1');
});

it("trains readNumber's second reader (a digit or class 10, not one whole digit) and learns its grouping weights", () => {
  const dir = mkdtempSync(join(tmpdir(), 'tinydigit-train-second-reader-'));
  execFileSync(process.execPath, ['--import', 'tsx', 'tools/train/second-reader.ts', '--rows', '1500', '--hidden', '16', '--epochs', '6', '--grouping-rows', '300', '--models', dir], { stdio: 'pipe' });
  const report = JSON.parse(readFileSync(join(dir, 'second-reader.json'), 'utf8'));
  expect(report).toMatchObject({ architecture: '400-16-11', rows: 1500, epochs: 6, augment: 0.5, styles: 0.2 });
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
