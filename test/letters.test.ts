// The trainer's letters (tools/train/letters.ts): Hershey glyphs as pen strokes, for not-digit images.
import { describe, expect, it } from 'vitest';
import { pathStrokes } from '../tools/realworld/fonts.js';
import { letterShape } from '../tools/train/letters.js';
import { rng } from '../tools/shared/rng.js';

describe('letters for the not-digit images', () => {
  it('reads a glyph path: each M starts a stroke, its points follow', () => {
    expect(pathStrokes('M5,1 L5,22 M2,1 L14,1 17,2')).toEqual([
      [[5, 1], [5, 22]],
      [[2, 1], [14, 1], [17, 2]],
    ]);
    // a lone point (no segment) draws nothing
    expect(pathStrokes('M5,1 M2,1 L3,4')).toEqual([[[2, 1], [3, 4]]]);
  });

  it('draws letters 28 x 28, 10-20 px on their longer side plus the pen, the same for the same seed', () => {
    const a = rng(7);
    const b = rng(7);
    let touching = 0;
    for (let k = 0; k < 200; k++) {
      const image = letterShape(a);
      expect(image.width).toBe(28);
      expect(image.height).toBe(28);
      expect(letterShape(b).data).toEqual(image.data);
      const ink = (x: number, y: number) => image.data[y * 28 + x]! > 0;
      let total = 0;
      const box = { x0: 28, x1: -1, y0: 28, y1: -1 };
      for (let y = 0; y < 28; y++) {
        for (let x = 0; x < 28; x++) {
          if (!ink(x, y)) continue;
          total++;
          Object.assign(box, { x0: Math.min(box.x0, x), x1: Math.max(box.x1, x), y0: Math.min(box.y0, y), y1: Math.max(box.y1, y) });
        }
      }
      expect(total).toBeGreaterThan(15);
      const side = Math.max(box.x1 - box.x0, box.y1 - box.y0);
      expect(side).toBeGreaterThanOrEqual(9);
      // a large letter turned or slanted may reach the border and be cut there, as at the edge of a box
      if (box.x0 === 0 || box.y0 === 0 || box.x1 === 27 || box.y1 === 27) touching++;
      else expect(side).toBeLessThanOrEqual(26);
    }
    expect(touching).toBeLessThan(20);
  });
});
