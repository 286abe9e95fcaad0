// Learns readNumber's grouping weights (src/read-number/grouping.ts, GROUP_FEATURES) from rows of known digits,
// as a conditional random field over groupings: the weights that make the right groupings most probable
// among all those bestGrouping weighs. Run by tools/train/second-reader.ts with the second reader it has just
// trained. (A structured perceptron did as well on touching digits, 0.1-0.2 pt worse on separated ones,
// and moved 0.2 pt between runs.)
import type { ImageLike } from '../../src/index.js';
import { inkMapOf } from '../../src/preprocess.js';
import { bestPath, candidateGroups, GROUP_FEATURES, groupFeatures, groupScore, type GroupRead } from '../../src/read-number/grouping.js';
import { inkPieces, type InkRegion } from '../../src/read-number/pieces.js';
import { composeRow, DEFAULT_COMPOSE, editDistance } from '../shared/compose.js';
import type { MnistSplit } from '../shared/mnist.js';

/** Grouping weights by feature name, as models/second-reader.json keeps them. */
export type NamedWeights = Record<(typeof GROUP_FEATURES)[number], number>;

/** The weights the learning starts from and is pulled towards: hand-set, as readNumber's were before. */
export const START_WEIGHTS: NamedWeights = {
  classifier: 1, second: 0, oneDigit: 0.5, notOneDigit: 0, perDigit: 0.5, short: -4, narrow: -2, cutBefore: 0, cutAfter: -1, wide: -8, width: 0, widthSquared: 0,
};

/** Whether a group's box spans ink columns x0..x1, within 2 px on both sides. */
export function spansColumns(region: InkRegion, x0: number, x1: number): boolean {
  return Math.abs(region.x0 - x0) <= 2 && Math.abs(region.x1 - x1) <= 2;
}

/** The index of the digit whose ink columns a group's box spans ({@link spansColumns}), or -1. */
export function matchingDigit(region: InkRegion, spans: [number, number][]): number {
  return spans.findIndex(([x0, x1]) => spansColumns(region, x0, x1));
}

interface TrainingGroup {
  from: number;
  to: number;
  digit: number;
  features: Float64Array;
  /** {@link matchingDigit} */
  span: number;
}

export interface TrainingRow {
  pieces: number;
  text: string;
  groups: TrainingGroup[];
}

/** Every group readNumber would weigh in a row of known digits, with its features. */
export function trainingRow(image: ImageLike, text: string, spans: [number, number][], read: (input: Float32Array) => GroupRead<{ digit: number }>): TrainingRow {
  const map = inkMapOf(image);
  const { componentOf, pieces, lineHeight } = inkPieces(map);
  const groups: TrainingGroup[] = [];
  for (const group of candidateGroups(map, componentOf, pieces, lineHeight, 20, 20)) {
    const r = read(group.input);
    const digit = r.result.digit;
    groups.push({ from: group.from, to: group.to, digit, features: groupFeatures(group, r, digit, pieces, lineHeight), span: matchingDigit(group.region, spans) });
  }
  return { pieces: pieces.length, text, groups };
}

/** Share of the rows' digits read right with these weights (by edit distance). */
export function digitsRead(rows: TrainingRow[], named: NamedWeights): number {
  const w = GROUP_FEATURES.map((name) => named[name]);
  let read = 0;
  let digits = 0;
  for (const row of rows) {
    const text = bestPath(row.pieces, row.groups, (g) => groupScore(g.features, w)).map((g) => g.digit).join('');
    read += Math.max(0, row.text.length - editDistance(text, row.text));
    digits += row.text.length;
  }
  return read / digits;
}

/** log(exp(a) + exp(b)) without overflow. */
function logAdd(a: number, b: number): number {
  if (a === -Infinity) return b;
  if (b === -Infinity) return a;
  return Math.max(a, b) + Math.log1p(Math.exp(-Math.abs(a - b)));
}

/**
 * For one row: log of the summed exp(score) of every grouping (or of the right ones), and each feature's
 * expected value over them (forward-backward over the lattice of pieces). Null if no grouping is right.
 */
function expectations(row: TrainingRow, scores: Float64Array, right: boolean): { logZ: number; expected: Float64Array } | null {
  const states = right ? row.text.length + 1 : 1;
  const allowed = (g: TrainingGroup, k: number) => !right || (g.span === k && String(g.digit) === row.text[k]);
  const node = (piece: number, k: number) => piece * states + k;
  const forward = new Float64Array((row.pieces + 1) * states).fill(-Infinity);
  const backward = new Float64Array(forward.length).fill(-Infinity);
  forward[0] = 0;
  backward[node(row.pieces, states - 1)] = 0;
  // groups come ordered by the piece they end at: forward in that order, backward in reverse
  row.groups.forEach((g, gi) => {
    for (let k = 0; k < states; k++) if (allowed(g, k)) forward[node(g.to, right ? k + 1 : 0)] = logAdd(forward[node(g.to, right ? k + 1 : 0)]!, forward[node(g.from, k)]! + scores[gi]!);
  });
  for (let gi = row.groups.length - 1; gi >= 0; gi--) {
    const g = row.groups[gi]!;
    for (let k = 0; k < states; k++) if (allowed(g, k)) backward[node(g.from, k)] = logAdd(backward[node(g.from, k)]!, backward[node(g.to, right ? k + 1 : 0)]! + scores[gi]!);
  }
  const logZ = backward[0]!;
  if (logZ === -Infinity) return null;
  const expected = new Float64Array(GROUP_FEATURES.length);
  row.groups.forEach((g, gi) => {
    for (let k = 0; k < states; k++) {
      if (!allowed(g, k)) continue;
      const p = Math.exp(forward[node(g.from, k)]! + scores[gi]! + backward[node(g.to, right ? k + 1 : 0)]! - logZ);
      if (p > 0) g.features.forEach((f, q) => (expected[q]! += p * f));
    }
  });
  return { logZ, expected };
}

