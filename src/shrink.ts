// Large images made small before preprocessing: a phone photo of 4000-8000 pixels a side holds a digit
// in far more pixels than the 20x20 input needs. Each channel averaged over factor x factor blocks (the
// last blocks may be partial), so alpha, luminance and polarity read as before.

/** Images are worked on at most this many pixels a side; larger ones are shrunk by a whole factor. */
export const WORK_SIDE = 1024;
/** A photo's ink map (an opaque image's, evened out) is worked on at most this many pixels a side. */
export const PHOTO_SIDE = 384;

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
    // each block's row of pixels summed a channel at a time in a local (not the typed array per pixel)
    for (let y = by * factor; y < y1; y++) {
      for (let bx = 0; bx < sw; bx++) {
        for (let k = 0; k < c; k++) {
          let sum = 0;
          for (let x = bx * factor; x < Math.min(w, (bx + 1) * factor); x++) sum += data[(y * w + x) * c + k]!;
          sums[bx * c + k]! += sum;
        }
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
