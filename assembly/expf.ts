// exp(x) for the softmax, x <= 0. Computed inside the module (never through the host's Math.exp, which
// differs between engines) with the same f32 operations, in the same order, in the SIMD and scalar builds,
// so both give the same bits everywhere. Cephes' expf: x = k ln2 + r, |r| <= ln2/2, degree-6 polynomial.

const LOG2E: f32 = 1.44269504088896341;
const LN2_HI: f32 = 0.693359375;
const LN2_LO: f32 = -2.12194440e-4;
const P0: f32 = 1.9875691500e-4;
const P1: f32 = 1.3981999507e-3;
const P2: f32 = 8.3334519073e-3;
const P3: f32 = 4.1665795894e-2;
const P4: f32 = 1.6666665459e-1;
const P5: f32 = 5.0000001201e-1;
/** Below this, exp(x) < 1.7e-38 and the result is flushed to 0 (keeps 2^k a normal float). */
export const EXP_MIN: f32 = -87.0;

/** exp(x) for x in [EXP_MIN, 0]; 0 below EXP_MIN; inputs above 0 are clamped to 0. */
// @ts-ignore: decorator
@inline export function expf(x: f32): f32 {
  const c = min<f32>(max<f32>(x, EXP_MIN), 0);
  const k = nearest<f32>(c * LOG2E);
  let r = c - k * LN2_HI;
  r = r - k * LN2_LO;
  let p = P0;
  p = p * r + P1;
  p = p * r + P2;
  p = p * r + P3;
  p = p * r + P4;
  p = p * r + P5;
  let y = p * r;
  y = y * r;
  y = y + r;
  y = y + 1;
  y = y * reinterpret<f32>((<i32>k + 127) << 23);
  return x >= EXP_MIN ? y : 0;
}

/** Four lanes of {@link expf}, operation for operation. */
// @ts-ignore: decorator
@inline export function expf4(x: v128): v128 {
  const c = f32x4.min(f32x4.max(x, f32x4.splat(EXP_MIN)), f32x4.splat(0));
  const k = f32x4.nearest(f32x4.mul(c, f32x4.splat(LOG2E)));
  let r = f32x4.sub(c, f32x4.mul(k, f32x4.splat(LN2_HI)));
  r = f32x4.sub(r, f32x4.mul(k, f32x4.splat(LN2_LO)));
  let p = f32x4.splat(P0);
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(P1));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(P2));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(P3));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(P4));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(P5));
  let y = f32x4.mul(p, r);
  y = f32x4.mul(y, r);
  y = f32x4.add(y, r);
  y = f32x4.add(y, f32x4.splat(1));
  y = f32x4.mul(y, i32x4.shl(i32x4.add(i32x4.trunc_sat_f32x4_s(k), i32x4.splat(127)), 23));
  return v128.and(y, f32x4.ge(x, f32x4.splat(EXP_MIN)));
}
