// Which way a photo's ink goes when its border says little (src/preprocess.ts asks): a dim photo, or a
// shadow along one edge, puts the border's mean near the middle whether the paper is light or dark.
// Ink is the minority that stands out from what surrounds it, so the local contrast (each pixel minus
// the mean of the pixels around it) has its long tail on the ink's side; shadow edges and gradients
// give both sides alike.

/**
 * The skewness (third moment over the second's 1.5th power) of the map's local contrast along its rows
 * (each byte minus the mean of the bytes within min(w, h) / 8 of it in its row), over even rows and
 * columns: above 0 when the bright side is the ink; NaN for a flat map.
 */
export function localContrastSkew(ink: Uint8Array, w: number, h: number): number {
  const r = Math.max(2, Math.round(Math.min(w, h) / 8));
  const sums = new Int32Array(w + 1);
  let n = 0;
  let m2 = 0;
  let m3 = 0;
  for (let y = 0; y < h; y += 2) {
    for (let x = 0; x < w; x++) sums[x + 1] = sums[x]! + ink[y * w + x]!;
    for (let x = 0; x < w; x += 2) {
      const x0 = Math.max(0, x - r);
      const x1 = Math.min(w, x + r + 1);
      const d = ink[y * w + x]! - (sums[x1]! - sums[x0]!) / (x1 - x0);
      n++;
      m2 += d * d;
      m3 += d * d * d;
    }
  }
  return (m3 / n) / (m2 / n) ** 1.5;
}
