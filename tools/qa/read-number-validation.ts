// Tuning readNumber without touching the test set: rows of 5 digits composed from the training split's
// last 5,000 images (the model's validation split), touching (gaps -2..8 px) and separated (1..8 px);
// prints the per-digit accuracy of each. `npx tsx tools/qa/read-number-validation.ts [--rows 800] [--seed 77]`
import { parseArgs } from 'node:util';
import '../../src/number.js';
import { loadClassifierSync } from '../../src/index.js';
import { composeRow, DEFAULT_COMPOSE, editDistance } from '../shared/compose.js';
import { loadMnist } from '../shared/mnist.js';
import { numberOption } from '../shared/options.js';
import { rng } from '../shared/rng.js';

const { values: a } = parseArgs({ options: { rows: { type: 'string', default: '800' }, seed: { type: 'string', default: '77' } } });
const ROWS = numberOption('rows', a.rows, 1, 1_000_000, true);
const SEED = numberOption('seed', a.seed, 0, 2 ** 31, true);
const train = loadMnist('train');
const clf = loadClassifierSync();
for (const [name, minGap] of [['touching (gaps -2..8 px)', -2], ['separated (gaps 1..8 px)', 1]] as const) {
  const r = rng(SEED);
  let digits = 0;
  let read = 0;
  for (let s = 0; s < ROWS; s++) {
    const idx = Array.from({ length: 5 }, () => 55000 + Math.floor(r() * 5000));
    const { image, text } = composeRow(train, idx, r, { ...DEFAULT_COMPOSE, minGap });
    digits += 5;
    read += Math.max(0, 5 - editDistance(clf.readNumber(image).text, text));
  }
  console.log(`${name}: per digit ${((read / digits) * 100).toFixed(2)}% over ${ROWS} validation rows`);
}
