// Reads a row of digits: chooses how to group the ink pieces into digits so that the classifier is
// most convinced, by dynamic programming over consecutive pieces.
import { fitInk, type InkMap } from './preprocess.js';
import { joinPieces, segmentInk, type Segment } from './segment.js';

/** At most this many consecutive pieces make one digit. */
const MAX_GROUP = 5;
/** A digit is at most this wide, relative to the line height. */
const MAX_DIGIT_WIDTH = 1.3;
/** Score for a digit shorter than this share of the line height: such a piece is part of a digit. */
const SHORT = 0.55;
const SHORT_PENALTY = -4;
/** Score of every digit read: without it, two confident digits would lose to one confident merge. */
const PER_DIGIT = 0.5;
/** Only a 1 is narrower than this share of the line height; a narrower other digit is a sliver. */
const NARROW = 0.35;
const NARROW_PENALTY = -2;
/**
 * Pieces put back together wider than this (share of the line height) are more likely two touching
 * digits than one wide digit: their score drops by WIDE_PENALTY per line height of excess. (Chosen on
 * rows composed from the validation split, tools/read-number-validation.ts: touching digits 90.5% ->
 * 93.4% per digit, separated ones unchanged; a hard limit at this width did as well, but no digit
 * should be unreadable for being wide.)
 */
const WIDE_FROM = 1.0;
const WIDE_PENALTY = 8;
/**
 * Weight of the second reader's log-probability that a group is one whole digit (models/verifier-int8.tdm,
 * tools/train-verifier.ts). Chosen on validation rows (two draws, 4,000 and 2,000 rows of each kind):
 * 0.5 over 0.25 with the reader's digit probabilities (touching 95.80/96.01% -> 95.95/95.99%, separated
 * 97.91/98.17% -> 97.97/98.18%).
 */
const ONE_DIGIT_WEIGHT = 0.5;
/**
 * Score for separating two digits at a cut through ink rather than at a gap: touching digits are rarer.
 * (Validation rows, 2,000 of each kind: -1 -> -0.5 took touching digits 94.75% -> 95.33% per digit,
 * separated ones 97.95% -> 97.81%; -0.75 and -0.6 lay between, -0.4 and 0 lost more separated digits.)
 */
const CUT_PENALTY = -0.5;

export interface GroupReading<R> {
  segment: Segment;
  result: R;
}

/** A group of consecutive pieces that could be one digit: pieces [from, to), and its network input. */
export interface CandidateGroup {
  from: number;
  to: number;
  segment: Segment;
  input: Float32Array;
}

/**
 * Every group of consecutive pieces that {@link readDigits} weighs as one digit, in the order it weighs
 * them (by the piece each group ends at). Also what tools/train-verifier.ts learns from.
 */
export function* candidateGroups(map: InkMap, label: Int32Array, pieces: Segment[], lineHeight: number, outW: number, outH: number): Generator<CandidateGroup> {
  for (let to = 1; to <= pieces.length; to++) {
    for (let from = Math.max(0, to - MAX_GROUP); from < to; from++) {
      const segment = to - from === 1 ? pieces[from]! : joinPieces(pieces.slice(from, to));
      if (to - from > 1 && segment.x1 - segment.x0 + 1 > MAX_DIGIT_WIDTH * lineHeight) continue;
      const input = fitInk(segmentInk(map, label, segment), outW, outH);
      if (input) yield { from, to, segment, input };
    }
  }
}

/**
 * The best grouping of pieces (left to right) into digits. `read` gives, for one group's input, its
 * reading (`result`), how sure the classifier is of that digit (`confidence`) and the probability that
 * the group is one whole digit; the score of a grouping sums log(confidence) and ONE_DIGIT_WEIGHT *
 * log(oneDigit) with penalties for implausible shapes.
 */
export function readDigits<R extends { confidence: number; digit: number }>(
  map: InkMap, label: Int32Array, pieces: Segment[], lineHeight: number, outW: number, outH: number,
  read: (input: Float32Array) => { result: R; confidence: number; oneDigit: number },
): GroupReading<R>[] {
  const n = pieces.length;
  const best: { score: number; from: number; reading?: GroupReading<R> }[] = Array.from({ length: n + 1 }, (_, i) => ({ score: i === 0 ? 0 : -Infinity, from: -1 }));
  for (const { from: j, to: i, segment, input } of candidateGroups(map, label, pieces, lineHeight, outW, outH)) {
    if (best[j]!.score === -Infinity) continue;
    const { result, confidence, oneDigit } = read(input);
    const width = segment.x1 - segment.x0 + 1;
    const height = segment.y1 - segment.y0 + 1;
    const narrow = width < NARROW * lineHeight && result.digit !== 1;
    const cut = i < n && pieces[i]!.cutBefore ? CUT_PENALTY : 0;
    const wide = i - j > 1 ? WIDE_PENALTY * Math.max(0, width / lineHeight - WIDE_FROM) : 0;
    const shape = (height < SHORT * lineHeight ? SHORT_PENALTY : 0) + (narrow ? NARROW_PENALTY : 0) + cut - wide;
    const score = best[j]!.score + Math.log(Math.max(confidence, 1e-6)) + ONE_DIGIT_WEIGHT * Math.log(Math.max(oneDigit, 1e-4)) + PER_DIGIT + shape;
    if (score > best[i]!.score) best[i] = { score, from: j, reading: { segment, result } };
  }
  const out: GroupReading<R>[] = [];
  for (let i = n; i > 0 && best[i]!.reading; i = best[i]!.from) out.unshift(best[i]!.reading!);
  return out;
}

/**
 * A group's digit by two readers: the classifier's probabilities times the square root of the second
 * reader's (models/verifier-int8.tdm, trained on the very pieces readNumber weighs; classes 0-9 are
 * digits), normalised. Two models that err differently agree on the right digit more often than either
 * alone; the square root tempers the second reader (validation rows, two draws: the reader's
 * probabilities to the power 1 -> 0.5, touching digits 95.90/95.76% -> 95.95/95.99%, separated
 * 97.91/97.96% -> 97.97/98.18%).
 */
export function bothReaders(classifier: Float32Array, second: Float32Array): { digit: number; confidence: number; probabilities: Float32Array } {
  const both = classifier.map((p, d) => p * Math.sqrt(second[d]!));
  const sum = both.reduce((a, b) => a + b, 0);
  // products of tiny probabilities can underflow to all zeros: then the classifier alone
  const probabilities = sum > 0 ? both.map((p) => p / sum) : classifier;
  const digit = probabilities.indexOf(Math.max(...probabilities));
  return { digit, confidence: probabilities[digit]!, probabilities };
}
