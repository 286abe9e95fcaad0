// readNumber's grouping weights learned again for the current default classifier, with the second reader
// kept as it is (models/second-reader-int8.tdm): after the default model changes, the weights that balance
// its probabilities against the second reader's are refitted, on rows composed from the training split's
// first 55,000 images, as tools/train/second-reader.ts does after training the reader.
// `npx tsx tools/train/grouping-refit.ts [--grouping-rows N] [--seed S]` rewrites models/second-reader.json.
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadClassifierSync } from '../../src/index.js';
import { readGroup } from '../../src/read-number/grouping.js';
import { composeRow, DEFAULT_COMPOSE } from '../shared/compose.js';
import { loadMnist } from '../shared/mnist.js';
import { numberOption } from '../shared/options.js';
import { rng } from '../shared/rng.js';
import { digitsRead, learnGroupingWeights, START_WEIGHTS, trainingRow, type NamedWeights, type TrainingRow } from './grouping-weights.js';

const { values: a } = parseArgs({ options: { 'grouping-rows': { type: 'string', default: '8000' }, seed: { type: 'string', default: '6' } } });
const GROUPING_ROWS = numberOption('grouping-rows', a['grouping-rows'], 10, 100_000, true);
const SEED = numberOption('seed', a.seed, 0, 2 ** 31, true);
/** As tools/train/second-reader.ts. */
const GROUPING_STEPS = 150;
const GROUPING_RATE = 0.05;
const TRAIN_IMAGES = 55000;

const started = Date.now();
const train = loadMnist('train');
const r = rng(SEED);
const classifier = loadClassifierSync();
const second = loadClassifierSync({ model: readFileSync('models/second-reader-int8.tdm') });
const read = (input: Float32Array) => readGroup(classifier.classify(input).probabilities, second.classify(input).probabilities);
const rows: TrainingRow[] = [];
for (let s = 0; s < GROUPING_ROWS; s++) {
  const idx = Array.from({ length: 5 }, () => Math.floor(r() * TRAIN_IMAGES));
  const { image, spans, text } = composeRow(train, idx, r, { ...DEFAULT_COMPOSE, minGap: s % 2 ? -2 : 1 });
  rows.push(trainingRow(image, text, spans, read));
}
const report = JSON.parse(readFileSync('models/second-reader.json', 'utf8')) as { groupingWeights: NamedWeights } & Record<string, unknown>;
const groupingWeights = learnGroupingWeights(rows, START_WEIGHTS, GROUPING_STEPS, GROUPING_RATE);
const readWith = (weights: NamedWeights) => `${(digitsRead(rows, weights) * 100).toFixed(2)}%`;
console.error(`grouping weights: digits of the ${GROUPING_ROWS} rows read ${readWith(report.groupingWeights)} with the weights before, ${readWith(groupingWeights)} refitted`);
const refit = { rows: GROUPING_ROWS, seed: SEED, classifier: classifier.model.metadata.training ?? 'the embedded default', date: new Date().toISOString().slice(0, 10) };
writeFileSync('models/second-reader.json', `${JSON.stringify({ ...report, groupingWeights, groupingRefit: refit }, null, 2)}\n`);
console.error(`wrote models/second-reader.json (${Math.round((Date.now() - started) / 1000)} s)`);
