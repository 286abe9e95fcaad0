// readNumber's grouping weights learned again for the current default classifier, with the second reader
// kept as it is (models/second-reader-int8.tdm): after the default model changes, the weights that balance
// its probabilities against the second reader's are refitted, on rows composed from the training split's
// first 55,000 images, as tools/train/second-reader.ts does after training the reader.
// `npx tsx tools/train/grouping-refit.ts [--grouping-rows N] [--seed S]` rewrites models/second-reader.json.
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadClassifierSync } from '../../src/index.js';
import { readGroup } from '../../src/read-number/grouping.js';
import { loadMnist } from '../shared/mnist.js';
import { numberOption } from '../shared/options.js';
import { rng } from '../shared/rng.js';
import { digitsRead, fitGroupingWeights, type NamedWeights } from './grouping-weights.js';

const { values: a } = parseArgs({ options: { 'grouping-rows': { type: 'string', default: '8000' }, seed: { type: 'string', default: '6' } } });
const GROUPING_ROWS = numberOption('grouping-rows', a['grouping-rows'], 10, 100_000, true);
const SEED = numberOption('seed', a.seed, 0, 2 ** 31, true);
/** As tools/train/second-reader.ts: the training split's first 55,000 (the rest is validation). */
const TRAIN_IMAGES = 55000;

const started = Date.now();
const train = loadMnist('train');
const r = rng(SEED);
const classifier = loadClassifierSync();
const second = loadClassifierSync({ model: readFileSync('models/second-reader-int8.tdm') });
const read = (input: Float32Array) => readGroup(classifier.classify(input).probabilities, second.classify(input).probabilities);
const { weights: groupingWeights, rows } = fitGroupingWeights(train, TRAIN_IMAGES, GROUPING_ROWS, r, read);
const report = JSON.parse(readFileSync('models/second-reader.json', 'utf8')) as { groupingWeights: NamedWeights } & Record<string, unknown>;
const readWith = (weights: NamedWeights) => `${(digitsRead(rows, weights) * 100).toFixed(2)}%`;
console.error(`grouping weights: digits of the ${GROUPING_ROWS} rows read ${readWith(report.groupingWeights)} with the weights before, ${readWith(groupingWeights)} refitted`);
const refit = { rows: GROUPING_ROWS, seed: SEED, classifier: classifier.model.metadata.training ?? 'the embedded default', date: new Date().toISOString().slice(0, 10) };
writeFileSync('models/second-reader.json', `${JSON.stringify({ ...report, groupingWeights, groupingRefit: refit }, null, 2)}\n`);
console.error(`wrote models/second-reader.json (${Math.round((Date.now() - started) / 1000)} s)`);
