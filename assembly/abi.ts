// The contract between the wasm modules and the TypeScript loader: every number both sides must agree on.
// src/wasm/abi.ts holds the same constants under the same names; test/abi.test.ts compiles this file and
// fails when any of them differs or is missing on either side.

// What classify and classifyBatch return besides a digit (or OK).
export const STATUS_OK: i32 = 0;
/** An input value is NaN or outside [0, 1]. */
export const STATUS_BAD_INPUT: i32 = -1;
/** A value inside the network overflowed to infinity or NaN. */
export const STATUS_NOT_FINITE: i32 = -2;

// The layer table the loader writes: one entry per layer, LAYER_BYTES apart; each field 32 bits at this
// byte offset (i32 unless said otherwise).
/** Inputs. */
export const LAYER_INPUTS: i32 = 0;
/** Outputs rounded up to OUTPUT_ALIGN. */
export const LAYER_OUT_PAD: i32 = 4;
/** Inputs rounded up to INPUT_ALIGN (int8: quantized inputs). */
export const LAYER_IN_PAD8: i32 = 8;
/** 1 when the layer is followed by ReLU. */
export const LAYER_RELU: i32 = 12;
/** 1 for int8 weights, 0 for f32. */
export const LAYER_INT8: i32 = 16;
/** Address of the laid-out weights. */
export const LAYER_WEIGHTS: i32 = 20;
/** Address of the biases (outPad f32). */
export const LAYER_BIASES: i32 = 24;
/** Address of the int8 per-output scales (outPad f32). */
export const LAYER_SCALES: i32 = 28;
/** int8: the largest quantized activation (f32). */
export const LAYER_QMAX: i32 = 32;
export const LAYER_BYTES: i32 = 40;

// The memory plan.
/** Inputs are stored this many floats apart at most, rounded up: the stride between batch inputs (the padding zeros, range-checked with the input). */
export const INPUT_ALIGN: i32 = 8;
/** A layer's outputs are padded to this many (one f32x4 of weights per input). */
export const OUTPUT_ALIGN: i32 = 4;
/** Floats past the widest padded layer in each activation buffer: zeros, read by int8 layers eight at a time. */
export const ACTIVATION_SLACK: i32 = 8;
/** i32 past the widest layer's padded inputs in the nonzero-index list (SIMD appends four at a time). */
export const INDEX_SLACK: i32 = 3;

// The preprocessing module.
/** inkMap's polarity argument. */
export const POLARITY_AUTO: i32 = 0;
export const POLARITY_DARK_ON_LIGHT: i32 = 1;
export const POLARITY_LIGHT_ON_DARK: i32 = 2;
/** fit's scratch: the image's rows times outW floats, plus this many bytes per input and output row and column. */
export const FIT_BYTES_PER_LINE: i32 = 16;
