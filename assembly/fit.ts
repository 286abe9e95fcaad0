// The ink of an ink map into the network's input: the box of the ink above a threshold (a few stray
// pixels at its edges left out), upright (the slant of its second moments sheared away), scaled so it
// fits with its aspect kept (area resampling), centred, its brightest pixel 1.0.

import { aboveLevel, firstAbove } from "./preprocess";

/** The share of the ink's pixels that may lie outside its box on each side: specks, a stray mark. */
const TRIM: f64 = 1.0 / 400;
/** The largest slant taken away (x per y); more is a drawing's shape, not its lean. */
const MAX_SLANT: f64 = 0.6;

/**
 * The first index from i on, stepping by step (1 or -1), where the counts so far exceed trim: there is
 * one, as trim is under their total.
 */
function trimmed(counts: usize, i: i32, step: i32, trim: u32): i32 {
  for (let acc: u32 = 0; (acc += load<u32>(counts + (<usize>i << 2))) <= trim; i += step);
  return i;
}

/**
 * Fits the ink of a w x h ink map into outW x outH floats at dst. Pixels above `threshold` make the box
 * and the slant; every pixel above `floor` is drawn, (v - floor) / span clamped to 1. tmp needs
 * fitScratch bytes (src/wasm/abi.ts). Returns 0 when no pixel is above the threshold.
 */
