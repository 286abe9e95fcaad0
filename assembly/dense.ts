// Dense layers, over the nonzero inputs only (digits are mostly background: about 37% of a preprocessed
// MNIST digit's 400 values are ink, 43% of its pairs of values).
//
// f32: every output starts from its bias and adds its products in input order, one rounding per multiply
// and per add, in both builds: SIMD lanes and scalar code give the same bits. Skipping changes no result:
// x * w is then +0 or -0, and a + (+-0) = a except when a is -0, which ReLU, the next layer (which skips
// it as a zero input) and softmax all treat as +0.
// int8: inputs quantized to i16 go in pairs, one i32x4.dot_i16x8_s per pair and four outputs; the integer
// sums are exact (the loader bounds the quantized inputs so that they cannot overflow), so any order gives
// the same bits.

import { inUnitRange } from "./validate";

// Row m of the lane table lists the set bits of m (0-3), packed first: the lanes to keep for mask m.
const laneTable = memory.data(256);
let lanesReady = false;

function fillLaneTable(): void {
  for (let m = 0; m < 16; m++) {
    let k = 0;
    for (let lane = 0; lane < 4; lane++) {
      if ((m >> lane) & 1) store<i32>(laneTable + (<usize>(m * 4 + k++) << 2), lane);
    }
  }
  lanesReady = true;
}

/**
 * Writes the indices of the nonzero values among the n f32 at x to idx (i32), in order; returns how many.
 * idx must have room for n + 3 indices. Also lists the nonzero pairs of quantized i16 inputs: read as an
 * f32, a pair is zero only when both are (the bits of -0 would need -32768, which quantize never writes).
 * Zero means +0 or -0, tested on the bits rather than by a float compare: 32-bit ARM's NEON flushes
 * subnormals to zero in its compares, and a pair such as (5, 0) reads as a subnormal.
 */
export function nonzeroIndices(x: usize, n: i32, idx: usize): i32 {
  let count = 0;
  let i = 0;
  if (ASC_FEATURE_SIMD) {
    // Four values at a time: their nonzero mask picks, from a table of the 16 possible lists of lane
    // numbers, the lanes to append, written as one vector (idx needs room for n + 3 indices).
    if (!lanesReady) fillLaneTable();
    const zero = i32x4.splat(0);
    const magnitude = i32x4.splat(0x7fffffff);
    for (; i + 4 <= n; i += 4) {
      const mask = i32x4.bitmask(i32x4.ne(v128.and(v128.load(x + (<usize>i << 2)), magnitude), zero));
      v128.store(idx + (<usize>count << 2), i32x4.add(i32x4.splat(i), v128.load(laneTable + (<usize>mask << 4))));
      count += popcnt<i32>(mask);
    }
  }
  for (; i < n; i++) {
    store<i32>(idx + (<usize>count << 2), i);
    count += i32((load<u32>(x + (<usize>i << 2)) & 0x7fffffff) != 0);
  }
  return count;
}

/**
 * Dense layer y = act(b + x W) over the nonzero inputs listed in idx (count of them, see nonzeroIndices).
 * f32 (T = f32): x holds the inputs; w is input-major: w[i * outPad + j], outPad = outputs rounded up to
 * 4, padding columns zero, so one input times one weight vector advances four outputs.
 * int8 (T = i16): x holds the quantized inputs (dequantization scale sx), listed by pairs; w is
 * pair-major: for pair p and output j, the i16 weights of inputs 2p and 2p + 1 side by side at
 * w + (p * outPad + j) * 4; scales holds the outputs' weight scales.
 * b holds outPad biases (zero padded); y receives outPad values.
 */
