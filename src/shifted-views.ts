// classifyImage reads a preprocessed digit nine times, as it is and shifted by one pixel along each
// diagonal and by two along each axis, and averages the nine readings (test-time augmentation). The
// network was trained on digits shifted by up to 1.5 pixels; where a small network's reading of one
// view is an accident of where the ink fell, the views disagree and the average is less sure. Chosen on
// validation data (docs/real-world.md): more digits read right on MNIST, the pad and paper. The mean of
// views is less sure than one view, right or wrong; raised to the power 1.5 (and normalised) its
// confidence is as calibrated as one view's was.

/** The views' shifts in pixels, dx then dy: the input itself, one pixel along each diagonal, two along each axis. */
export const VIEW_SHIFTS: readonly number[] = [0, 0, 1, 1, 1, -1, -1, 1, -1, -1, 2, 0, -2, 0, 0, 2, 0, -2];

/**
 * Writes the views of `input` (width x height values, row-major) into `dst`, view v from `at + v * stride`:
 * the input shifted by VIEW_SHIFTS[2v], VIEW_SHIFTS[2v + 1], what moves in from outside zero (background).
 */
export function writeShiftedViews(input: Float32Array, width: number, height: number, dst: Float32Array, at: number, stride: number): void {
  for (let v = 0; v < VIEW_SHIFTS.length; v += 2, at += stride) {
    const dx = VIEW_SHIFTS[v]!;
    const dy = VIEW_SHIFTS[v + 1]!;
    dst.fill(0, at, at + width * height);
    for (let y = Math.max(0, dy); y < height + Math.min(0, dy); y++) {
      for (let x = Math.max(0, dx); x < width + Math.min(0, dx); x++) dst[at + y * width + x] = input[(y - dy) * width + x - dx]!;
    }
  }
}

/**
 * The probabilities read from n views (n probability vectors laid end to end): their mean m, then
 * m^1.5 normalised to sum 1. In float64, each sum in order, the power as m * sqrt(m) (IEEE-exact where
 * pow is not): the same bits in every runtime.
 */
export function averageViews(readings: Float32Array, n: number, classes: number): Float32Array {
  const powered = new Float64Array(classes);
  let total = 0;
  for (let j = 0; j < classes; j++) {
    let sum = 0;
    for (let v = 0; v < n; v++) sum += readings[v * classes + j]!;
    const mean = sum / n;
    total += powered[j] = mean * Math.sqrt(mean);
  }
  return Float32Array.from(powered, (p) => p / total);
}
