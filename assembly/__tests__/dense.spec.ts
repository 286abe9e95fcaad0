import { denseF32, denseI8, nonzeroIndices, quantize, quantizeInputs } from "../dense";
import { b, clear, f, idx, q, s, setF, w, x, y } from "./helpers";

/** denseF32 over x's nonzero inputs, as forward() calls it. */
function dense(nIn: i32, outPad: i32, relu: bool): void {
  denseF32(x, idx, nonzeroIndices(x, nIn, idx), w, b, outPad, y, relu);
}

describe("nonzeroIndices", () => {
  it("lists the nonzero inputs in order, four at a time and in the tail; -0 is zero, NaN is not", () => {
    clear();
    setF(x, [0, 0.5, 0, 0, 1, 1, -0.0, 0.25, 0, 0, NaN]);
    expect(nonzeroIndices(x, 11, idx)).toBe(5);
    const want: i32[] = [1, 4, 5, 7, 10];
    for (let k = 0; k < want.length; k++) expect(load<i32>(idx + (<usize>k << 2))).toBe(want[k]);
    expect(nonzeroIndices(x, 4, idx)).toBe(1);
    expect(nonzeroIndices(x, 0, idx)).toBe(0);
  });

  it("counts subnormals, and quantized pairs that read as subnormals, as nonzero", () => {
    clear();
    setF(x, [0, 1e-40, 0, 0, 0, 0, 0, 1e-45]);
    expect(nonzeroIndices(x, 8, idx)).toBe(2);
    expect(load<i32>(idx)).toBe(1);
    expect(load<i32>(idx, 4)).toBe(7);
    clear();
    // the i16 pair (5, 0) as one f32: bits 0x00000005
    store<i16>(x + 8, 5);
    expect(nonzeroIndices(x, 4, idx)).toBe(1);
    expect(load<i32>(idx)).toBe(2);
    expect(nonzeroIndices(x + 4, 1, idx)).toBe(0);
  });
});

describe("denseF32", () => {
  it("computes bias + x.W, input-major with outputs padded to 4", () => {
    clear();
    // 3 inputs, 5 outputs (outPad 8): w[i * 8 + j] = i + j, bias[j] = j
    for (let i = 0; i < 3; i++) for (let j = 0; j < 5; j++) store<f32>(w + (<usize>(i * 8 + j) << 2), <f32>(i + j));
    setF(b, [0, 1, 2, 3, 4]);
    setF(x, [1, 2, 3]);
    dense(3, 8, false);
    // y_j = j + sum_i x_i (i + j) = j + 8 + 6j
    for (let j = 0; j < 5; j++) {
      const expected: i32 = 8 + 7 * j;
      expect(f(y, j)).toBe(<f32>expected);
    }
    for (let j = 5; j < 8; j++) expect(f(y, j)).toBe(0);
  });

  it("applies ReLU when asked", () => {
    clear();
    for (let j = 0; j < 4; j++) store<f32>(w + (<usize>j << 2), j % 2 ? <f32>-1 : <f32>1);
    setF(x, [2]);
    dense(1, 4, true);
    expect(f(y, 0)).toBe(2);
    expect(f(y, 1)).toBe(0);
    expect(f(y, 2)).toBe(2);
    expect(f(y, 3)).toBe(0);
  });

  it("sums in input order from the bias (one rounding per operation)", () => {
    clear();
    // 1e8 + 1 - 1e8 in f32: the order decides the answer (0 when summed left to right from 1e8)
    setF(b, [1e8, 0, 0, 0]);
    for (let i = 0; i < 2; i++) store<f32>(w + (<usize>(i * 4) << 2), i == 0 ? <f32>1 : <f32>-1e8);
    setF(x, [1, 1]);
    dense(2, 4, false);
    expect(f(y, 0)).toBe(0);
  });
});

