// Dense layers. Every output starts from its bias and adds its products in input order, one rounding per
// multiply and per add, in both builds: SIMD lanes and scalar code give the same bits.
//
// f32 layers skip zero inputs (digits are mostly background: about 37% of a preprocessed MNIST digit's
// 400 values are ink). Skipping changes no result: x * w is then +0 or -0, and a + (+-0) = a except when
// a is -0, which ReLU, the next layer (which skips it as a zero input) and softmax all treat as +0.

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
 * idx must have room for n + 3 indices.
 */
export function nonzeroIndices(x: usize, n: i32, idx: usize): i32 {
  let count = 0;
  let i = 0;
  if (ASC_FEATURE_SIMD) {
    // Four values at a time: their nonzero mask picks, from a table of the 16 possible lists of lane
    // numbers, the lanes to append, written as one vector (idx needs room for n + 3 indices).
    if (!lanesReady) fillLaneTable();
    const zero = f32x4.splat(0);
    for (; i + 4 <= n; i += 4) {
      const mask = i32x4.bitmask(f32x4.ne(v128.load(x + (<usize>i << 2)), zero));
      v128.store(idx + (<usize>count << 2), i32x4.add(i32x4.splat(i), v128.load(laneTable + (<usize>mask << 4))));
      count += popcnt<i32>(mask);
    }
  }
  for (; i < n; i++) {
    store<i32>(idx + (<usize>count << 2), i);
    count += i32(load<f32>(x + (<usize>i << 2)) != 0);
  }
  return count;
}

/**
 * f32 dense layer, y = act(b + x W), over the nonzero inputs only: idx lists the count indices of x's
 * nonzero values (see nonzeroIndices).
 * w is input-major: w[i * outPad + j], with outPad = outputs rounded up to 4 and the padding columns zero,
 * so one input value times one weight vector advances four outputs; b holds outPad biases (zero padded).
 * y receives outPad values.
 */
