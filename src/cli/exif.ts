// A JPEG's EXIF orientation (tag 0x0112): how a camera says the picture must be turned to stand upright.
// Phones and Pi cameras store pixels as the sensor saw them and set this tag.

/** The orientation (1-8) in a JPEG's EXIF block; 1 (as stored) when there is none. */
export function exifOrientation(jpeg: Uint8Array): number {
  const dv = new DataView(jpeg.buffer, jpeg.byteOffset, jpeg.byteLength);
  let p = 2;
  while (p + 4 <= jpeg.length && jpeg[p] === 0xff) {
    const marker = jpeg[p + 1]!;
    const length = dv.getUint16(p + 2);
    // APP1 "Exif\0\0", then a TIFF header: byte order, 42, the first IFD's offset
    if (marker === 0xe1 && p + 10 + 8 <= jpeg.length && dv.getUint32(p + 4) === 0x45786966 && dv.getUint16(p + 8) === 0) {
      const tiff = p + 10;
      const little = dv.getUint16(tiff) === 0x4949;
      const u16 = (at: number) => dv.getUint16(at, little);
      const ifd = tiff + dv.getUint32(tiff + 4, little);
      if (ifd + 2 > jpeg.length) return 1;
      const entries = u16(ifd);
      for (let i = 0; i < entries && ifd + 2 + 12 * (i + 1) <= jpeg.length; i++) {
        const e = ifd + 2 + 12 * i;
        if (u16(e) === 0x0112) {
          const o = u16(e + 8);
          return o >= 1 && o <= 8 ? o : 1;
        }
      }
      return 1;
    }
    if (marker === 0xda) break;
    p += 2 + length;
  }
  return 1;
}

/** The pixels turned upright for an EXIF orientation (5-8 swap width and height). */
export function orient(data: Uint8Array, width: number, height: number, channels: number, orientation: number): { data: Uint8Array; width: number; height: number } {
  if (orientation <= 1 || orientation > 8) return { data, width, height };
  const swap = orientation >= 5;
  const [ow, oh] = swap ? [height, width] : [width, height];
  const out = new Uint8Array(data.length);
  // for each upright pixel (x, y), where it is in the stored picture
  type Map = (x: number, y: number) => [number, number];
  const maps: Map[] = [
    (x, y) => [x, y],
    (x, y) => [x, y],
    (x, y) => [width - 1 - x, y],
    (x, y) => [width - 1 - x, height - 1 - y],
    (x, y) => [x, height - 1 - y],
    (x, y) => [y, x],
    (x, y) => [y, height - 1 - x],
    (x, y) => [width - 1 - y, height - 1 - x],
    (x, y) => [width - 1 - y, x],
  ];
  const from = maps[orientation]!;
  for (let y = 0; y < oh; y++) {
    for (let x = 0; x < ow; x++) {
      const [sx, sy] = from(x, y);
      const s = (sy * width + sx) * channels;
      const d = (y * ow + x) * channels;
      for (let k = 0; k < channels; k++) out[d + k] = data[s + k]!;
    }
  }
  return { data: out, width: ow, height: oh };
}
