// npm run realworld -- [options]: the real-world sets through the public API, as a table; --report writes
// docs/real-world.md, --dump writes the failures as PNGs to look at.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { PNG } from 'pngjs';
import { loadClassifierSync, preprocess } from '../../src/index.js';
import { numberOption } from '../shared/options.js';
import { calibrationError, measureSet, type SetResult } from './measure.js';
import { loadMnist, mnistImage } from '../shared/mnist.js';
import { sample, SET_NAMES, type SetName, type Split } from './sets.js';
import { PHOTO_STRESSES, type PhotoStress } from './paper.js';

const HELP = `npm run realworld -- [options]
  --split S       validation (default) or test
  --count N       samples per set (default 500; rows and not-digits: half)
  --sets A,B      which sets (default all: ${SET_NAMES.join(', ')})
  --model FILE    a .tdm model file instead of the embedded default
  --dump DIR      write each failure (image and the 20x20 input) as PNGs to DIR
  --report FILE   write the tables as Markdown to FILE
  --stress S      the photos made harsher one way (${PHOTO_STRESSES.join(', ')}; see tools/realworld/paper.ts):
                  the paper sets' same scenes, for robustness checks
  --mnist         also MNIST through classifyImage: accuracy, calibration error, digits marked not a
                  digit (validation: the last 5000 training images; test: the 10,000 test images)`;

