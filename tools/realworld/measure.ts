// Measures a classifier on the real-world sets through the public API (classifyImage, readNumber).
import '../../src/number.js';
import type { Classifier } from '../../src/index.js';
import type { PhotoStress } from './paper.js';
import { sample, type SetName, type Split } from './sets.js';

export interface SetResult {
  set: SetName;
  count: number;
  /** Digits: read right; rows: whole row exact; not-digits: answered as a confident digit (≥ 0.9). */
  rate: number;
  /** Digits: expected calibration error (10 bins of confidence). */
  ece?: number;
  /** Digits: the share read but marked not a digit (`isDigit` false; no ink found counts as misread only). */
  notDigit?: number;
  /** Digits: confusion[truth * 11 + predicted], predicted 10 = no digit (null). */
  confusion?: Uint32Array;
  /** Per style ('4/open'): [right, seen]. */
  styles: Map<string, [number, number]>;
  /** Rows: flagged lowConfidence on some digit; of those unflagged, the share misread. */
  unflaggedWrong?: number;
  /** Rows: the share flagged, and of those the share read right all the same (a needless second look). */
  flagged?: number;
  flaggedRight?: number;
  /** The samples got wrong (index and what was read). */
  failures: { index: number; expected: string; read: string; confidence: number }[];
}

/** Expected calibration error: the mean over 10 confidence bins of |accuracy - confidence|, weighted by size. */
export function calibrationError(confidences: number[], right: boolean[]): number {
  const bins = Array.from({ length: 10 }, () => ({ n: 0, conf: 0, acc: 0 }));
  confidences.forEach((c, i) => {
    const b = bins[Math.min(9, Math.floor(c * 10))]!;
    b.n++;
    b.conf += c;
    b.acc += right[i] ? 1 : 0;
  });
  return bins.reduce((e, b) => e + (b.n ? Math.abs(b.acc - b.conf) : 0), 0) / confidences.length;
}

export function measureSet(clf: Classifier, set: SetName, split: Split, count: number, first = 0, stress?: PhotoStress): SetResult {
  const styles = new Map<string, [number, number]>();
  const failures: SetResult['failures'] = [];
  const confusion = new Uint32Array(110);
  const confidences: number[] = [];
  const right: boolean[] = [];
  let good = 0;
  let notDigit = 0;
  let unflagged = 0;
  let unflaggedWrong = 0;
  let flaggedRight = 0;
  for (let i = first; i < first + count; i++) {
    const s = sample(set, split, i, stress);
    let ok: boolean;
    let read: string;
    let confidence: number;
    if (set.endsWith('rows')) {
      const r = clf.readNumber(s.image);
      read = r.text;
      confidence = Math.min(1, ...r.digits.map((d) => d.confidence));
      ok = read === s.text;
      if (!r.digits.some((d) => d.lowConfidence)) {
        unflagged++;
        if (!ok) unflaggedWrong++;
      } else if (ok) flaggedRight++;
    } else {
      const r = clf.classifyImage(s.image);
      read = r ? String(r.digit) : '';
      confidence = r?.confidence ?? 0;
      if (set.endsWith('not-digits')) {
        // the failure here is a confident digit
        ok = !(r && r.confidence >= 0.9);
      } else {
        ok = read === s.text;
        confusion[Number(s.text) * 11 + (r ? r.digit : 10)]!++;
        confidences.push(confidence);
        right.push(ok);
        if (r && !r.isDigit) notDigit++;
      }
    }
    if (ok) good++;
    else failures.push({ index: i, expected: s.text, read, confidence });
    for (const st of s.styles) {
      const e = styles.get(st) ?? [0, 0];
      e[0] += ok ? 1 : 0;
      e[1]++;
      styles.set(st, e);
    }
  }
  const digits = !set.endsWith('rows') && !set.endsWith('not-digits');
  return {
    set,
    count,
    rate: set.endsWith('not-digits') ? 1 - good / count : good / count,
    ...(digits ? { ece: calibrationError(confidences, right), notDigit: notDigit / count, confusion } : {}),
    ...(set.endsWith('rows') ? { unflaggedWrong: unflagged ? unflaggedWrong / unflagged : 0, flagged: 1 - unflagged / count, flaggedRight: count > unflagged ? flaggedRight / (count - unflagged) : 0 } : {}),
    styles,
    failures,
  };
}
