import { STATUS_NOT_FINITE } from "./abi";
import { expf, expf4 } from "./expf";

/**
 * Numerically stable softmax of the n logits at z, written as n probabilities at dst.
 * z is scratch: it is overwritten, and must have room (and be writable) up to n rounded up to 4.
 * Returns the index of the largest logit (the first one on ties), or STATUS_NOT_FINITE.
 */
export function softmax(z: usize, n: i32, dst: usize): i32 {
  let m = load<f32>(z);
  let arg = 0;
  if (m != m) return STATUS_NOT_FINITE;
  for (let k = 1; k < n; k++) {
    const v = load<f32>(z + (<usize>k << 2));
    if (v != v) return STATUS_NOT_FINITE;
    if (v > m) {
      m = v;
      arg = k;
    }
  }
  if (ASC_FEATURE_SIMD) {
    const mv = f32x4.splat(m);
    for (let k = 0; k < n; k += 4) {
      const p = z + (<usize>k << 2);
      v128.store(p, expf4(f32x4.sub(v128.load(p), mv)));
    }
  } else {
    for (let k = 0; k < n; k++) {
      const p = z + (<usize>k << 2);
      store<f32>(p, expf(load<f32>(p) - m));
    }
  }
  // The sum runs in index order in both builds: its rounding is part of the result.
  let s: f32 = 0;
  for (let k = 0; k < n; k++) s += load<f32>(z + (<usize>k << 2));
  // The largest logit contributes exp(0) = 1, so s >= 1 unless a logit was NaN or infinite.
  if (!(s >= 1 && s <= <f32>n)) return STATUS_NOT_FINITE;
  // n divisions are too few to be worth SIMD code (the module must stay under 4 KB).
  for (let k = 0; k < n; k++) {
    const o = <usize>k << 2;
    store<f32>(dst + o, load<f32>(z + o) / s);
  }
  return arg;
}