const { values: a } = parseArgs({
  options: {
    split: { type: 'string', default: 'validation' },
    count: { type: 'string', default: '500' },
    sets: { type: 'string', default: SET_NAMES.join(',') },
    model: { type: 'string' },
    dump: { type: 'string' },
    report: { type: 'string' },
    stress: { type: 'string' },
    mnist: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});
if (a.help) {
  console.log(HELP);
  process.exit(0);
}
if (a.split !== 'validation' && a.split !== 'test') throw new Error(`--split must be validation or test, got ${a.split}`);
const split = a.split as Split;
const count = numberOption('count', a.count, 1, 1_000_000, true);
const sets = a.sets.split(',') as SetName[];
for (const s of sets) if (!SET_NAMES.includes(s)) throw new Error(`unknown set ${s}: one of ${SET_NAMES.join(', ')}`);
const stress = a.stress as PhotoStress | undefined;
if (stress !== undefined && !PHOTO_STRESSES.includes(stress)) throw new Error(`--stress must be one of ${PHOTO_STRESSES.join(', ')}, got ${stress}`);
const clf = loadClassifierSync(a.model ? { model: readFileSync(a.model) } : {});

function png(image: { data: Uint8Array | Uint8ClampedArray; width: number; height: number; channels?: number }, file: string): void {
  const p = new PNG({ width: image.width, height: image.height });
  const c = image.channels ?? image.data.length / (image.width * image.height);
  for (let i = 0; i < image.width * image.height; i++) {
    for (let k = 0; k < 3; k++) p.data[i * 4 + k] = c === 1 ? image.data[i]! : c === 4 && image.data[i * 4 + 3]! < 255 ? 255 - image.data[i * 4 + 3]! : image.data[i * c + k]!;
    p.data[i * 4 + 3] = 255;
  }
  writeFileSync(file, PNG.sync.write(p));
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const results: SetResult[] = [];
const started = Date.now();
for (const set of sets) {
  const n = set.endsWith('digits') || set.endsWith('rows') ? Math.ceil(count / 2) : count;
  const r = measureSet(clf, set, split, n, 0, stress);
  results.push(r);
  const extra = r.ece !== undefined ? `, calibration error ${r.ece.toFixed(3)}, ${pct(r.notDigit!)} marked not a digit` : r.unflaggedWrong !== undefined ? `, unflagged rows misread ${pct(r.unflaggedWrong)}; flagged ${pct(r.flagged!)}, of which right ${pct(r.flaggedRight!)}` : '';
  const what = set.endsWith('not-digits') ? 'answered as a digit with confidence >= 0.9' : set.endsWith('rows') ? 'whole row exact' : 'read right';
  console.log(`${set.padEnd(17)} ${pct(r.rate).padStart(6)} ${what} (${n} ${split} samples${stress ? `, photos ${stress}` : ''}${extra})`);
  if (a.dump) {
    mkdirSync(a.dump, { recursive: true });
    for (const f of r.failures.slice(0, 60)) {
      const s = sample(set, split, f.index, stress);
      const base = join(a.dump, `${set}-${f.index}-${f.expected || 'x'}-as-${f.read || 'none'}`);
      png(s.image, `${base}.png`);
      const x = preprocess(s.image);
      if (x) png({ data: Uint8Array.from(x, (v) => Math.round(v * 255)), width: 20, height: 20, channels: 1 }, `${base}-input.png`);
    }
  }
}
let mnistLine = '';
if (a.mnist) {
  const data = loadMnist(split === 'test' ? 'test' : 'train');
  const first = split === 'test' ? 0 : data.labels.length - 5000;
  const confidences: number[] = [];
  const right: boolean[] = [];
  let notDigit = 0;
  for (let i = first; i < data.labels.length; i++) {
    const r = clf.classifyImage(mnistImage(data.images, i));
    confidences.push(r?.confidence ?? 0);
    right.push(r?.digit === data.labels[i]);
    if (!r?.isDigit) notDigit++;
  }
  const n = data.labels.length - first;
  mnistLine = `MNIST ${split}: ${pct(right.filter(Boolean).length / n)} read right (${n} images), calibration error ${calibrationError(confidences, right).toFixed(3)}, ${(100 * notDigit / n).toFixed(2)}% marked not a digit`;
  console.log(mnistLine);
}
const worst = (r: SetResult) => [...r.styles].map(([k, [ok, n]]) => [k, ok / n, n] as const).sort((p, q) => p[1] - q[1]).slice(0, 6).map(([k, acc, n]) => `${k} ${pct(acc)} (${n})`).join(', ');
for (const r of results) if (!r.set.endsWith('not-digits')) console.log(`  ${r.set} weakest styles: ${worst(r)}`);
console.log(`${((Date.now() - started) / 1000).toFixed(1)} s`);

if (a.report) writeFileSync(a.report, `${mnistLine ? `${mnistLine}\n\n` : ''}${report(results)}`);

/** The tables as Markdown: each set against its target, the digits' confusions, the weakest styles. */
function report(results: SetResult[]): string {
  const TARGETS: Record<SetName, string> = { pad: '≥ 98%', paper: '≥ 95%', 'pad-rows': '≥ 95%', 'paper-rows': '≥ 90%', 'pad-not-digits': '≤ 5%', 'paper-not-digits': '≤ 5%', 'pad-fonts': '(no target: a check)', 'paper-fonts': '(no target: a check)' };
  const out = [`| set | ${split} samples | measure | result | target |`, '| --- | --- | --- | --- | --- |'];
  for (const r of results) {
    const what = r.set.endsWith('not-digits') ? 'answered as a digit with confidence ≥ 0.9' : r.set.endsWith('rows') ? 'whole row exact' : 'read right';
    const extra = r.ece !== undefined ? ` (calibration error ${r.ece.toFixed(3)}; marked not a digit: ${pct(r.notDigit!)})` : r.unflaggedWrong !== undefined ? ` (rows with no digit flagged, misread: ${pct(r.unflaggedWrong)}; rows flagged: ${pct(r.flagged!)}, of which read right: ${pct(r.flaggedRight!)})` : '';
    out.push(`| ${r.set} | ${r.count} | ${what} | ${pct(r.rate)}${extra} | ${TARGETS[r.set]} |`);
  }
  for (const r of results) {
    if (!r.confusion) continue;
    out.push('', `**${r.set}**: rows are the digit drawn, columns the digit read (— : no ink found).`, '', '| | 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | — |', '| --- |' + ' --- |'.repeat(11));
    for (let t = 0; t < 10; t++) out.push(`| **${t}** | ${Array.from(r.confusion.subarray(t * 11, t * 11 + 11)).join(' | ')} |`);
  }
  out.push('', '| set | weakest styles (read right, samples) |', '| --- | --- |');
  for (const r of results) out.push(`| ${r.set} | ${worst(r)} |`);
  return `${out.join('\n')}\n`;
}