export function denseF32(x: usize, idx: usize, count: i32, w: usize, b: usize, outPad: i32, y: usize, relu: bool): void {
  const rowBytes = <usize>outPad << 2;
  const idxEnd = idx + (<usize>count << 2);
  let j = 0;
  if (ASC_FEATURE_SIMD) {
    // ReLU as max(a, 0); no activation as max(a, -inf) = a: the same bits, with no branch or copy of code.
    const floor = f32x4.splat(relu ? 0 : -Infinity);
    // Blocks of 28 outputs (the default model's first layer, 25 padded) keep 7 accumulators live: one
    // pass over the inputs, and few enough v128 values that V8 does not spill them.
    for (; j + 28 <= outPad; j += 28) {
      const o = <usize>j << 2;
      let a0 = v128.load(b + o);
      let a1 = v128.load(b + o, 16);
      let a2 = v128.load(b + o, 32);
      let a3 = v128.load(b + o, 48);
      let a4 = v128.load(b + o, 64);
      let a5 = v128.load(b + o, 80);
      let a6 = v128.load(b + o, 96);
      const wo = w + o;
      for (let pi = idx; pi < idxEnd; pi += 4) {
        const i = <usize>load<i32>(pi);
        const xv = v128.load32_splat(x + (i << 2));
        const pw = wo + i * rowBytes;
        a0 = f32x4.add(a0, f32x4.mul(xv, v128.load(pw)));
        a1 = f32x4.add(a1, f32x4.mul(xv, v128.load(pw, 16)));
        a2 = f32x4.add(a2, f32x4.mul(xv, v128.load(pw, 32)));
        a3 = f32x4.add(a3, f32x4.mul(xv, v128.load(pw, 48)));
        a4 = f32x4.add(a4, f32x4.mul(xv, v128.load(pw, 64)));
        a5 = f32x4.add(a5, f32x4.mul(xv, v128.load(pw, 80)));
        a6 = f32x4.add(a6, f32x4.mul(xv, v128.load(pw, 96)));
      }
      v128.store(y + o, f32x4.max(a0, floor));
      v128.store(y + o, f32x4.max(a1, floor), 16);
      v128.store(y + o, f32x4.max(a2, floor), 32);
      v128.store(y + o, f32x4.max(a3, floor), 48);
      v128.store(y + o, f32x4.max(a4, floor), 64);
      v128.store(y + o, f32x4.max(a5, floor), 80);
      v128.store(y + o, f32x4.max(a6, floor), 96);
    }
    for (; j < outPad; j += 4) {
      const o = <usize>j << 2;
      let a = v128.load(b + o);
      const wo = w + o;
      for (let pi = idx; pi < idxEnd; pi += 4) {
        const i = <usize>load<i32>(pi);
        a = f32x4.add(a, f32x4.mul(v128.load32_splat(x + (i << 2)), v128.load(wo + i * rowBytes)));
      }
      v128.store(y + o, f32x4.max(a, floor));
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
    for (let i = 0; i < nPad8; i += 8) {
      const p = x + (<usize>i << 2);
      const q0 = i32x4.trunc_sat_f32x4_s(f32x4.nearest(f32x4.mul(v128.load(p), iv)));
      const q1 = i32x4.trunc_sat_f32x4_s(f32x4.nearest(f32x4.mul(v128.load(p, 16), iv)));
      v128.store(xq + (<usize>i << 1), i16x8.narrow_i32x4_s(q0, q1));
    }
  } else {
    for (let i = 0; i < nPad8; i++) {
      store<i16>(xq + (<usize>i << 1), <i16>(<i32>nearest<f32>(load<f32>(x + (<usize>i << 2)) * inv)));
    }
  }
  return mx > 0 ? mx / qmax : 0;
}

/**
 * int8 dense layer, y = act(b + sx * scale * (xq . wq)).
 * w is output-major: w[j * inPad8 + i] as int8, rows padded to inPad8 (a multiple of 8) and to outPad rows
 * (a multiple of 4), padding zero. xq holds inPad8 quantized inputs with dequantization scale sx; scales and
 * b hold outPad per-row weight scales and biases. The integer dot products are exact (the loader chooses
 * qmax so they cannot overflow i32), so lanes may sum in any order.
 */
export function denseI8(
  xq: usize, inPad8: i32, sx: f32, w: usize, scales: usize, b: usize, outPad: i32, y: usize, relu: bool,
): void {
  const rowBytes = <usize>inPad8;
  for (let j = 0; j < outPad; j += 4) {
    const r0 = w + <usize>j * rowBytes;
    const o = <usize>j << 2;
    if (ASC_FEATURE_SIMD) {
      let a0 = i32x4.splat(0);
      let a1 = a0;
      let a2 = a0;
      let a3 = a0;
      for (let i = 0; i < inPad8; i += 8) {
        const xv = v128.load(xq + (<usize>i << 1));
        const p = r0 + <usize>i;
        a0 = i32x4.add(a0, i32x4.dot_i16x8_s(v128.load8x8_s(p), xv));
        a1 = i32x4.add(a1, i32x4.dot_i16x8_s(v128.load8x8_s(p + rowBytes), xv));
        a2 = i32x4.add(a2, i32x4.dot_i16x8_s(v128.load8x8_s(p + 2 * rowBytes), xv));
        a3 = i32x4.add(a3, i32x4.dot_i16x8_s(v128.load8x8_s(p + 3 * rowBytes), xv));
      }
      // Transpose-and-add: lane k of s is the sum of a_k's lanes.
      const u = i32x4.add(v128.shuffle<i32>(a0, a1, 0, 4, 2, 6), v128.shuffle<i32>(a0, a1, 1, 5, 3, 7));
      const v = i32x4.add(v128.shuffle<i32>(a2, a3, 0, 4, 2, 6), v128.shuffle<i32>(a2, a3, 1, 5, 3, 7));
      const s = i32x4.add(v128.shuffle<i32>(u, v, 0, 1, 4, 5), v128.shuffle<i32>(u, v, 2, 3, 6, 7));
      const c = f32x4.mul(f32x4.splat(sx), v128.load(scales + o));
      const out = f32x4.add(f32x4.mul(f32x4.convert_i32x4_s(s), c), v128.load(b + o));
      v128.store(y + o, f32x4.max(out, f32x4.splat(relu ? 0 : -Infinity)));
    } else {
      for (let k = 0; k < 4; k++) {
        const row = r0 + <usize>k * rowBytes;
        let acc = 0;
        for (let i = 0; i < inPad8; i++) {
          acc += <i32>load<i8>(row + <usize>i) * <i32>load<i16>(xq + (<usize>i << 1));
        }
        const ok = o + (<usize>k << 2);
        let out = <f32>acc * (sx * load<f32>(scales + ok)) + load<f32>(b + ok);
        if (relu) out = max<f32>(out, 0);
        store<f32>(y + ok, out);
      }
    }
  }
}
