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
/** Score for separating two digits at a cut through ink rather than at a gap: touching digits are rarer. */
const CUT_PENALTY = -1;

export interface GroupReading<R> {
  segment: Segment;
  result: R;
}

/**
 * The best grouping of pieces (left to right) into digits. `classify` gives a result and its confidence
 * for one digit's input; the score of a grouping sums log(confidence) with penalties for implausible
 * shapes.
 */
export function readDigits<R extends { confidence: number; digit: number }>(
  map: InkMap, label: Int32Array, pieces: Segment[], lineHeight: number, outW: number, outH: number, classify: (input: Float32Array) => R,
): GroupReading<R>[] {
  const n = pieces.length;
  const best: { score: number; from: number; reading?: GroupReading<R> }[] = [{ score: 0, from: -1 }];
  for (let i = 1; i <= n; i++) {
    best.push({ score: -Infinity, from: -1 });
    for (let j = Math.max(0, i - MAX_GROUP); j < i; j++) {
      if (best[j]!.score === -Infinity) continue;
      const segment = i - j === 1 ? pieces[j]! : joinPieces(pieces.slice(j, i));
      const width = segment.x1 - segment.x0 + 1;
      if (i - j > 1 && width > MAX_DIGIT_WIDTH * lineHeight) continue;
      const input = fitInk(segmentInk(map, label, segment), outW, outH);
      if (!input) continue;
      const result = classify(input);
      const height = segment.y1 - segment.y0 + 1;
      const narrow = width < NARROW * lineHeight && result.digit !== 1;
      const cut = i < n && pieces[i]!.cutBefore ? CUT_PENALTY : 0;
      const wide = i - j > 1 ? WIDE_PENALTY * Math.max(0, width / lineHeight - WIDE_FROM) : 0;
      const score = best[j]!.score + Math.log(Math.max(result.confidence, 1e-6)) + PER_DIGIT + (height < SHORT * lineHeight ? SHORT_PENALTY : 0) + (narrow ? NARROW_PENALTY : 0) + cut - wide;
      if (score > best[i]!.score) best[i] = { score, from: j, reading: { segment, result } };
    }
  }
  const out: GroupReading<R>[] = [];
  for (let i = n; i > 0 && best[i]!.reading; i = best[i]!.from) out.unshift(best[i]!.reading!);
  return out;
}
