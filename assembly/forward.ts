import { denseF32, denseI8, nonzeroIndices, quantize, quantizeInputs } from "./dense";
import { inUnitRange } from "./validate";
import { softmax } from "./softmax";
import {
  LAYER_BIASES, LAYER_BYTES, LAYER_IN_PAD8, LAYER_INPUTS, LAYER_INT8, LAYER_OUT_PAD, LAYER_QMAX, LAYER_RELU, LAYER_SCALES,
  LAYER_WEIGHTS, STATUS_BAD_INPUT, STATUS_NOT_FINITE,
} from "./abi";

/**
 * Runs one input through every layer and the final softmax.
 * a and b are two activation buffers of the widest layer's outPad + ACTIVATION_SLACK floats; q holds the widest int8
 * layer's quantized inputs; idx has room for the widest layer's inputs rounded up to INPUT_ALIGN, plus INDEX_SLACK (i32).
 * Returns the index of the largest logit, STATUS_BAD_INPUT (an input value NaN or outside [0, 1]) or STATUS_NOT_FINITE.
 */
export function forward(
  table: usize, nLayers: i32, x: usize, a: usize, b: usize, q: usize, idx: usize, classes: i32, dst: usize,
): i32 {
  let src = x;
  let cur = a;
  let next = b;
  for (let l = 0; l < nLayers; l++) {
    const e = table + <usize>(l * LAYER_BYTES);
    const nIn = load<i32>(e, LAYER_INPUTS);
    const outPad = load<i32>(e, LAYER_OUT_PAD);
    const relu = load<i32>(e, LAYER_RELU) != 0;
    const inPad8 = load<i32>(e, LAYER_IN_PAD8);
    // The network's inputs are checked here, in the first layer's pass over them: each must lie in [0, 1].
    if (load<i32>(e, LAYER_INT8)) {
      const qmax = load<f32>(e, LAYER_QMAX);
      let count: i32;
      let sx: f32;
      if (l == 0) {
        count = quantizeInputs(src, inPad8, qmax, q, idx);
        if (count < 0) return STATUS_BAD_INPUT;
        sx = 1 / qmax;
      } else {
        sx = quantize(src, nIn, qmax, q, inPad8);
        if (sx < 0) return STATUS_NOT_FINITE;
        count = nonzeroIndices(q, inPad8 >> 1, idx);
      }
      denseI8(q, idx, count, sx, load<usize>(e, LAYER_WEIGHTS), load<usize>(e, LAYER_SCALES), load<usize>(e, LAYER_BIASES), outPad, cur, relu);
    } else {
      if (l == 0 && !inUnitRange(src, inPad8)) return STATUS_BAD_INPUT;
      denseF32(src, idx, nonzeroIndices(src, nIn, idx), load<usize>(e, LAYER_WEIGHTS), load<usize>(e, LAYER_BIASES), outPad, cur, relu);
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
