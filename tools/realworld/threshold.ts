// Chooses DIGIT_MIN_CONFIDENCE on validation data: for each candidate, the share of real digits (MNIST's
// validation split, the pad and paper validation draws) it would call not a digit, and the share of
// non-digits (validation draws) it would call a digit. `npx tsx tools/realworld/threshold.ts [--model F]`
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadClassifierSync } from '../../src/index.js';
import { loadMnist, mnistImage } from '../shared/mnist.js';
import { sample, type SetName } from './sets.js';

const { values: a } = parseArgs({ options: { model: { type: 'string' }, count: { type: 'string', default: '300' } } });
const clf = loadClassifierSync(a.model ? { model: readFileSync(a.model) } : {});
const n = Number(a.count);
const confidences = (set: SetName, count: number) => Array.from({ length: count }, (_, i) => clf.classifyImage(sample(set, 'validation', i).image)?.confidence ?? 0);
const train = loadMnist('train');
const digits = {
  mnist: Array.from({ length: 5000 }, (_, i) => clf.classifyImage(mnistImage(train.images, 55000 + i))?.confidence ?? 0),
  pad: confidences('pad', n),
  paper: confidences('paper', n),
};
const notDigits = { pad: confidences('pad-not-digits', n), paper: confidences('paper-not-digits', n) };
const share = (xs: number[], f: (c: number) => boolean) => `${((xs.filter(f).length / xs.length) * 100).toFixed(1)}%`;
for (const t of [0.3, 0.4, 0.45, 0.5, 0.6, 0.7, 0.8]) {
  const called = Object.entries(digits).map(([k, xs]) => `${k} ${share(xs, (c) => c > 0 && c < t)}`).join(', ');
  const passed = Object.entries(notDigits).map(([k, xs]) => `${k} ${share(xs, (c) => c >= t)}`).join(', ');
  console.log(`threshold ${t}: digits called not a digit: ${called}; non-digits called a digit: ${passed}`);
}
