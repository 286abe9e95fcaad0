// The kernel module's exports. The TypeScript loader lays the model out in linear memory (src/wasm/layout.ts),
// calls configure() once, then classify/classifyBatch per call. No imports: this module needs nothing from
// the host. The numbers both sides agree on are in ./abi.
import { INPUT_ALIGN, STATUS_OK } from "./abi";
import { forward } from "./forward";

let table: usize = 0;
let nLayers: i32 = 0;
let bufA: usize = 0;
let bufB: usize = 0;
let qBuf: usize = 0;
let idxBuf: usize = 0;
let inStride: i32 = 0; // floats between inputs: inputs rounded up to INPUT_ALIGN
let classes: i32 = 0;
let failedAt: i32 = -1;

/** First byte free for the loader's layout. */
export function heapBase(): usize {
  return __heap_base;
}

export function configure(
  layerTable: usize, layers: i32, a: usize, b: usize, q: usize, idx: usize, inputs: i32, outputs: i32,
): void {
  table = layerTable;
  nLayers = layers;
  bufA = a;
  bufB = b;
  qBuf = q;
  idxBuf = idx;
  inStride = (inputs + INPUT_ALIGN - 1) & ~(INPUT_ALIGN - 1);
  classes = outputs;
}

/** Classifies the input at x into probabilities at dst. Returns the digit, STATUS_BAD_INPUT or STATUS_NOT_FINITE. */
export function classify(x: usize, dst: usize): i32 {
  return forward(table, nLayers, x, bufA, bufB, qBuf, idxBuf, classes, dst);
}

/**
 * Classifies n inputs (inStride floats apart) into n * classes probabilities at dst, in order, up to the
 * first that fails. Returns STATUS_OK, or STATUS_BAD_INPUT or STATUS_NOT_FINITE with that input's index
 * in errorIndex() (dst then holds the results before it: the caller discards them).
 */
export function classifyBatch(x: usize, n: i32, dst: usize): i32 {
  failedAt = -1;
  const stride = <usize>inStride << 2;
  const outBytes = <usize>classes << 2;
  for (let i = 0; i < n; i++) {
    const r = forward(table, nLayers, x + <usize>i * stride, bufA, bufB, qBuf, idxBuf, classes, dst + <usize>i * outBytes);
    if (r < 0) {
      failedAt = i;
      return r;
    }
  }
  return STATUS_OK;
}

/**
 * Lays out an f32 layer's weights for denseF32: from the model file's output-major order at src
 * (src[j * inputs + i]) to input-major rows of outPad at dst (dst[i * outPad + j]); the padding columns
 * are left as they are (zero). Here rather than in JavaScript: at start-up, before the JIT, a loop over
 * 10,000 weights in JavaScript costs more than a millisecond.
 */
export function layoutWeights(src: usize, dst: usize, inputs: i32, outputs: i32, outPad: i32): void {
  const rowBytes = <usize>outPad << 2;
  for (let j = 0; j < outputs; j++) {
    let from = src + ((<usize>j * inputs) << 2);
    let to = dst + (<usize>j << 2);
    for (let i = 0; i < inputs; i++) {
      store<f32>(to, load<f32>(from));
      from += 4;
      to += rowBytes;
    }
  }
}

/**
 * Lays out an int8 layer's weights for denseI8: from the model file's output-major int8 at src
 * (src[j * inputs + i]) to pair-major i16 at dst (inputs 2p and 2p + 1 of output j side by side at
 * dst + (p * outPad + j) * 4); padding is left as it is (zero).
 */
export function layoutWeightsI8(src: usize, dst: usize, inputs: i32, outputs: i32, outPad: i32): void {
  for (let j = 0; j < outputs; j++) {
    for (let i = 0; i < inputs; i++) {
      store<i16>(dst + ((<usize>(i >> 1) * outPad + j) << 2) + (<usize>(i & 1) << 1), load<i8>(src + <usize>(j * inputs + i)));
    }
  }
}

export function errorIndex(): i32 {
  return failedAt;
}

// Our own abort (asconfig: --use abort=assembly/index/abort): trap, so the module imports nothing.
function abort(_message: usize, _file: usize, _line: u32, _column: u32): void {
  unreachable();
}