/**
 * Weights learned from `start` as a conditional random field over groupings: they maximise the mean log
 * probability of the right groupings among all (Adam, full batch), with a little L2 pull towards `start`.
 */
export function learnGroupingWeights(rows: TrainingRow[], start: NamedWeights, iterations: number, rate: number): NamedWeights {
  const w0 = new Float64Array(GROUP_FEATURES.map((name) => start[name]));
  const w = w0.slice();
  const m = new Float64Array(w.length);
  const v = new Float64Array(w.length);
  const asWeights = (x: Float64Array) => Object.fromEntries(GROUP_FEATURES.map((name, k) => [name, Math.round(x[k]! * 1e4) / 1e4])) as NamedWeights;
  for (let t = 1; t <= iterations; t++) {
    const gradient = new Float64Array(w.length);
    let used = 0;
    for (const row of rows) {
      const scores = Float64Array.from(row.groups, (g) => groupScore(g.features, w));
      const good = expectations(row, scores, true);
      if (!good) continue;
      const all = expectations(row, scores, false)!;
      good.expected.forEach((e, q) => (gradient[q]! += e - all.expected[q]!));
      used++;
    }
    for (let q = 0; q < w.length; q++) {
      const g = gradient[q]! / used - 1e-3 * (w[q]! - w0[q]!);
      m[q] = 0.9 * m[q]! + 0.1 * g;
      v[q] = 0.999 * v[q]! + 0.001 * g * g;
      w[q]! += (rate * (m[q]! / (1 - 0.9 ** t))) / (Math.sqrt(v[q]! / (1 - 0.999 ** t)) + 1e-8);
    }
  }
  return asWeights(w);
}

/**
 * What the cuts' weights (cutBefore, cutAfter: only their sum counts, a cut ends one group and begins the
 * next) are multiplied by after learning. The rows learned from are MNIST digits touching by at most 2 px,
 * where a path through a cut is mostly a digit wrongly split; digits written with a pen or a finger
 * overlap by a stroke's width, and reading them apart needs cuts. Chosen on the real-world validation rows
 * (300 on the pad, 300 on paper) and MNIST validation rows (800 touching, 800 apart, per digit), with the
 * weights of 2026-11-26: x1 94.00 / 85.33 / 97.20 / 98.17%, x0.6 94.67 / 85.67 / 97.38 / 98.08%,
 * x0.5 94.67 / 86.00 / 97.47 / 98.03%, x0.4 95.00 / 86.00 / 97.40 / 97.95%, x0 93.33 / 85.33 / 96.83 / 97.13%.
 * Learning the weights on rows drawn by the real-world generator as well (seeds of their own) left the
 * cuts' weights where they were (docs/reading-numbers.md).
 */
export const CUT_WEIGHT_SCALE = 0.5;

/** The grouping weights' optimiser: full-batch steps, and step size. */
const GROUPING_STEPS = 150;
const GROUPING_RATE = 0.05;

/**
 * The grouping weights learned with `read` on `count` rows of 5 digits composed from the first `images`
 * training images (half of them touching), from START_WEIGHTS, the cuts' scaled by CUT_WEIGHT_SCALE; with
 * the rows, to report on.
 */
export function fitGroupingWeights(train: MnistSplit, images: number, count: number, r: () => number, read: (input: Float32Array) => GroupRead<{ digit: number }>): { weights: NamedWeights; rows: TrainingRow[] } {
  const rows: TrainingRow[] = [];
  for (let s = 0; s < count; s++) {
    const idx = Array.from({ length: 5 }, () => Math.floor(r() * images));
    const { image, spans, text } = composeRow(train, idx, r, { ...DEFAULT_COMPOSE, minGap: s % 2 ? -2 : 1 });
    rows.push(trainingRow(image, text, spans, read));
  }
  const learned = learnGroupingWeights(rows, START_WEIGHTS, GROUPING_STEPS, GROUPING_RATE);
  const scaled = (w: number) => Math.round(w * CUT_WEIGHT_SCALE * 1e4) / 1e4;
  return { weights: { ...learned, cutBefore: scaled(learned.cutBefore), cutAfter: scaled(learned.cutAfter) }, rows };
}
