// Averages over factor x factor blocks (the last ones may be partial), each channel apart: large images
// made small before preprocessing, and a photo's ink map brought down to PHOTO_SIDE (src/shrink.ts).

/**
 * Writes the block means of the w x h image at src (c bytes a pixel) to dst: ceil(w / f) x ceil(h / f)
 * pixels, each mean rounded half up (as Math.round). dst may be src: no byte is written before it is read.
 */
export function shrink(src: usize, w: i32, h: i32, c: i32, f: i32, dst: usize): void {
  for (let y0 = 0; y0 < h; y0 += f) {
    const y1 = min<i32>(h, y0 + f);
    for (let x0 = 0; x0 < w; x0 += f) {
      const x1 = min<i32>(w, x0 + f);
      const n = <u32>((y1 - y0) * (x1 - x0));
      for (let k = 0; k < c; k++) {
        let sum: u32 = 0;
        for (let y = y0; y < y1; y++) {
          const row = src + <usize>(y * w * c + k);
          for (let x = x0; x < x1; x++) sum += load<u8>(row + <usize>(x * c));
        }
        store<u8>(dst++, (2 * sum + n) / (2 * n));
      }
    }
  }
}
