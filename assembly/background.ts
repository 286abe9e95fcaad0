// Uneven light out of an ink map: the background is the map's grey-level opening (a minimum then a
// maximum over a square window wider than any stroke), which follows gradients, vignettes and shadow
// edges but not strokes; the ink is what rises above it (a top-hat). Van Herk / Gil-Werman: three
// comparisons a pixel whatever the window.

// @ts-ignore: decorator
@inline function pick(a: u32, b: u32, max: bool): u32 {
  return max ? (a > b ? a : b) : a < b ? a : b;
}

/**
 * One line of n bytes (stride apart) from src into dst: the minimum (or, with max, the maximum) over the
 * window [i - r, i + r], the line padded with r values that never win on each side. line holds
 * 2 (n + 2r) bytes of scratch: each block of 2r + 1's running extreme from its start (g) and its end (h).
 */
function windowLine(src: usize, dst: usize, n: i32, stride: i32, r: i32, max: bool, line: usize): void {
  const k = 2 * r + 1;
  const m = n + 2 * r;
  const g = line;
  const h = line + <usize>m;
  const pad: u32 = max ? 0 : 255;
  for (let j = 0; j < m; j++) {
    const v = j < r || j >= n + r ? pad : <u32>load<u8>(src + <usize>((j - r) * stride));
    store<u8>(g + <usize>j, <u8>(j % k == 0 ? v : pick(load<u8>(g + <usize>(j - 1)), v, max)));
  }
  for (let j = m - 1; j >= 0; j--) {
    const v = j < r || j >= n + r ? pad : <u32>load<u8>(src + <usize>((j - r) * stride));
    store<u8>(h + <usize>j, <u8>(j % k == k - 1 || j == m - 1 ? v : pick(load<u8>(h + <usize>(j + 1)), v, max)));
  }
  // window [i, i + 2r] of the padded line: the end of one block and the start of the next
  for (let i = 0; i < n; i++) store<u8>(dst + <usize>(i * stride), <u8>pick(load<u8>(h + <usize>i), load<u8>(g + <usize>(i + 2 * r)), max));
}

/** The minimum (or maximum) over a (2r+1)^2 window of every pixel of src into dst (may be src). */
function windowImage(src: usize, dst: usize, w: i32, h: i32, r: i32, max: bool, line: usize): void {
  for (let y = 0; y < h; y++) windowLine(src + <usize>(y * w), dst + <usize>(y * w), w, 1, r, max, line);
  for (let x = 0; x < w; x++) windowLine(dst + <usize>x, dst + <usize>x, h, w, r, max, line);
}

/** The mean of each byte and its two neighbours (edges repeated) of a line of n bytes, stride apart, in place. */
function smoothLine(p: usize, n: i32, stride: i32, line: usize): void {
  for (let i = 0; i < n; i++) store<u8>(line + <usize>i, load<u8>(p + <usize>(i * stride)));
  for (let i = 0; i < n; i++) {
    const s = <u32>load<u8>(line + <usize>max(i - 1, 0)) + <u32>load<u8>(line + <usize>i) + <u32>load<u8>(line + <usize>min(i + 1, n - 1));
    store<u8>(p + <usize>(i * stride), (s + 1) / 3);
  }
}

/**
 * Takes the background (the opening over a (2r+1)^2 window) out of the w x h ink map: each byte becomes
 * how far it rises above it, smoothed over 3 x 3 pixels. tmp: w * h bytes, then 4 * max(w, h) of line scratch.
 */
export function flatten(ink: usize, w: i32, h: i32, r: i32, tmp: usize): void {
  const n = <usize>w * <usize>h;
  const line = tmp + n;
  windowImage(ink, tmp, w, h, r, false, line);
  windowImage(tmp, tmp, w, h, r, true, line);
  for (let i: usize = 0; i < n; i++) store<u8>(ink + i, load<u8>(ink + i) - load<u8>(tmp + i));
  // a 3 x 3 mean: a camera's noise down by three, a stroke of two pixels or more kept
  for (let y = 0; y < h; y++) smoothLine(ink + <usize>(y * w), w, 1, line);
  for (let x = 0; x < w; x++) smoothLine(ink + <usize>x, h, w, line);
}
