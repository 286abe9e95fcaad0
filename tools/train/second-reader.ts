// npm run train:second-reader: readNumber's second reader (src/read-number/grouping.ts): for a group of ink pieces, the
// digit it shows (classes 0-9) or that it is not one whole digit (class 10), which weighs the groupings
// and, multiplied with the classifier's probabilities, reads the digit. Examples are the very groups
// readNumber weighs (candidateGroups) on rows of 5 digits composed from the training split's first
// 55,000 images (the last 5,000 stay for validation), half with touching digits: a group whose ink
// columns match one digit's (within 2 px) is that digit; any other (two digits, a digit and a half, a
// half) is class 10: every group of two whole neighbours, and a random sample of the others. Then the
// grouping weights are learned with this reader on other rows (tools/train/grouping-weights.ts). Writes
// models/second-reader-int8.tdm (int8 weights) and models/second-reader.json (its report and the grouping
// weights, which the build embeds). `--int8-bits B1,B2`: bits per weight of each layer (default 6,8).
// `--augment P` (default 0.5): each row digit distorted (the main trainer's rotation, scale, shear, shift,
// thickness) with probability P; `--styles S` (default 0.2): a 1 written with a flag or a 7 with a bar
// (tools/train/styles.ts) with probability S, as the default classifier learns them. Both 0: MNIST's
// digits as they are, the reader of before 2026-11-27 (docs/reading-numbers.md).
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { encodeModel, loadClassifierSync, quantizeModel } from '../../src/index.js';
import { inkMapOf } from '../../src/preprocess.js';
import { candidateGroups, readGroup } from '../../src/read-number/grouping.js';
import { inkPieces } from '../../src/read-number/pieces.js';
import { composeRow, DEFAULT_COMPOSE } from '../shared/compose.js';
import { DEFAULT_AUGMENT, makeImageAugmenter } from './augment.js';
import { styledDigit } from './styles.js';
import { modelFromTf } from './export.js';
import { digitsRead, fitGroupingWeights, matchingDigit, spansColumns, START_WEIGHTS, type NamedWeights } from './grouping-weights.js';
import { loadMnist, type MnistSplit } from '../shared/mnist.js';
import { numberOption } from '../shared/options.js';
import { rng } from '../shared/rng.js';
import { loadTf } from './tf.js';

const { values: a } = parseArgs({
  options: {
    rows: { type: 'string', default: '20000' },
    hidden: { type: 'string', default: '64' },
    epochs: { type: 'string', default: '20' },
    seed: { type: 'string', default: '5' },
    'grouping-rows': { type: 'string', default: '8000' },
    // 6-bit first-layer weights: rows read as with 8 (validation, 2026-11-26) and the page that reads
    // numbers 3.7 KB lighter (docs/reading-numbers.md)
    'int8-bits': { type: 'string', default: '6,8' },
    augment: { type: 'string', default: '0.5' },
    styles: { type: 'string', default: '0.2' },
    models: { type: 'string', default: 'models' },
  },
});
// each row gives about 30 examples of 400 floats (47 MB per 1,000 rows), all in one tensor
const ROWS = numberOption('rows', a.rows, 100, 60_000, true);
const HIDDEN = numberOption('hidden', a.hidden, 1, 1024, true);
const EPOCHS = numberOption('epochs', a.epochs, 1, 1000, true);
const SEED = numberOption('seed', a.seed, 0, 2 ** 31, true);
const GROUPING_ROWS = numberOption('grouping-rows', a['grouping-rows'], 10, 100_000, true);
const INT8_BITS = a['int8-bits']!.split(',').map((b) => numberOption('int8-bits', b, 2, 8, true));
const AUGMENT = numberOption('augment', a.augment, 0, 1);
const STYLES = numberOption('styles', a.styles, 0, 1);
if (INT8_BITS.length !== 2) throw new Error(`--int8-bits takes two numbers (one per layer), got ${a['int8-bits']}`);
const TRAIN_IMAGES = 55000;
/** Of a row's groups that are neither one digit nor two whole neighbours, at most this many per one-digit group. */
const MAX_NEGATIVE_RATIO = 1.5;
/** The class of a group that is not one whole digit. */
const NOT_ONE_DIGIT = 10;

const started = Date.now();
const train = loadMnist('train');
const r = rng(SEED);
const distort = makeImageAugmenter(28, DEFAULT_AUGMENT, r);