// @ts-ignore: decorator
@inline function dense<T>(x: usize, idx: usize, count: i32, w: usize, b: usize, scales: usize, sx: f32, outPad: i32, y: usize, relu: bool): void {
  const rowBytes = <usize>outPad << 2;
  const idxEnd = idx + (<usize>count << 2);
  let j = 0;
  if (ASC_FEATURE_SIMD) {
    // Blocks of 28 outputs (the default model's first layer, 25 padded) keep 7 accumulators live: one
    // pass over the inputs, and few enough v128 values that V8 does not spill them.
    for (; j + 28 <= outPad; j += 28) {
      const o = <usize>j << 2;
      let a0 = start<T>(b + o);
      let a1 = start<T>(b + o + 16);
      let a2 = start<T>(b + o + 32);
      let a3 = start<T>(b + o + 48);
      let a4 = start<T>(b + o + 64);
      let a5 = start<T>(b + o + 80);
      let a6 = start<T>(b + o + 96);
      const wo = w + o;
      for (let pi = idx; pi < idxEnd; pi += 4) {
        const i = <usize>load<i32>(pi);
        const xv = v128.load32_splat(x + (i << 2));
        const pw = wo + i * rowBytes;
        a0 = madd<T>(a0, xv, v128.load(pw));
        a1 = madd<T>(a1, xv, v128.load(pw, 16));
        a2 = madd<T>(a2, xv, v128.load(pw, 32));
        a3 = madd<T>(a3, xv, v128.load(pw, 48));
        a4 = madd<T>(a4, xv, v128.load(pw, 64));
        a5 = madd<T>(a5, xv, v128.load(pw, 80));
        a6 = madd<T>(a6, xv, v128.load(pw, 96));
      }
      v128.store(y + o, a0);
      v128.store(y + o, a1, 16);
      v128.store(y + o, a2, 32);
      v128.store(y + o, a3, 48);
      v128.store(y + o, a4, 64);
      v128.store(y + o, a5, 80);
      v128.store(y + o, a6, 96);
    }
    for (; j < outPad; j += 4) {
      const o = <usize>j << 2;
      let a = start<T>(b + o);
      const wo = w + o;
      for (let pi = idx; pi < idxEnd; pi += 4) {
        const i = <usize>load<i32>(pi);
        a = madd<T>(a, v128.load32_splat(x + (i << 2)), v128.load(wo + i * rowBytes));
      }
      v128.store(y + o, a);
    }
    activate<T>(y, b, scales, sx, outPad, relu);
  } else if (isInteger<T>()) {
    for (; j < outPad; j++) {
      const o = <usize>j << 2;
      let n = 0;
      for (let pi = idx; pi < idxEnd; pi += 4) {
        const i = <usize>load<i32>(pi);
        const pw = w + o + i * rowBytes;
        n += <i32>load<i16>(x + (i << 2)) * <i32>load<i16>(pw) + <i32>load<i16>(x + (i << 2), 2) * <i32>load<i16>(pw, 2);
      }
      const a = <f32>n * (sx * load<f32>(scales + o)) + load<f32>(b + o);
      store<f32>(y + o, relu ? max<f32>(a, 0) : a);
    }
  } else {
    for (; j < outPad; j += 4) {
      const o = <usize>j << 2;
      let a0 = load<f32>(b + o);
      let a1 = load<f32>(b + o, 4);
      let a2 = load<f32>(b + o, 8);
      let a3 = load<f32>(b + o, 12);
      const wo = w + o;
      for (let pi = idx; pi < idxEnd; pi += 4) {
        const i = <usize>load<i32>(pi);
        const xv = load<f32>(x + (i << 2));
        const pw = wo + i * rowBytes;
        a0 += xv * load<f32>(pw);
        a1 += xv * load<f32>(pw, 4);
        a2 += xv * load<f32>(pw, 8);
        a3 += xv * load<f32>(pw, 12);
      }
      if (relu) {
        a0 = max<f32>(a0, 0);
        a1 = max<f32>(a1, 0);
        a2 = max<f32>(a2, 0);
        a3 = max<f32>(a3, 0);
      }
      store<f32>(y + o, a0);
      store<f32>(y + o, a1, 4);
      store<f32>(y + o, a2, 8);
      store<f32>(y + o, a3, 12);
    }
  }
}

// @ts-ignore: decorator
@inline function start<T>(b: usize): v128 {
  return isInteger<T>() ? i32x4.splat(0) : v128.load(b);
}

// @ts-ignore: decorator
@inline function madd<T>(a: v128, xv: v128, wv: v128): v128 {
  return isInteger<T>() ? i32x4.add(a, i32x4.dot_i16x8_s(wv, xv)) : f32x4.add(a, f32x4.mul(xv, wv));
}

/** The accumulators at y to outputs: int8 sums dequantized and biased; then ReLU as max(a, 0), or max(a, -inf) = a. */
function activate<T>(y: usize, b: usize, scales: usize, sx: f32, outPad: i32, relu: bool): void {
  const floor = f32x4.splat(relu ? 0 : -Infinity);
  for (let o: usize = 0; o < (<usize>outPad << 2); o += 16) {
    let a = v128.load(y + o);
    if (isInteger<T>()) {
      a = f32x4.add(f32x4.mul(f32x4.convert_i32x4_s(a), f32x4.mul(f32x4.splat(sx), v128.load(scales + o))), v128.load(b + o));
    }
    v128.store(y + o, f32x4.max(a, floor));
  }
}

/** f32 dense layer (see dense). */
export function denseF32(x: usize, idx: usize, count: i32, w: usize, b: usize, outPad: i32, y: usize, relu: bool): void {
  dense<f32>(x, idx, count, w, b, 0, 0, outPad, y, relu);
}

/** int8 dense layer (see dense) on xq from quantize(), its nonzero pairs listed in idx. */
export function denseI8(xq: usize, idx: usize, count: i32, sx: f32, w: usize, scales: usize, b: usize, outPad: i32, y: usize, relu: bool): void {
  dense<i16>(xq, idx, count, w, b, scales, sx, outPad, y, relu);
}

