// Large images made small before preprocessing: a phone photo of 4000-8000 pixels a side holds a digit
// in far more pixels than the 20x20 input needs. Each channel averaged over factor x factor blocks (the
// last blocks may be partial), so alpha, luminance and polarity read as before.

/** Images are worked on at most this many pixels a side; larger ones are shrunk by a whole factor. */
export const WORK_SIDE = 1024;

export interface Pixels {
  data: Uint8Array | Uint8ClampedArray;
  width: number;
  height: number;
  channels: number;
}

/** The image averaged over factor x factor blocks. */
export function shrink(image: Pixels, factor: number): Pixels {
  const { data, width: w, height: h, channels: c } = image;
  const sw = Math.ceil(w / factor);
  const sh = Math.ceil(h / factor);
  const sums = new Uint32Array(sw * c);
  const out = new Uint8Array(sw * sh * c);
  for (let by = 0; by < sh; by++) {
    sums.fill(0);
    const y1 = Math.min(h, (by + 1) * factor);
    for (let y = by * factor; y < y1; y++) {
      for (let x = 0, p = y * w * c; x < w; x++) {
        const o = ((x / factor) | 0) * c;
        for (let k = 0; k < c; k++, p++) sums[o + k]! += data[p]!;
      }
    }
    const rows = y1 - by * factor;
    for (let bx = 0; bx < sw; bx++) {
      const n = rows * (Math.min(w, (bx + 1) * factor) - bx * factor);
      for (let k = 0; k < c; k++) out[(by * sw + bx) * c + k] = Math.round(sums[bx * c + k]! / n);
    }
  }
  return { data: out, width: sw, height: sh, channels: c };
}