describe("int8", () => {
  it("quantizes activations symmetrically to |q| <= qmax", () => {
    clear();
    setF(x, [0.5, -1, 0, 0.25, 0.125]);
    const sx = quantize(x, 5, 32767, q, 8);
    expect(sx).toBe(<f32>1 / <f32>32767);
    expect(load<i16>(q)).toBe(16384);
    expect(load<i16>(q, 2)).toBe(-32767);
    expect(load<i16>(q, 4)).toBe(0);
    expect(load<i16>(q, 6)).toBe(8192);
    expect(load<i16>(q, 8)).toBe(4096);
    expect(load<i16>(q, 10)).toBe(0);
    setF(x, [Infinity]);
    expect(quantize(x, 1, 32767, q, 8)).toBe(-1);
  });

  it("quantizes the network's inputs with the fixed scale 1 / qmax, lists their nonzero pairs, refuses values outside [0, 1]", () => {
    clear();
    // 16 inputs: pairs 0 (0.5, 0), 2 (0, 1e-5: rounds to 0), 3 (0, 0.25), 7 (1, 0.125)
    setF(x, [0.5, 0, 0, 0, 0, 0.00001, 0, 0.25, 0, 0, 0, 0, 0, 0, 1, 0.125]);
    expect(quantizeInputs(x, 16, 32767, q, idx)).toBe(3);
    const want: i16[] = [16384, 0, 0, 0, 0, 0, 0, 8192, 0, 0, 0, 0, 0, 0, 32767, 4096];
    for (let i = 0; i < 16; i++) expect(load<i16>(q + (<usize>i << 1))).toBe(want[i]);
    expect(load<i32>(idx)).toBe(0);
    expect(load<i32>(idx, 4)).toBe(3);
    expect(load<i32>(idx, 8)).toBe(7);
    // the same values as quantize() gives inputs whose largest is 1
    const sx = quantize(x, 16, 32767, q + 64, 16);
    expect(sx).toBe(<f32>1 / <f32>32767);
    for (let i = 0; i < 16; i++) expect(load<i16>(q + 64 + (<usize>i << 1))).toBe(want[i]);
    const bad: f32[] = [-0.001, 1.001, NaN, Infinity, -Infinity];
    for (let k = 0; k < bad.length; k++) {
      store<f32>(x + 60, bad[k]);
      expect(quantizeInputs(x, 16, 32767, q, idx)).toBe(-1);
    }
    store<f32>(x + 60, -0.0);
    expect(quantizeInputs(x, 16, 32767, q, idx)).toBe(3);
  });

  it("dequantizes integer dot products with per-row scales", () => {
    clear();
    setF(x, [1, 0.5, 0.25, 0, 0, 0, 0, 0]);
    const sx = quantize(x, 3, 32767, q, 8);
    // weights of 4 outputs (outPad = 4) from 8 inputs (inPad8 = 8), laid out by pairs of inputs as i16:
    // inputs 2p and 2p + 1 of output j at w + (p * 4 + j) * 4
    const rows: i8[][] = [[127, -127, 64, 0, 0, 0, 0, 0], [1, 2, 3, 0, 0, 0, 0, 0], [-128, 0, 0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0, 0, 0]];
    for (let j = 0; j < 4; j++) for (let i = 0; i < 8; i++) store<i16>(w + (<usize>((i >> 1) * 4 + j) << 2) + (<usize>(i & 1) << 1), rows[j][i]);
    setF(s, [0.01, 0.5, 0.001, 0]);
    setF(b, [0.1, 0, -1, 7]);
    // two of the four pairs hold a nonzero input: (32767, 16384) and (8192, 0)
    const pairs = nonzeroIndices(q, 4, idx);
    expect(pairs).toBe(2);
    expect(load<i32>(idx)).toBe(0);
    expect(load<i32>(idx, 4)).toBe(1);
    denseI8(q, idx, pairs, sx, w, s, b, 4, y, false);
    // x quantizes to [32767, 16384, 8192] (0.5 * 32767 = 16383.5 rounds half to even); the integer sums are exact
    const acc0: f64 = 127 * 32767 - 127 * 16384 + 64 * 8192;
    const acc1: f64 = 1 * 32767 + 2 * 16384 + 3 * 8192;
    const acc2: f64 = -128 * 32767;
    const sx64: f64 = <f64>sx;
    expect(Math.abs(f(y, 0) - (0.1 + acc0 * sx64 * 0.01))).toBeLessThan(1e-6);
    expect(Math.abs(f(y, 1) - acc1 * sx64 * 0.5)).toBeLessThan(1e-6);
    expect(Math.abs(f(y, 2) - (-1 + acc2 * sx64 * 0.001))).toBeLessThan(1e-6);
    // and they approximate the float dot products to the quantization step
    expect(Math.abs(f(y, 0) - 0.895)).toBeLessThan(1e-4);
    expect(f(y, 3)).toBe(7);
    denseI8(q, idx, pairs, sx, w, s, b, 4, y, true);
    expect(f(y, 2)).toBe(0);
  });
});
