/** True when all n4 floats at x (n4 a multiple of 4) lie in [0, 1]; NaN fails (wasm min/max propagate it). */
export function inUnitRange(x: usize, n4: i32): bool {
  if (ASC_FEATURE_SIMD) {
    let l = f32x4.splat(0);
    let h = l;
    for (let i = 0; i < n4; i += 4) {
      const v = v128.load(x + (<usize>i << 2));
      l = f32x4.min(l, v);
      h = f32x4.max(h, v);
    }
    // comparisons with NaN are false, so a NaN lane fails too
    return i32x4.all_true(v128.and(f32x4.ge(l, f32x4.splat(0)), f32x4.le(h, f32x4.splat(1))));
  }
  let lo: f32 = 0;
  let hi: f32 = 0;
  for (let i = 0; i < n4; i++) {
    const v = load<f32>(x + (<usize>i << 2));
    lo = min<f32>(lo, v);
    hi = max<f32>(hi, v);
  }
  return lo >= 0 && hi <= 1;
}