export function fit(ink: usize, w: i32, h: i32, floor: f32, span: f32, threshold: u32, tmp: usize, dst: usize, outW: i32, outH: i32): i32 {
  // Ink pixels per row and per column, then the box that leaves TRIM of them out on each side.
  const rowCount = tmp;
  const colCount = tmp + (<usize>h << 2);
  memory.fill(tmp, 0, <usize>(w + h) << 2);
  aboveLevel(threshold);
  let total: u32 = 0;
  for (let y = 0; y < h; y++) {
    const row = ink + <usize>(y * w);
    let n: u32 = 0;
    // each run of ink (the background between runs passed eight pixels at a time by firstAbove)
    for (let x = firstAbove(row, 0, w, threshold); x >= 0; x = firstAbove(row, x, w, threshold)) {
      do {
        n++;
        const c = colCount + (<usize>x << 2);
        store<u32>(c, load<u32>(c) + 1);
      } while (++x < w && <u32>load<u8>(row + <usize>x) > threshold);
    }
    store<u32>(rowCount + (<usize>y << 2), n);
    total += n;
  }
  if (total == 0) return 0;
  const trim = <u32>(<f64>total * TRIM);
  const y0 = trimmed(rowCount, 0, 1, trim);
  const y1 = trimmed(rowCount, h - 1, -1, trim);
  const x0 = trimmed(colCount, 0, 1, trim);
  const x1 = trimmed(colCount, w - 1, -1, trim);
  const bw = x1 - x0 + 1;
  const bh = y1 - y0 + 1;

  // The slant: the ink's second moments in the box, weighted by how dark it is.
  let m0: f64 = 0;
  let sx: f64 = 0;
  let sy: f64 = 0;
  let sxy: f64 = 0;
  let syy: f64 = 0;
  // Each row's first ink and the end of its last run (two u16: maps are at most 1024 wide; 0 for none)
  // go where its count was.
  for (let y = y0; y <= y1; y++) {
    const row = ink + <usize>(y * w + x0);
    let ends: u32 = 0;
    for (let x = firstAbove(row, 0, bw, threshold); x >= 0; x = firstAbove(row, x, bw, threshold)) {
      if (!ends) ends = <u32>x;
      do {
        const v = <f64>(<f32>load<u8>(row + <usize>x) - floor);
        const fx = <f64>(x0 + x);
        const fy = <f64>y;
        m0 += v;
        sx += v * fx;
        sy += v * fy;
        sxy += v * fx * fy;
        syy += v * fy * fy;
      } while (++x < bw && <u32>load<u8>(row + <usize>x) > threshold);
      ends = (ends & 0xffff) | (<u32>x << 16);
    }
    store<u32>(rowCount + (<usize>y << 2), ends);
  }
  const my = sy / m0;
  const mx = sx / m0;
  const mu02 = syy / m0 - my * my;
  let slant = mu02 > 0 ? (sxy / m0 - mx * my) / mu02 : 0;
  slant = max<f64>(-MAX_SLANT, min<f64>(MAX_SLANT, slant));

  // The box once upright: row y's ink moves by -slant (y - my).
  let left: f64 = Infinity;
  let right: f64 = -Infinity;
  for (let y = y0; y <= y1; y++) {
    const ends = load<u32>(rowCount + (<usize>y << 2));
    if (!ends) continue;
    const shift = -slant * (<f64>y - my);
    left = min<f64>(left, <f64>(x0 + <i32>(ends & 0xffff)) + shift);
    right = max<f64>(right, <f64>(x0 + <i32>(ends >> 16)) + shift);
  }
  const uw = right - left;
  const s = min<f64>(<f64>outW / uw, <f64>outH / <f64>bh);
  const ox = (<f64>outW - uw * s) * 0.5;
  const oy = (<f64>outH - <f64>bh * s) * 0.5;
  const scale: f32 = 1 / span;
  const rowBytes = <usize>outW << 2;
  // A box row resampled from column 0 (rowBuf, bufW floats), then moved by its row's offset.
  const bufW = <i32>Math.ceil(<f64>bw * s) + 1;
  const rowBuf = colCount + (<usize>w << 2);
  const rows = rowBuf + (<usize>(bufW + 1) << 2);
  // The columns each box column covers, and by how much: the same for every row, so computed once.
  // cols[x] (x from x0): its first column u and where its coverages start in covers (two i32).
  const cols = rows + <usize>bh * rowBytes;
  const covers = cols + (<usize>(bw + 1) << 3);
  let c = 0;
  for (let x = 0; x < bw; x++) {
    const a = <f64>x * s;
    const b = a + s;
    const u0 = <i32>Math.floor(a);
    const uEnd = min<i32>(<i32>Math.ceil(b), bufW);
    store<i32>(cols + (<usize>x << 3), u0);
    store<i32>(cols + (<usize>x << 3), c, 4);
    for (let u = u0; u < uEnd; u++, c++) store<f32>(covers + (<usize>c << 2), <f32>(min<f64>(b, <f64>(u + 1)) - max<f64>(a, <f64>u)));
  }
  store<i32>(cols + (<usize>bw << 3), c, 4);
  // Horizontal pass: each box row into bufW columns, each pixel spread over the columns it covers;
  // pixels at or below the floor skipped (eight at a time where a word holds none above it); then
  // into its row of outW columns, moved by the row's offset (split between two columns).
  // (an integer is above the float floor exactly when it is above the floor's integer part)
  const drawn = <u32>Mathf.floor(floor);
  aboveLevel(drawn);
  memory.fill(rows, 0, <usize>bh * rowBytes);
  for (let y = y0; y <= y1; y++) {
    const row = ink + <usize>(y * w + x0);
    let x = firstAbove(row, 0, bw, drawn);
    if (x < 0) continue;
    memory.fill(rowBuf, 0, <usize>bufW << 2);
    for (; x >= 0; x = firstAbove(row, x, bw, drawn)) {
      do {
        const v = min<f32>((<f32>load<u8>(row + <usize>x) - floor) * scale, 1);
        const col = cols + (<usize>x << 3);
        const first = covers + (<usize>load<i32>(col, 4) << 2);
        const last = covers + (<usize>load<i32>(col, 12) << 2);
        for (let k = first, p = rowBuf + (<usize>load<i32>(col) << 2); k < last; k += 4, p += 4) store<f32>(p, load<f32>(p) + v * load<f32>(k));
      } while (++x < bw && <u32>load<u8>(row + <usize>x) > drawn);
    }
    const offset = (<f64>x0 - slant * (<f64>y - my) - left) * s + ox;
    const whole = <i32>Math.floor(offset);
    const part = <f32>(offset - <f64>whole);
    const t = rows + <usize>(y - y0) * rowBytes;
    // output column u takes buffer column j - 1's part and j's rest (the columns outside it none)
    for (let u = 0; u < outW; u++) {
      const j = u - whole;
      const a = <u32>(j - 1) < <u32>bufW ? load<f32>(rowBuf + (<usize>(j - 1) << 2)) : 0;
      const b = <u32>j < <u32>bufW ? load<f32>(rowBuf + (<usize>j << 2)) : 0;
      store<f32>(t + (<usize>u << 2), a * part + b * (1 - part));
    }
  }
  // Vertical pass: each box row into the output rows it covers.
  memory.fill(dst, 0, <usize>outH * rowBytes);
  for (let y = y0; y <= y1; y++) {
    const t = rows + <usize>(y - y0) * rowBytes;
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
  // The brightest pixel to 1 (contrast after resampling: a thin line stays visible); the network's
  // inputs must stay in [0, 1], which a product can pass by an ulp.
  const end = dst + <usize>outH * rowBytes;
  let peak: f32 = 0;
  for (let p = dst; p < end; p += 4) peak = max<f32>(peak, load<f32>(p));
  if (peak <= 0) return 0;
  const gain: f32 = 1 / peak;
  for (let p = dst; p < end; p += 4) store<f32>(p, min<f32>(load<f32>(p) * gain, 1));
  return 1;
}
