// The shrink in plain JavaScript, one block at a time, as the library computed it before it moved into
// the preprocessing module (assembly/shrink.ts): each channel's mean over factor x factor blocks, Math.round.

export interface Pixels {
  data: Uint8Array;
  width: number;
  height: number;
  channels: number;
}

/** The image averaged over factor x factor blocks (the last ones may be partial). */
export function referenceShrink(image: Pixels, factor: number): Pixels {
  const { data, width: w, height: h, channels: c } = image;
  const sw = Math.ceil(w / factor);
  const sh = Math.ceil(h / factor);
  const out = new Uint8Array(sw * sh * c);
  for (let by = 0; by < sh; by++) {
    for (let bx = 0; bx < sw; bx++) {
      for (let k = 0; k < c; k++) {
        let sum = 0;
        let n = 0;
        for (let y = by * factor; y < Math.min(h, (by + 1) * factor); y++) {
          for (let x = bx * factor; x < Math.min(w, (bx + 1) * factor); x++, n++) sum += data[(y * w + x) * c + k]!;
        }
        out[(by * sw + bx) * c + k] = Math.round(sum / n);
      }
    }
  }
  return { data: out, width: sw, height: sh, channels: c };
}
