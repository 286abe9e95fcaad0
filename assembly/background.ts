// Uneven light out of an ink map: the background is the map's grey-level opening (a minimum then a
// maximum over a square window wider than any stroke), which follows gradients, vignettes and shadow
// edges but not strokes; the ink is what rises above it (a top-hat). Van Herk / Gil-Werman: three
// comparisons a pixel whatever the window. The square window is a window of rows then one of columns;
// the columns' pass runs on the map transposed, so that every pass goes along rows (each pixel's
// extreme independent of its neighbour's in the row: no chain of dependent comparisons).

// @ts-ignore: decorator
@inline function pick(a: u32, b: u32, max: bool): u32 {
  // a select, not a branch: which of a and b wins is data, not predictable
  return select<u32>(a, b, (a > b) == max);
}

/** Row j of an image of h rows of w bytes, padded with r rows of `none` above and below. */
// @ts-ignore: decorator
@inline function paddedRow(src: usize, j: i32, h: i32, r: i32, w: i32, none: usize): usize {
  return j < r || j >= h + r ? none : src + <usize>((j - r) * w);
}

/**
 * The minimum (or, with max, the maximum) over the rows [y - r, y + r] of every pixel of the w x h image
 * at src into dst (may be src), rows past the edges never winning. scratch: (h + 2r + 2) w bytes: each
 * block of 2r + 1 rows' running extreme from its start (g), a row of `none`, and the running extreme from
 * each block's end.
 */
function windowRows(src: usize, dst: usize, w: i32, h: i32, r: i32, max: bool, scratch: usize): void {
  const k = 2 * r + 1;
  const m = h + 2 * r;
  const rowBytes = <usize>w;
  const none = scratch + <usize>m * rowBytes;
  const acc = none + rowBytes;
  memory.fill(none, max ? 0 : 255, rowBytes);
  for (let j = 0; j < m; j++) {
    // a block starts where j % k is 0: from the row of none
    const g = scratch + <usize>j * rowBytes;
    extreme(j % k ? g - rowBytes : none, paddedRow(src, j, h, r, w, none), g, rowBytes, max);
  }
  for (let j = m - 1; j >= 0; j--) {
    // a block ends where (j + 1) % k is 0, and the last one, whole or not, at the last row
    extreme((j + 1) % k && j < m - 1 ? acc : none, paddedRow(src, j, h, r, w, none), acc, rowBytes, max);
    // window [j, j + 2r] of the padded rows, row j of the image: the end of one block and the start of the next
    if (j < h) extreme(acc, scratch + <usize>(j + 2 * r) * rowBytes, dst + <usize>j * rowBytes, rowBytes, max);
  }
}

/** dst[x] = the minimum (or maximum) of a[x] and b[x], for n bytes (dst may be a). */
function extreme(a: usize, b: usize, dst: usize, n: usize, max: bool): void {
  for (let x: usize = 0; x < n; x++) store<u8>(dst + x, pick(load<u8>(a + x), load<u8>(b + x), max));
}

/** The w x h image at src transposed into dst (h x w). */
function transpose(src: usize, dst: usize, w: i32, h: i32): void {
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) store<u8>(dst + <usize>(x * h + y), load<u8>(src + <usize>(y * w + x)));
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
 * how far it rises above it, smoothed over 3 x 3 pixels. tmp: 3 w h + (2r + 2) max(w, h) bytes: the opening, the
 * map transposed, and the scratch of windowRows (a line of which smoothLine uses).
 */
export function flatten(ink: usize, w: i32, h: i32, r: i32, tmp: usize): void {
  const n = <usize>w * <usize>h;
  const t = tmp + n;
  const scratch = t + n;
  // the minimum over the window, then the maximum: each over rows (a window of rows), then over
  // columns (rows of the map transposed), in whichever order, as a window of the square is both
  windowRows(ink, tmp, w, h, r, false, scratch);
  transpose(tmp, t, w, h);
  windowRows(t, t, h, w, r, false, scratch);
  windowRows(t, t, h, w, r, true, scratch);
  transpose(t, tmp, h, w);
  windowRows(tmp, tmp, w, h, r, true, scratch);
  for (let i: usize = 0; i < n; i++) store<u8>(ink + i, load<u8>(ink + i) - load<u8>(tmp + i));
  // a 3 x 3 mean: a camera's noise down by three, a stroke of two pixels or more kept
  for (let y = 0; y < h; y++) smoothLine(ink + <usize>(y * w), w, 1, scratch);
  for (let x = 0; x < w; x++) smoothLine(ink + <usize>x, h, w, scratch);
}
