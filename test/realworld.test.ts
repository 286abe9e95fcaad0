// The real-world gates: a fixed draw of each real-world set (tools/realworld: digits drawn on the pad,
// photographed on paper, rows of them, and things that are not digits), through the public API. The
// floors are what the default model reaches on these draws, less a small margin: a change that reads
// people's digits worse fails here. The issue's targets, and where we stand, are in docs/real-world.md.
import { describe, expect, it } from 'vitest';
import '../src/number.js';
import { loadClassifierSync } from '../src/index.js';
import { measureSet } from '../tools/realworld/measure.js';
import type { SetName } from '../tools/realworld/sets.js';

const clf = loadClassifierSync();

/** Each set's draw size and floor (digits, rows: at least; not-digits: confident digits at most). */
const GATES: Record<SetName, { count: number; floor: number }> = {
  // measured on these draws 2026-11-26 (the model with 1s and 7s in other styles and the big model as a
  // teacher; a photo's polarity from its local contrast): 98.5%, 93.3%, 92.5%, 90.0%; 3.3%, 5.0% (the
  // one before: 96.5%, 90.0%, 92.5%, 76.7%; 6.7%, 5.0%). With the photo's window doubled when it loses
  // the ink (2026-11-26, chosen on 1,600 validation photos: 95.1% -> 95.6%), paper 91.7% (one photo less).
  // classifyImage averaging nine shifted views (2026-11-26): 98.5%, 91.7%, 92.5%, 90.0%; 1.7%,
  // 2.5% (non-digits' floors from 8% / 10% to 5%)
  // photos' ink maps worked on at 384 px a side (2026-11-27): paper 91.7% -> 96.7%, paper rows 90.0% ->
  // 93.3%, paper fonts 81.7% -> 83.3%; paper's floor from 90% to 93%, its rows' from 80% to 86%
  pad: { count: 200, floor: 0.965 },
  paper: { count: 60, floor: 0.93 },
  'pad-rows': { count: 40, floor: 0.875 },
  'paper-rows': { count: 30, floor: 0.86 },
  'pad-not-digits': { count: 60, floor: 0.05 },
  'paper-not-digits': { count: 40, floor: 0.05 },
  // digits in the Hershey fonts' shapes (tools/realworld/fonts.ts), a check on shapes we did not draw
  // (no target): 81.0% and 81.7% on these draws (2026-11-27), most of what fails 6s and 9s read as 8
  'pad-fonts': { count: 200, floor: 0.78 },
  'paper-fonts': { count: 60, floor: 0.8 },
};

describe('real-world sets (fixed test draws) through the public API', () => {
  for (const [set, { count, floor }] of Object.entries(GATES) as [SetName, { count: number; floor: number }][]) {
    it(`${set}: ${count} samples`, () => {
      const r = measureSet(clf, set, 'test', count);
      const what = set.endsWith('not-digits') ? 'answered as a confident digit' : set.endsWith('rows') ? 'whole rows exact' : 'read right';
      console.log(`${set}: ${(r.rate * 100).toFixed(1)}% ${what} of ${count}${r.ece !== undefined ? `, calibration error ${r.ece.toFixed(3)}, ${(r.notDigit! * 100).toFixed(1)}% marked not a digit` : ''}`);
      if (set.endsWith('not-digits')) expect(r.rate).toBeLessThanOrEqual(floor);
      else expect(r.rate).toBeGreaterThanOrEqual(floor);
    });
  }
});
