/** True when all n4 floats at x (n4 a multiple of 4) lie in [0, 1]; NaN fails (every comparison with it is false). */
export function inUnitRange(x: usize, n4: i32): bool {
  if (ASC_FEATURE_SIMD) {
    // One compare per bound and an AND: wasm's f32x4.min and max are long instruction sequences on x86
    // (NaN and signed-zero rules), and a running min/max chains them from one iteration to the next.
    const zero = f32x4.splat(0);
    const one = f32x4.splat(1);
    let ok = i32x4.splat(-1);
    for (let i = 0; i < n4; i += 4) {
      const v = v128.load(x + (<usize>i << 2));
      ok = v128.and(ok, v128.and(f32x4.ge(v, zero), f32x4.le(v, one)));
    }
    return i32x4.all_true(ok);
  }
  let ok = true;
  for (let i = 0; i < n4; i++) {
    const v = load<f32>(x + (<usize>i << 2));
    ok &= v >= 0 && v <= 1;
  }
  return ok;
}
