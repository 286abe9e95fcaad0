// The three training pictures of a model, from its file and its training report: written by the
// trainer, and redrawn from saved files with `npm run pictures -- NAME`.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadClassifierSync } from '../../src/index.js';
import { evaluateImages, type Evaluation } from '../shared/evaluate.js';
import { loadMnist, validationSplit, type MnistSplit } from '../shared/mnist.js';
import { confusionSvg, learningCurveSvg, predictionsSvg, type EpochRecord } from './plots.js';

/** Draws from an evaluation already made on the first `ev.count` images of `split` (named `splitName`). */
export function drawPictures(name: string, architecture: string, history: EpochRecord[], ev: Evaluation, split: MnistSplit, splitName: string, dir: string): void {
  const n = ev.count;
  const errors = Array.from({ length: n }, (_, i) => i).filter((i) => ev.predictions[i] !== split.labels[i]);
  const first = Math.min(48, n);
  const shown = [...Array.from({ length: first }, (_, i) => i), ...errors.filter((i) => i >= first).slice(0, 24)];
  writeFileSync(join(dir, `${name}-learning-curve.svg`), learningCurveSvg(history, architecture));
  writeFileSync(join(dir, `${name}-predictions.svg`), predictionsSvg(split.images, shown, split.labels, ev.predictions, `First ${first} ${splitName} digits, then misread ones (red: prediction, true label)`));
  writeFileSync(join(dir, `${name}-confusion.svg`), confusionSvg(ev.confusion, `${architecture}: ${(ev.accuracy * 100).toFixed(2)}% of ${n} ${splitName} digits`));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const name = parseArgs({ allowPositionals: true }).positionals[0] ?? 'default';
  const report = JSON.parse(readFileSync(join('models', `${name}.json`), 'utf8'));
  // The test set when the report measured it (the model was trained with --test), else validation.
  const onTest = typeof report.testImages === 'number';
  const split = onTest ? loadMnist('test') : validationSplit(loadMnist('train'));
  const ev = evaluateImages(loadClassifierSync({ model: readFileSync(join('models', `${name}-f32.tdm`)) }), split, onTest ? report.testImages : split.labels.length);
  drawPictures(name, report.architecture, report.history, ev, split, onTest ? 'test' : 'validation', 'docs');
  console.log(`docs/${name}-{learning-curve,predictions,confusion}.svg redrawn`);
}