/** The row's digits as a split of their own: each MNIST image as it is, in another style or distorted. */
function rowDigits(idx: number[]): { split: MnistSplit; indices: number[] } {
  const pixels = new Uint8Array(idx.length * 784);
  idx.forEach((i, k) => {
    let px: ArrayLike<number> = train.images.pixels.subarray(i * 784, (i + 1) * 784);
    if (STYLES > 0 && r() < STYLES) px = styledDigit(r, train, i)?.data ?? px;
    pixels.set(AUGMENT > 0 && r() < AUGMENT ? distort(px) : px, k * 784);
  });
  return { split: { images: { count: idx.length, rows: 28, cols: 28, pixels }, labels: Uint8Array.from(idx, (i) => train.labels[i]!) }, indices: idx.map((_, k) => k) };
}
// one Float32Array per example: a plain array of all the values overflows V8's largest array near 40,000 rows
const inputs: Float32Array[] = [];
const ys: number[] = [];
let positives = 0;
let negatives = 0;
for (let s = 0; s < ROWS; s++) {
  const idx = Array.from({ length: 5 }, () => Math.floor(r() * TRAIN_IMAGES));
  const digits = AUGMENT > 0 || STYLES > 0 ? rowDigits(idx) : { split: train, indices: idx };
  const { image, spans, text } = composeRow(digits.split, digits.indices, r, { ...DEFAULT_COMPOSE, minGap: s % 2 ? -2 : 1 });
  const map = inkMapOf(image);
  const { componentOf, pieces, lineHeight } = inkPieces(map);
  const rowNegatives: Float32Array[] = [];
  let rowPositives = 0;
  for (const { region, input } of candidateGroups(map, componentOf, pieces, lineHeight, 20, 20)) {
    const k = matchingDigit(region, spans);
    if (k < 0) {
      // two whole neighbours read as one digit are the costliest mistake: every such group is kept
      if (spans.some(([x0], j) => j + 1 < spans.length && spansColumns(region, x0, spans[j + 1]![1]))) {
        inputs.push(input);
        ys.push(NOT_ONE_DIGIT);
        negatives++;
      } else rowNegatives.push(input);
      continue;
    }
    inputs.push(input);
    ys.push(Number(text[k]));
    rowPositives++;
  }
  // a random sample of the row's other groups, so that near misses are as common as in the row
  for (let i = 0; i < rowNegatives.length && i < MAX_NEGATIVE_RATIO * rowPositives; i++) {
    const j = i + Math.floor(r() * (rowNegatives.length - i));
    [rowNegatives[i], rowNegatives[j]] = [rowNegatives[j]!, rowNegatives[i]!];
    inputs.push(rowNegatives[i]!);
    ys.push(NOT_ONE_DIGIT);
    negatives++;
  }
  positives += rowPositives;
}
console.error(`${ROWS} rows: ${positives} groups that are one digit, ${negatives} that are not`);

const { tf, backend } = await loadTf();
const n = ys.length;
const values = new Float32Array(n * 400);
inputs.forEach((input, i) => values.set(input, i * 400));
const x = tf.tensor2d(values, [n, 400]);
const y = tf.oneHot(tf.tensor1d(Int32Array.from(ys), 'int32'), NOT_ONE_DIGIT + 1);
const net = tf.sequential({
  layers: [
    tf.layers.dense({ units: HIDDEN, activation: 'relu', inputShape: [400], kernelInitializer: tf.initializers.glorotUniform({ seed: SEED }) }),
    tf.layers.dense({ units: NOT_ONE_DIGIT + 1, activation: 'softmax', kernelInitializer: tf.initializers.glorotUniform({ seed: SEED + 1 }) }),
  ],
});
net.compile({ optimizer: tf.train.adam(2e-3), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
// The examples come in row order already mixed; the last 10% are held out to report accuracy.
const history = await net.fit(x, y, { epochs: EPOCHS, batchSize: 256, validationSplit: 0.1, shuffle: true, verbose: 0 });
const valAccuracy = history.history.val_acc!.map(Number);
console.error(`held-out groups, accuracy by epoch: ${valAccuracy.map((v) => v.toFixed(4)).join(' ')}`);
const w = net.getWeights().map((t) => t.dataSync() as Float32Array);
const metadata = {
  architecture: `400-${HIDDEN}-11`,
  task: 'for readNumber: the digit (classes 0-9) of a group of ink pieces that is one whole digit, or class 10: not one whole digit',
  heldOutAccuracy: valAccuracy[valAccuracy.length - 1]!,
  rows: ROWS,
  seed: SEED,
  trainImages: TRAIN_IMAGES,
  int8Bits: INT8_BITS.join(','),
  augment: AUGMENT,
  styles: STYLES,
};
const f32 = modelFromTf([{ kernel: w[0]!, bias: w[1]!, inputs: 400, outputs: HIDDEN }, { kernel: w[2]!, bias: w[3]!, inputs: HIDDEN, outputs: NOT_ONE_DIGIT + 1 }], 20, metadata);
const model = quantizeModel(f32, { bits: INT8_BITS });
const modelBytes = encodeModel(model);

// The grouping weights, learned with this second reader on other rows of the same training images.
const classifier = loadClassifierSync();
const second = loadClassifierSync({ model: modelBytes });
const read = (input: Float32Array) => readGroup(classifier.classify(input).probabilities, second.classify(input).probabilities);
const { weights: groupingWeights, rows: groupingRows } = fitGroupingWeights(train, TRAIN_IMAGES, GROUPING_ROWS, r, read);
const readWith = (weights: NamedWeights) => `${(digitsRead(groupingRows, weights) * 100).toFixed(2)}%`;
console.error(`grouping weights: digits of the ${GROUPING_ROWS} rows read ${readWith(START_WEIGHTS)} with the start weights, ${readWith(groupingWeights)} learned`);

writeFileSync(`${a.models}/second-reader-int8.tdm`, modelBytes);
const report = { ...metadata, positives, negatives, epochs: EPOCHS, backend, groupingRows: GROUPING_ROWS, groupingWeights, seconds: Math.round((Date.now() - started) / 1000) };
writeFileSync(`${a.models}/second-reader.json`, `${JSON.stringify(report, null, 2)}\n`);
console.error(`wrote ${a.models}/second-reader-int8.tdm and second-reader.json (${report.seconds} s)`);
