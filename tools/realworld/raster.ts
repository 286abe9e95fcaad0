// Strokes to pixels the way a canvas draws a round-capped, round-joined line: each pixel covered by how
// far its centre is from the path (one pixel of antialiasing).
import type { ImageLike } from '../../src/index.js';
import type { Stroke } from './shapes.js';

/** Adds the strokes (line width lw, pixels) into cover (w x h, 0..1), keeping each pixel's highest cover. */
export function drawStrokes(cover: Float32Array, w: number, h: number, strokes: Stroke[], lw: number): void {
  const r = lw / 2;
  const seg = (ax: number, ay: number, bx: number, by: number) => {
    const x0 = Math.max(0, Math.floor(Math.min(ax, bx) - r - 1));
    const x1 = Math.min(w - 1, Math.ceil(Math.max(ax, bx) + r + 1));
    const y0 = Math.max(0, Math.floor(Math.min(ay, by) - r - 1));
    const y1 = Math.min(h - 1, Math.ceil(Math.max(ay, by) + r + 1));
    const dx = bx - ax;
    const dy = by - ay;
    const len2 = dx * dx + dy * dy || 1e-9;
    for (let y = y0; y <= y1; y++) {
      for (let x = x0; x <= x1; x++) {
        const px = x + 0.5 - ax;
        const py = y + 0.5 - ay;
        const t = Math.max(0, Math.min(1, (px * dx + py * dy) / len2));
        const d = Math.hypot(px - t * dx, py - t * dy);
        // a line thinner than a pixel covers it partly (as canvas does)
        const c = Math.min(1, lw) * Math.max(0, Math.min(1, r + 0.5 - d));
        const i = y * w + x;
        if (c > cover[i]!) cover[i] = c;
      }
    }
  };
  for (const s of strokes) {
    if (s.length === 1) seg(s[0]![0], s[0]![1], s[0]![0] + 0.1, s[0]![1]);
    for (let i = 1; i < s.length; i++) seg(s[i - 1]![0], s[i - 1]![1], s[i]![0], s[i]![1]);
  }
}

/** A square cover (0-1 per pixel, as drawStrokes leaves it) as an 8-bit, 1-channel image, light on black. */
export function coverImage(cover: Float32Array, side: number): ImageLike {
  return { data: Uint8Array.from(cover, (v) => Math.round(Math.min(1, v) * 255)), width: side, height: side, channels: 1 };
}
