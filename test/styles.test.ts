// The trainer's digits drawn from scratch in other styles (tools/train/styles.ts).
import { describe, expect, it } from 'vitest';
import { roundSixOrNine, zLikeTwo } from '../tools/train/styles.js';
import { rng } from '../tools/shared/rng.js';

/** The ink's total, its centre's height relative to its box (0 top, 1 bottom), and whether it stays off the top and bottom rows. */
function inkOf(data: Uint8Array): { total: number; centre: number; inside: boolean } {
  let [total, sy, y0, y1, inside] = [0, 0, 28, -1, true];
  for (let y = 0; y < 28; y++) {
    for (let x = 0; x < 28; x++) {
      const v = data[y * 28 + x]!;
      if (!v) continue;
      [total, sy, y0, y1] = [total + v, sy + v * y, Math.min(y0, y), Math.max(y1, y)];
      if (y === 0 || y === 27) inside = false;
    }
  }
  return { total, centre: (sy / total - y0) / (y1 - y0), inside };
}

describe('digits drawn from scratch for training', () => {
  it('round 6s carry their ink lower than 9s (on average), their whole height in a 28 x 28 frame, the same for the same seed', () => {
    const centre = { 6: 0, 9: 0 };
    for (const digit of [6, 9] as const) {
      const [a, b] = [rng(3), rng(3)];
      let centres = 0;
      for (let k = 0; k < 100; k++) {
        const image = roundSixOrNine(a, digit);
        expect(roundSixOrNine(b, digit).data).toEqual(image.data);
        expect([image.width, image.height, image.channels]).toEqual([28, 28, 1]);
        const ink = inkOf(image.data as Uint8Array);
        expect(ink.inside).toBe(true);
        expect(ink.total).toBeGreaterThan(20 * 255);
        centres += ink.centre / 100;
      }
      centre[digit] = centres;
    }
    // the 6's loop at the bottom, the 9's at the top (its tail's curl brings some ink down)
    expect(centre[6]).toBeGreaterThan(centre[9] + 0.05);
  });

  it('2s written as a Z keep their whole height in the frame', () => {
    const r = rng(5);
    for (let k = 0; k < 100; k++) expect(inkOf(zLikeTwo(r).data as Uint8Array).inside).toBe(true);
  });
});
