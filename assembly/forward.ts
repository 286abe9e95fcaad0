import { denseF32, denseI8, nonzeroIndices, quantize } from "./dense";
import { softmax } from "./softmax";

// One layer-table entry: ten 32-bit fields, written by the TypeScript loader (src/layout.ts).
const L_IN: usize = 0; // inputs
const L_OUT_PAD: usize = 4; // outputs rounded up to 4
const L_IN_PAD8: usize = 8; // inputs rounded up to 8 (int8: quantized inputs)
const L_RELU: usize = 12; // 1 when followed by ReLU
const L_INT8: usize = 16; // 1 for int8 weights, 0 for f32
const L_W: usize = 20; // weights
const L_B: usize = 24; // biases (outPad f32)
const L_S: usize = 28; // int8 per-row scales (outPad f32)
const L_QMAX: usize = 32; // int8: largest quantized activation (f32)
export const LAYER_BYTES: usize = 40;

/** Returned by {@link forward} when a value inside the network overflowed to infinity or NaN. */
export const NOT_FINITE: i32 = -2;

/**
 * Runs one input through every layer and the final softmax.
 * a and b are two activation buffers of the widest layer's outPad + 8 floats; q holds the widest int8
 * layer's quantized inputs; idx has room for the widest layer's inputs rounded up to 8, plus 3 (i32).
 * Returns the index of the largest logit, or NOT_FINITE.
 */
export function forward(
  table: usize, nLayers: i32, x: usize, a: usize, b: usize, q: usize, idx: usize, classes: i32, dst: usize,
): i32 {
  let src = x;
  let cur = a;
  let next = b;
  for (let l = 0; l < nLayers; l++) {
    const e = table + <usize>l * LAYER_BYTES;
    const nIn = load<i32>(e, L_IN);
    const outPad = load<i32>(e, L_OUT_PAD);
    const relu = load<i32>(e, L_RELU) != 0;
    if (load<i32>(e, L_INT8)) {
      const inPad8 = load<i32>(e, L_IN_PAD8);
      const sx = quantize(src, nIn, load<f32>(e, L_QMAX), q, inPad8);
      if (sx < 0) return NOT_FINITE;
      denseI8(q, idx, nonzeroIndices(q, inPad8 >> 1, idx), sx, load<usize>(e, L_W), load<usize>(e, L_S), load<usize>(e, L_B), outPad, cur, relu);
    } else {
      denseF32(src, idx, nonzeroIndices(src, nIn, idx), load<usize>(e, L_W), load<usize>(e, L_B), outPad, cur, relu);
    }
    // Zeros past the padded outputs, so the next int8 layer can read its inputs eight at a time.
    store<u64>(cur + (<usize>outPad << 2), 0);
    store<u64>(cur + (<usize>outPad << 2), 0, 8);
    src = cur;
    cur = next;
    next = src;
  }
  return softmax(src, classes, dst);
}
