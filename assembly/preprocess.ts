// Any raster to the network's input: ink 1.0 on background 0.0, the ink's bounding box scaled (aspect
// kept, area resampling) to fit outW x outH, centred. Plain scalar code (one build for every runtime),
// eight pixels at a time in 64-bit words where it can (SWAR).

import { POLARITY_AUTO, POLARITY_DARK_ON_LIGHT } from "./abi";

const L: u64 = 0x0101010101010101;
const H: u64 = L << 7;
// The word test's masks for the threshold set by aboveLevel().
let keep: u64 = 0;
let add: u64 = 0;
let low: u64 = 0;

/**
 * Sets the threshold t (0-255) of anyAbove(). t < 128: a byte b > t sets bit 7 of b + 127 - t, or has it
 * set already (a carry out of a byte only happens when its bit 7 is set): ((x + add) | x) & H. t >= 128:
 * the bytes with bit 7 set whose low 7 bits exceed t - 128: ((x & ~H) + add) & x & H.
 */
export function aboveLevel(t: u32): void {
  const small = t < 128;
  low = small ? ~0 : 0;
  keep = small ? ~0 : ~H;
  add = L * <u64>((small ? 127 : 255) - t);
}

/** Whether any of the 8 bytes of x is above the threshold set by aboveLevel(). */
// @ts-ignore: decorator
@inline function anyAbove(x: u64): bool {
  return ((((x & keep) + add) | (x & low)) & (x | low) & H) != 0;
}

/** Index of the first of the w bytes at row, from x on, above t (also set by aboveLevel), or -1. */
export function firstAbove(row: usize, x: i32, w: i32, t: u32): i32 {
  while (x + 8 <= w && !anyAbove(load<u64>(row + <usize>x))) x += 8;
  for (; x < w; x++) if (<u32>load<u8>(row + <usize>x) > t) return x;
  return -1;
}

function borderMean(p: usize, w: i32, h: i32): f32 {
  let sum: u32 = 0;
  let count: u32 = 0;
  for (let x = 0; x < w; x++) {
    sum += load<u8>(p + <usize>x);
    count++;
    if (h > 1) {
      sum += load<u8>(p + <usize>((h - 1) * w + x));
      count++;
    }
  }
  for (let y = 1; y < h - 1; y++) {
    sum += load<u8>(p + <usize>(y * w));
    count++;
    if (w > 1) {
      sum += load<u8>(p + <usize>(y * w + w - 1));
      count++;
    }
  }
  return <f32>sum / <f32>count;
}

/**
 * The luminances of two RGBA pixels (one word) as two bytes, (77 R + 150 G + 29 B + 128) >> 8 each:
 * R and B times 77 and 29 in one multiply (the products fall in separate 16-bit fields), G times 150.
 */
// @ts-ignore: decorator
@inline function luminance2(v: u64): u16 {
  const rb = (((v & 0x00ff00ff00ff00ff) * 0x004d001d) >> 16) & 0x0000ffff0000ffff;
  const l = ((rb + ((v >> 8) & 0x000000ff000000ff) * 150 + 0x0000008000000080) >> 8) & 0x000000ff000000ff;
  return <u16>(l | (l >> 24));
}

/**
 * Fills ink (w * h bytes, with room to a multiple of 8) from src: alpha where the image has any
 * transparency (returns 1), else luminance with polarity (returns 0).
 */
export function inkMap(src: usize, w: i32, h: i32, channels: i32, polarity: i32, ink: usize): i32 {
  const n = <usize>w * <usize>h;
  let alpha = false;
  let i: usize = 0;
  if (channels == 4) {
    // two pixels' alpha bytes per word
    while (i + 2 <= n && (load<u64>(src + (i << 2)) & 0xff000000ff000000) == 0xff000000ff000000) i += 2;
    // stopped at a pair with some transparency, at the last pixel (n odd), or at the end
    alpha = i + 2 <= n || (i < n && load<u8>(src + (i << 2), 3) != 255);
  }
  if (alpha) {
    for (i = 0; i < n; i++) store<u8>(ink + i, load<u8>(src + (i << 2), 3));
    return 1;
  }
  i = 0;
  if (channels == 1) memory.copy(ink, src, n);
  else {
    if (channels == 4) {
      for (; i + 2 <= n; i += 2) store<u16>(ink + i, luminance2(load<u64>(src + (i << 2))));
    }
    for (; i < n; i++) {
      const p = src + i * <usize>channels;
      store<u8>(ink + i, (77 * <u32>load<u8>(p) + 150 * <u32>load<u8>(p, 1) + 29 * <u32>load<u8>(p, 2) + 128) >> 8);
    }
  }
  const dark = polarity == POLARITY_DARK_ON_LIGHT || (polarity == POLARITY_AUTO && borderMean(ink, w, h) > 127.5);
  if (dark) {
    // 255 - b is b with its bits flipped; the last word runs into the map's padding (it is 16-byte aligned)
    for (i = 0; i < n; i += 8) store<u64>(ink + i, ~load<u64>(ink + i));
  }
  return 0;
}

/** Writes the ink map's background (its border's mean) and contrast (peak minus background) as two f32 at out. */
export function inkLevels(ink: usize, w: i32, h: i32, out: usize): void {
  const bg = borderMean(ink, w, h);
  let peak: u32 = 0;
  const n = <usize>w * <usize>h;
  let i: usize = 0;
  // Words with no byte above the peak so far are passed whole; stops at 255, the highest there is (a
  // drawing's ink usually reaches it early).
  aboveLevel(0);
  while (i + 8 <= n && peak < 255) {
    const word = load<u64>(ink + i);
    if (anyAbove(word)) {
      for (let k: usize = 0; k < 8; k++) peak = max<u32>(peak, load<u8>(ink + i + k));
      aboveLevel(peak);
    }
    i += 8;
  }
  for (; i < n && peak < 255; i++) peak = max<u32>(peak, load<u8>(ink + i));
  store<f32>(out, bg);
  store<f32>(out, <f32>peak - bg, 4);
}
