// Reads a row of digits: chooses how to group the ink pieces into digits so that the readers are most
// convinced, by dynamic programming over consecutive pieces.
import { GROUPING_WEIGHTS } from '../generated/grouping-weights.js';
import { fitInk } from '../index.js';
import type { InkMap } from '../preprocess.js';
import { inkRuns, joinPieces, regionInk, type InkRegion } from './pieces.js';

/** At most this many consecutive pieces make one digit (a bound on the work: digits are bounded by width). */
const MAX_GROUP = 24;
/** A digit is at most this wide, relative to the line height. */
const MAX_DIGIT_WIDTH = 1.3;
/** A digit shorter than this share of the line height is part of a digit. */
const SHORT = 0.55;
/** Only a 1 is narrower than this share of the line height; a narrower other digit is a sliver. */
const NARROW = 0.35;
/** Pieces put back together wider than this (share of the line height) are more likely two touching digits. */
const WIDE_FROM = 1.0;

/**
 * What a group of pieces scores as one digit: a weighted sum of these features. The weights are learned
 * with the second reader (tools/train/grouping-weights.ts, run by `npm run train:second-reader`) and embedded from
 * models/second-reader.json.
 */
export const GROUP_FEATURES = [
  /** log of the classifier's probability of the group's digit */
  'classifier',
  /** log of the second reader's probability of that digit */
  'second',
  /** log of the second reader's probability that the group is one whole digit */
  'oneDigit',
  /** log of its probability that it is not (with oneDigit, the weights shape the curve between them) */
  'notOneDigit',
  /** 1 for every digit read: without it, two confident digits would lose to one confident merge */
  'perDigit',
  /** 1 when the group is shorter than SHORT line heights */
  'short',
  /** 1 when the group is narrower than NARROW line heights and not read as a 1 */
  'narrow',
  /** 1 when the group begins at a cut through ink (not at a gap) */
  'cutBefore',
  /** 1 when the group ends at a cut through ink */
  'cutAfter',
  /** line heights of width beyond WIDE_FROM, for groups of more than one piece */
  'wide',
  /** width in line heights */
  'width',
  /** its square */
  'widthSquared',
] as const;

type NumberFor<T extends readonly unknown[]> = { -readonly [K in keyof T]: number };
/** One weight per feature, in the order of {@link GROUP_FEATURES}. */
export type GroupingWeights = NumberFor<typeof GROUP_FEATURES>;

/** How the readers see one group: the reading and the probabilities the features take the log of. */
export interface GroupRead<R> {
  result: R;
  /** The classifier's probability of the digit read. */
  classifier: number;
  /** The second reader's probability of that digit; without a second reader, its features are 0. */
  second?: number;
  /** The second reader's probability that the group is one whole digit. */
  oneDigit?: number;
}

export interface GroupReading<R> {
  region: InkRegion;
  result: R;
}

/** A group of consecutive pieces that could be one digit: pieces [from, to), and its network input. */
export interface CandidateGroup {
  from: number;
  to: number;
  region: InkRegion;
  input: Float32Array;
}

/**
 * Every group of consecutive pieces that {@link bestGrouping} weighs as one digit, in the order it weighs
 * them (by the piece each group ends at). Also what tools/train/second-reader.ts learns from.
 */
export function* candidateGroups(map: InkMap, componentOf: Int32Array, pieces: InkRegion[], lineHeight: number, outW: number, outH: number): Generator<CandidateGroup> {
  const runs = inkRuns(componentOf, map.width, map.height);
  for (let to = 1; to <= pieces.length; to++) {
    let region = pieces[to - 1]!;
    for (let from = to - 1; from >= Math.max(0, to - MAX_GROUP); from--) {
      if (from < to - 1) region = joinPieces([pieces[from]!, region]);
      // a group only widens as it takes in more pieces
      if (from < to - 1 && region.x1 - region.x0 + 1 > MAX_DIGIT_WIDTH * lineHeight) break;
      const input = fitInk(regionInk(map, runs, region), outW, outH);
      if (input) yield { from, to, region, input };
    }
  }
}

