// The three training pictures of a model, from its file and its training report: written by the
// trainer, and redrawn from saved files with `npm run pictures -- NAME`.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadClassifierSync } from '../../src/index.js';
import { evaluateImages, type Evaluation } from '../shared/evaluate.js';
import { loadMnist, type MnistSplit } from '../shared/mnist.js';
import { confusionSvg, learningCurveSvg, predictionsSvg, type EpochRecord } from './plots.js';

/** Draws from an evaluation already made on the first `ev.count` test images. */
export function drawPictures(name: string, architecture: string, history: EpochRecord[], ev: Evaluation, test: MnistSplit, dir: string): void {
  const testN = ev.count;
  const errors = Array.from({ length: testN }, (_, i) => i).filter((i) => ev.predictions[i] !== test.labels[i]);
  const first = Math.min(48, testN);
  const shown = [...Array.from({ length: first }, (_, i) => i), ...errors.filter((i) => i >= first).slice(0, 24)];
  writeFileSync(join(dir, `${name}-learning-curve.svg`), learningCurveSvg(history, architecture));
  writeFileSync(join(dir, `${name}-predictions.svg`), predictionsSvg(test.images, shown, test.labels, ev.predictions, `First ${first} test digits, then misread ones (red: prediction, true label)`));
  writeFileSync(join(dir, `${name}-confusion.svg`), confusionSvg(ev.confusion, `${architecture}: ${(ev.accuracy * 100).toFixed(2)}% of ${testN} test digits`));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const name = parseArgs({ allowPositionals: true }).positionals[0] ?? 'default';
  const report = JSON.parse(readFileSync(join('models', `${name}.json`), 'utf8'));
  const test = loadMnist('test');
  const ev = evaluateImages(loadClassifierSync({ model: readFileSync(join('models', `${name}-f32.tdm`)) }), test, report.testImages);
  drawPictures(name, report.architecture, report.history, ev, test, 'docs');
  console.log(`docs/${name}-{learning-curve,predictions,confusion}.svg redrawn`);
}