/**
 * The network's inputs for an int8 first layer: nPad8 floats at x (n rounded up to 8, zeros past n),
 * checked to lie in [0, 1], quantized with the fixed scale 1 / qmax (q = nearest(x * qmax), as quantize
 * does for inputs whose largest value is 1) to nPad8 i16 at xq, and their nonzero pairs listed in idx
 * (see nonzeroIndices). Returns how many pairs, or -1 when a value is NaN or outside [0, 1]. One pass
 * with SIMD, where checking, quantizing and listing took four.
 */
export function quantizeInputs(x: usize, nPad8: i32, qmax: f32, xq: usize, idx: usize): i32 {
  if (ASC_FEATURE_SIMD) {
    if (!lanesReady) fillLaneTable();
    const zero = f32x4.splat(0);
    const one = f32x4.splat(1);
    const iv = f32x4.splat(qmax);
    const magic = f32x4.splat(12582912);
    let ok = i32x4.splat(-1);
    let count = 0;
    for (let i = 0; i < nPad8; i += 8) {
      const p = x + (<usize>i << 2);
      const a = v128.load(p);
      const b = v128.load(p, 16);
      ok = v128.and(ok, v128.and(v128.and(f32x4.ge(a, zero), f32x4.le(a, one)), v128.and(f32x4.ge(b, zero), f32x4.le(b, one))));
      const q = i16x8.narrow_i32x4_s(i32x4.sub(f32x4.add(f32x4.mul(a, iv), magic), magic), i32x4.sub(f32x4.add(f32x4.mul(b, iv), magic), magic));
      v128.store(xq + (<usize>i << 1), q);
      // the pairs (2k, 2k + 1) are q's four 32-bit lanes: pair i / 2 + k
      const mask = i32x4.bitmask(i32x4.ne(q, i32x4.splat(0)));
      v128.store(idx + (<usize>count << 2), i32x4.add(i32x4.splat(i >> 1), v128.load(laneTable + (<usize>mask << 4))));
      count += popcnt<i32>(mask);
    }
    return i32x4.all_true(ok) ? count : -1;
  }
  if (!inUnitRange(x, nPad8)) return -1;
  for (let i = 0; i < nPad8; i++) {
    store<i16>(xq + (<usize>i << 1), <i16>(<i32>nearest<f32>(load<f32>(x + (<usize>i << 2)) * qmax)));
  }
  return nonzeroIndices(xq, nPad8 >> 1, idx);
}

/**
 * Quantizes n activations at x to i16 at xq for an int8 layer: q = nearest(x * qmax / max|x|), so
 * |q| <= qmax. Writes nPad8 values (n rounded up to 8); x must hold zeros from n up to nPad8.
 * Returns the dequantization scale max|x| / qmax (0 for an all-zero x), or -1 if x is not finite.
 */
export function quantize(x: usize, n: i32, qmax: f32, xq: usize, nPad8: i32): f32 {
  let mx: f32 = 0;
  if (ASC_FEATURE_SIMD) {
    // |x| as bits orders as integers the way the values do, NaN above infinity: one integer max per
    // vector instead of wasm's f32x4.max, a long instruction sequence on x86.
    const abs = i32x4.splat(0x7fffffff);
    let m = i32x4.splat(0);
    for (let i = 0; i < n; i += 4) m = i32x4.max_s(m, v128.and(v128.load(x + (<usize>i << 2)), abs));
    m = i32x4.max_s(m, v128.shuffle<i32>(m, m, 2, 3, 0, 1));
    m = i32x4.max_s(m, v128.shuffle<i32>(m, m, 1, 0, 3, 2));
    mx = reinterpret<f32>(i32x4.extract_lane(m, 0));
  } else {
    for (let i = 0; i < n; i++) mx = max<f32>(mx, abs<f32>(load<f32>(x + (<usize>i << 2))));
  }
  if (!(mx < Infinity)) return -1;
  const inv: f32 = mx > 0 ? qmax / mx : 0;
  if (ASC_FEATURE_SIMD) {
    const iv = f32x4.splat(inv);
    // Adding 1.5 * 2^23 rounds |v| < 2^22 to the nearest integer, ties to even as nearest() does, into
    // the low bits: two instructions on x86 where nearest() and the saturating conversion take about ten.
    const magic = f32x4.splat(12582912);
    for (let i = 0; i < nPad8; i += 8) {
      const p = x + (<usize>i << 2);
      const q0 = i32x4.sub(f32x4.add(f32x4.mul(v128.load(p), iv), magic), magic);
      const q1 = i32x4.sub(f32x4.add(f32x4.mul(v128.load(p, 16), iv), magic), magic);
      v128.store(xq + (<usize>i << 1), i16x8.narrow_i32x4_s(q0, q1));
    }
  } else {
    for (let i = 0; i < nPad8; i++) {
      store<i16>(xq + (<usize>i << 1), <i16>(<i32>nearest<f32>(load<f32>(x + (<usize>i << 2)) * inv)));
    }
  }
  return mx > 0 ? mx / qmax : 0;
}