/** The features ({@link GROUP_FEATURES}, in order) of a group read as `digit`. */
export function groupFeatures(group: CandidateGroup, read: Omit<GroupRead<unknown>, 'result'>, digit: number, pieces: InkRegion[], lineHeight: number): Float64Array {
  const { from, to, region } = group;
  const width = (region.x1 - region.x0 + 1) / lineHeight;
  const height = (region.y1 - region.y0 + 1) / lineHeight;
  const log = (p: number | undefined, floor: number) => (p === undefined ? 0 : Math.log(Math.max(p, floor)));
  return Float64Array.of(
    log(read.classifier, 1e-6),
    log(read.second, 1e-6),
    log(read.oneDigit, 1e-4),
    log(read.oneDigit === undefined ? undefined : 1 - read.oneDigit, 1e-4),
    1,
    height < SHORT ? 1 : 0,
    width < NARROW && digit !== 1 ? 1 : 0,
    pieces[from]!.cutBefore ? 1 : 0,
    to < pieces.length && pieces[to]!.cutBefore ? 1 : 0,
    to - from > 1 ? Math.max(0, width - WIDE_FROM) : 0,
    width,
    width * width,
  );
}

/** A group's score: its features weighed. */
export function groupScore(features: Float64Array, weights: ArrayLike<number> = GROUPING_WEIGHTS): number {
  let score = 0;
  for (let k = 0; k < features.length; k++) score += weights[k]! * features[k]!;
  return score;
}

/**
 * The best path through a lattice of groups over `pieces` pieces: the groups (each spanning pieces
 * [from, to), given in the order of the piece they end at) that cover the pieces from the first on with
 * the highest sum of scores, left to right. `score` is asked only for groups that start where a path
 * already reaches. Where no group ends at the last piece, the path stops at the last piece one does.
 */
export function bestPath<G extends { from: number; to: number }>(pieces: number, groups: Iterable<G>, score: (group: G) => number): G[] {
  const best = new Float64Array(pieces + 1).fill(-Infinity);
  const last: (G | undefined)[] = new Array(pieces + 1);
  best[0] = 0;
  for (const g of groups) {
    if (best[g.from] === -Infinity) continue;
    const total = best[g.from]! + score(g);
    if (total > best[g.to]!) {
      best[g.to] = total;
      last[g.to] = g;
    }
  }
  const path: G[] = [];
  for (let i = pieces, g = last[i]; i > 0 && g; i = g.from, g = last[i]) path.unshift(g);
  return path;
}

/**
 * The best grouping of pieces (left to right) into digits. `read` reads one group's input: its reading
 * (`result`) and the probabilities {@link groupFeatures} weighs; a grouping scores the sum of its groups'
 * scores.
 */
export function bestGrouping<R extends { digit: number }>(
  map: InkMap, componentOf: Int32Array, pieces: InkRegion[], lineHeight: number, outW: number, outH: number,
  read: (input: Float32Array) => GroupRead<R>, weights: readonly number[] = GROUPING_WEIGHTS,
): GroupReading<R>[] {
  const results = new Map<CandidateGroup, R>();
  const path = bestPath(pieces.length, candidateGroups(map, componentOf, pieces, lineHeight, outW, outH), (group) => {
    const r = read(group.input);
    results.set(group, r.result);
    return groupScore(groupFeatures(group, r, r.result.digit, pieces, lineHeight), weights);
  });
  return path.map((group) => ({ region: group.region, result: results.get(group)! }));
}

/**
 * How the readers see a group, from the classifier's probabilities and the second reader's (classes 0-9
 * the digit, class 10 not one whole digit), when there is one. The digit is read by both: the classifier's
 * probabilities times the square root of the second reader's, normalised. Two models that err differently
 * agree on the right digit more often than either alone; the square root tempers the second reader
 * (chosen on validation rows: docs/reading-numbers.md).
 */
export function readGroup(classifier: Float32Array, second?: Float32Array): GroupRead<{ digit: number; confidence: number; probabilities: Float32Array; readersAgree: boolean }> {
  let probabilities = classifier;
  if (second) {
    const both = classifier.map((p, d) => p * Math.sqrt(second[d]!));
    const sum = both.reduce((a, b) => a + b, 0);
    // products of tiny probabilities can underflow to all zeros: then the classifier alone
    if (sum > 0) probabilities = both.map((p) => p / sum);
  }
  const digit = probabilities.indexOf(Math.max(...probabilities));
  const top = (p: Float32Array) => p.indexOf(Math.max(...p));
  // the two readers' own digits: when they differ, the row is misread far more often than not
  const readersAgree = !second || top(classifier) === top(second.subarray(0, 10));
  return {
    result: { digit, confidence: probabilities[digit]!, probabilities, readersAgree },
    classifier: classifier[digit]!,
    second: second?.[digit],
    oneDigit: second && 1 - second[10]!,
  };
}
