// The TypeScript half of the contract with the wasm modules (assembly/abi.ts is the other half, with the
// same names and values; test/abi.test.ts compares them), and the modules' exports as typed interfaces.

/** classify / classifyBatch: success (batch). */
export const STATUS_OK = 0;
/** classify / classifyBatch: an input value is NaN or outside [0, 1]. */
export const STATUS_BAD_INPUT = -1;
/** classify / classifyBatch: a value inside the network overflowed to infinity or NaN. */
export const STATUS_NOT_FINITE = -2;

/** Byte offsets of the 32-bit fields of a layer-table entry (i32 unless said otherwise). */
export const LAYER_INPUTS = 0;
export const LAYER_OUT_PAD = 4;
export const LAYER_IN_PAD8 = 8;
export const LAYER_RELU = 12;
export const LAYER_INT8 = 16;
export const LAYER_WEIGHTS = 20;
export const LAYER_BIASES = 24;
export const LAYER_SCALES = 28;
/** f32: the largest quantized activation of an int8 layer. */
export const LAYER_QMAX = 32;
/** Bytes per layer-table entry. */
export const LAYER_BYTES = 40;

/** Inputs are stored this many floats apart, rounded up. */
export const INPUT_ALIGN = 8;
/** A layer's outputs are padded to a multiple of this. */
export const OUTPUT_ALIGN = 4;
/** Floats of zeros past the widest padded layer in each activation buffer. */
export const ACTIVATION_SLACK = 8;
/** i32 past the widest layer's padded inputs in the nonzero-index list. */
export const INDEX_SLACK = 3;

/** The preprocessing module's polarity codes (inkMap). */
export const POLARITY_AUTO = 0;
export const POLARITY_DARK_ON_LIGHT = 1;
export const POLARITY_LIGHT_ON_DARK = 2;
/** fit's scratch: the image's rows times outW floats, plus this many bytes per input and output row and column. */
export const FIT_BYTES_PER_LINE = 16;

/** The kernel module's exports (assembly/index.ts). Addresses are byte offsets in `memory`. */
export interface KernelExports {
  memory: WebAssembly.Memory;
  /** First byte free for the loader's layout. */
  heapBase(): number;
  /**
   * Once per model, after the layout: where the layer table (`layers` entries) and the scratch buffers
   * are, and the input and output sizes.
   */
  configure(table: number, layers: number, bufA: number, bufB: number, quantized: number, indices: number, inputs: number, classes: number): void;
  /** One input at `input` into `classes` probabilities at `dst`: the digit, or a negative status. */
  classify(input: number, dst: number): number;
  /** `n` inputs (a stride apart) into probabilities at `dst`: STATUS_OK or a negative status, see errorIndex. */
  classifyBatch(inputs: number, n: number, dst: number): number;
  /** The batch index of the input that failed the last classifyBatch. */
  errorIndex(): number;
  /** Lays an f32 layer's output-major weights at `src` out input-major at `dst`. */
  layoutWeights(src: number, dst: number, inputs: number, outputs: number, outPad: number): void;
  /** Lays an int8 layer's output-major weights at `src` out as i16 pairs at `dst`. */
  layoutWeightsI8(src: number, dst: number, inputs: number, outputs: number, outPad: number): void;
}

/** The preprocessing module's exports (assembly/preprocess-module.ts). Addresses are byte offsets in `memory`. */
export interface PreprocessExports {
  memory: WebAssembly.Memory;
  /** First byte free for the loader's buffers. */
  heapBase(): number;
  /** Fills `w * h` ink bytes at `ink` (room to a multiple of 8) from the pixels at `src` (`channels` per pixel, a POLARITY_* code); 1 when read from alpha. */
  inkMap(src: number, w: number, h: number, channels: number, polarity: number, ink: number): number;
  /** Takes the background (an opening over a `(2r+1)^2` window) out of the ink map; `tmp`: `3 w h + (2r + 2) max(w, h)` bytes. */
  flatten(ink: number, w: number, h: number, r: number, tmp: number): void;
  /** Writes the ink map's background level and contrast (two f32) at `out`. */
  inkLevels(ink: number, w: number, h: number, out: number): void;
  /** Writes the means of `f` x `f` blocks of the `w` x `h` image at `src` (`c` bytes a pixel) to `dst` (may be `src`), each rounded half up. */
  shrink(src: number, w: number, h: number, c: number, f: number, dst: number): void;
  /** Fits the ink (box and slant from the pixels above `threshold`) into `outW * outH` floats at `dst` (scratch at `tmp`); 0 when no pixel is ink. */
  fit(ink: number, w: number, h: number, floor: number, span: number, threshold: number, tmp: number, dst: number, outW: number, outH: number): number;
}
