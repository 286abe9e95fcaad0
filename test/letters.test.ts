// Hershey glyphs as pen strokes: the trainer's letters (tools/train/letters.ts), for not-digit images, and
// the fonts sets' digits (tools/realworld/fonts.ts).
import { describe, expect, it } from 'vitest';
import { DIGIT_FONTS, fontDigitStyles, pathStrokes } from '../tools/realworld/fonts.js';
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

describe('digits in the Hershey fonts, for the fonts sets', () => {
  it('gives each digit in each font as strokes filling a unit box, its aspect that of the glyph', () => {
    const styles = fontDigitStyles();
    expect(styles).toHaveLength(10);
    for (const [digit, fonts] of styles.entries()) {
      expect(fonts.map((s) => s.name)).toEqual([...DIGIT_FONTS]);
      for (const style of fonts) {
        const points = style.strokes.flat();
        const xs = points.map((p) => p[0]);
        const ys = points.map((p) => p[1]);
        expect([Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)], `${digit}/${style.name}`).toEqual([0, 1, 0, 1]);
        // digits are taller than wide (a 1 the narrowest), never wider than tall
        expect(style.aspect, `${digit}/${style.name}`).toBeGreaterThan(digit === 1 ? 0.05 : 0.4);
        expect(style.aspect, `${digit}/${style.name}`).toBeLessThan(1);
      }
    }
    // a 0 is one closed stroke in the sans face: it starts and ends at the same point
    const zero = styles[0]![0]!.strokes;
    expect(zero).toHaveLength(1);
    expect(zero[0]![0]).toEqual(zero[0]![zero[0]!.length - 1]);
  });
});
