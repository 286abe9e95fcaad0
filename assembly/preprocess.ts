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
function aboveLevel(t: u32): void {
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

/** Index of the first of the w bytes at row above t (also set by aboveLevel), or -1. */
function firstAbove(row: usize, w: i32, t: u32): i32 {
  let x = 0;
  while (x + 8 <= w && !anyAbove(load<u64>(row + <usize>x))) x += 8;
  for (; x < w; x++) if (<u32>load<u8>(row + <usize>x) > t) return x;
  return -1;
}

/** Index of the last of the w bytes at row above t (also set by aboveLevel), or -1. */
function lastAbove(row: usize, w: i32, t: u32): i32 {
  let x = w;
  while (x >= 8 && !anyAbove(load<u64>(row + <usize>(x - 8)))) x -= 8;
  for (; x > 0; x--) if (<u32>load<u8>(row + <usize>(x - 1)) > t) return x - 1;
  return -1;
}


/** Pixels above background + this share of the contrast count for the bounding box. */
const BOX_THRESHOLD: f32 = 0.2;

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

/** Fills ink (w * h bytes) from src: alpha where the image has any transparency, else luminance with polarity. */
export function inkMap(src: usize, w: i32, h: i32, channels: i32, polarity: i32, ink: usize): void {
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
    return;
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
    // 255 - b is b with its bits flipped
    for (i = 0; i + 8 <= n; i += 8) store<u64>(ink + i, ~load<u64>(ink + i));
    for (; i < n; i++) store<u8>(ink + i, ~load<u8>(ink + i));
  }
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

/**
 * Fits the ink of a w x h ink map into outW x outH floats at dst: ink scaled from [bg, bg + contrast] to
 * [0, 1], the bounding box of the pixels above BOX_THRESHOLD of the contrast scaled so it fits (aspect
 * kept, area resampling) and centred. tmp needs h * outW floats plus FIT_BYTES_PER_COLUMN * (w + outW) bytes. Returns 0
 * when no pixel is above.
 */
export function fit(ink: usize, w: i32, h: i32, bg: f32, contrast: f32, tmp: usize, dst: usize, outW: i32, outH: i32): i32 {
  // For integer ink values, ink > t exactly when ink > floor(t).
  const threshold = <u32>floor<f32>(bg + contrast * BOX_THRESHOLD);
  let x0 = w;
  let x1 = -1;
  let y0 = h;
  let y1 = -1;
  aboveLevel(threshold);
  for (let y = 0; y < h; y++) {
    const row = ink + <usize>(y * w);
    const left = firstAbove(row, w, threshold);
    if (left < 0) continue;
    x0 = min(x0, left);
    x1 = max(x1, lastAbove(row, w, threshold));
    if (y0 == h) y0 = y;
    y1 = y;
  }
  if (x1 < 0) return 0;
  const bw = x1 - x0 + 1;
  const bh = y1 - y0 + 1;
  const s = min<f64>(<f64>outW / <f64>bw, <f64>outH / <f64>bh);
  const ox = (<f64>outW - <f64>bw * s) * 0.5;
  const oy = (<f64>outH - <f64>bh * s) * 0.5;
  const scale: f32 = 1 / contrast;
  const rowBytes = <usize>outW << 2;
  // The output columns each box column covers, and by how much: the same for every row, so computed
  // once. cols[x] (x from x0): its first column u and where its coverages start in covers (two i32).
  const cols = tmp + <usize>bh * rowBytes;
  const covers = cols + (<usize>(bw + 1) << 3);
  let c = 0;
  for (let x = 0; x < bw; x++) {
    const a = <f64>x * s + ox;
    const b = a + s;
    const u0 = max<i32>(<i32>Math.floor(a), 0);
    const uEnd = min<i32>(<i32>Math.ceil(b), outW);
    store<i32>(cols + (<usize>x << 3), u0);
    store<i32>(cols + (<usize>x << 3), c, 4);
    for (let u = u0; u < uEnd; u++, c++) store<f32>(covers + (<usize>c << 2), <f32>(min<f64>(b, <f64>(u + 1)) - max<f64>(a, <f64>u)));
  }
  store<i32>(cols + (<usize>bw << 3), c, 4);
  // Horizontal pass: each box row into outW columns, each pixel spread over the columns it covers;
  // background pixels skipped (eight at a time where a word holds nothing above it).
  aboveLevel(<u32>floor<f32>(bg));
  memory.fill(tmp, 0, <usize>bh * rowBytes);
  for (let y = y0; y <= y1; y++) {
    const row = ink + <usize>(y * w + x0);
    const t = tmp + <usize>(y - y0) * rowBytes;
    let x = 0;
    while (x < bw) {
      if (x + 8 <= bw && !anyAbove(load<u64>(row + <usize>x))) {
        x += 8;
        continue;
      }
      const end = min<i32>(x + 8, bw);
      for (; x < end; x++) {
        const raw = <f32>load<u8>(row + <usize>x);
        // background: skipped before any clamping (wasm's f32 min and max are slow on x86)
        if (raw <= bg) continue;
        const v = min<f32>((raw - bg) * scale, 1);
        const col = cols + (<usize>x << 3);
        const first = covers + (<usize>load<i32>(col, 4) << 2);
        const last = covers + (<usize>load<i32>(col, 12) << 2);
        for (let k = first, p = t + (<usize>load<i32>(col) << 2); k < last; k += 4, p += 4) store<f32>(p, load<f32>(p) + v * load<f32>(k));
      }
    }
  }
  // Vertical pass: each box row into the output rows it covers.
  memory.fill(dst, 0, <usize>outH * rowBytes);
  for (let y = y0; y <= y1; y++) {
    const t = tmp + <usize>(y - y0) * rowBytes;
    const a = <f64>(y - y0) * s + oy;
    const b = a + s;
    const vEnd = min<i32>(<i32>Math.ceil(b), outH);
    for (let v = max<i32>(<i32>Math.floor(a), 0); v < vEnd; v++) {
      const cover = <f32>(min<f64>(b, <f64>(v + 1)) - max<f64>(a, <f64>v));
      const d = dst + <usize>v * rowBytes;
      for (let u = 0; u < outW; u++) {
        const p = d + (<usize>u << 2);
        store<f32>(p, load<f32>(p) + load<f32>(t + (<usize>u << 2)) * cover);
      }
    }
  }
  // Sums of coverages can exceed 1 by an ulp; the network's inputs must stay in [0, 1].
  const end = dst + <usize>outH * rowBytes;
  for (let p = dst; p < end; p += 4) store<f32>(p, min<f32>(load<f32>(p), 1));
  return 1;
}
