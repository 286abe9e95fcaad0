// Lays a model out in the module's linear memory in the form the kernels read (assembly/forward.ts):
// f32 weights input-major with outputs padded to OUTPUT_ALIGN, int8 weights as i16 by pairs of inputs
// (see assembly/dense.ts), both laid out by the kernel module from the model's output-major order.
import type { Model } from '../model/model.js';
import {
  ACTIVATION_SLACK, INDEX_SLACK, INPUT_ALIGN, LAYER_BIASES, LAYER_BYTES, LAYER_IN_PAD8, LAYER_INPUTS, LAYER_INT8, LAYER_OUT_PAD,
  LAYER_QMAX, LAYER_RELU, LAYER_SCALES, LAYER_WEIGHTS, OUTPUT_ALIGN, type KernelExports,
} from './abi.js';

const PAGE = 65536;

const align = (n: number, a: number) => Math.ceil(n / a) * a;

/** Largest quantized activation for an int8 layer with inPad8 inputs, so that no i32 sum can overflow. */
export function int8ActivationLimit(inPad8: number): number {
  return Math.min(32767, Math.floor(0x7fffffff / (128 * inPad8)));
}

export interface MemoryPlan {
  table: number;
  layers: { w: number; b: number; s: number; outPad: number; inPad8: number }[];
  bufA: number;
  bufB: number;
  qBuf: number;
  /** Room for the indices of one layer's nonzero inputs (i32): the widest layer's padded inputs plus INDEX_SLACK. */
  idxBuf: number;
  /** Floats between consecutive inputs in the input region (inputs rounded up to INPUT_ALIGN). */
  inStride: number;
  /** Start of the input region; the output region follows it, sized by `capacity`. */
  io: number;
}

export function planMemory(model: Model, heapBase: number): MemoryPlan {
  let p = align(heapBase, 16);
  const table = p;
  p += align(LAYER_BYTES * model.layers.length, 16);
  let widest = 0;
  let widestInt8 = 0;
  let widestIn = 0;
  const layers = model.layers.map((l) => {
    const outPad = align(l.outputs, OUTPUT_ALIGN);
    const inPad8 = align(l.inputs, INPUT_ALIGN);
    widest = Math.max(widest, outPad);
    widestIn = Math.max(widestIn, inPad8);
    const w = p;
    p += align(l.weightType === 'f32' ? 4 * l.inputs * outPad : 2 * outPad * inPad8, 16);
    const b = p;
    p += 4 * outPad;
    let s = 0;
    if (l.weightType === 'int8') {
      widestInt8 = Math.max(widestInt8, inPad8);
      s = p;
      p += 4 * outPad;
    }
    return { w, b, s, outPad, inPad8 };
  });
  const bufBytes = align(4 * (widest + ACTIVATION_SLACK), 16);
  const bufA = p;
  const bufB = bufA + bufBytes;
  const qBuf = bufB + bufBytes;
  const idxBuf = qBuf + align(2 * widestInt8, 16);
  p = idxBuf + align(4 * (widestIn + INDEX_SLACK), 16);
  return { table, layers, bufA, bufB, qBuf, idxBuf, inStride: align(model.layers[0]!.inputs, INPUT_ALIGN), io: p };
}

/** Bytes of memory needed for the plan with room for `capacity` inputs and their outputs. */
export function memoryBytes(plan: MemoryPlan, classes: number, capacity: number): number {
  return plan.io + capacity * 4 * (plan.inStride + classes);
}

export function growMemory(memory: WebAssembly.Memory, bytes: number): void {
  const missing = Math.ceil((bytes - memory.buffer.byteLength) / PAGE);
  if (missing > 0) memory.grow(missing);
}

/**
 * Writes the layer table, weights, biases and scales into memory still zeroed (grown as needed; views
 * of its buffer made before are detached). Weights are copied as they are to the free memory at plan.io,
 * and laid out from there by the kernel module (`layoutWeights`, `layoutWeightsI8`).
 */
export function writeModel(memory: WebAssembly.Memory, plan: MemoryPlan, model: Model, kernel: Pick<KernelExports, 'layoutWeights' | 'layoutWeightsI8'>): void {
  const scratch = Math.max(0, ...model.layers.map((l) => l.weights.byteLength));
  growMemory(memory, plan.io + scratch);
  const buf = memory.buffer;
  const f32 = new Float32Array(buf);
  const i32 = new Int32Array(buf);
  const i8 = new Int8Array(buf);
  model.layers.forEach((l, k) => {
    const { w, b, s, outPad, inPad8 } = plan.layers[k]!;
    const e = plan.table + LAYER_BYTES * k;
    i32[(e + LAYER_INPUTS) >> 2] = l.inputs;
    i32[(e + LAYER_OUT_PAD) >> 2] = outPad;
    i32[(e + LAYER_IN_PAD8) >> 2] = inPad8;
    i32[(e + LAYER_RELU) >> 2] = l.activation === 'relu' ? 1 : 0;
    i32[(e + LAYER_INT8) >> 2] = l.weightType === 'int8' ? 1 : 0;
    i32[(e + LAYER_WEIGHTS) >> 2] = w;
    i32[(e + LAYER_BIASES) >> 2] = b;
    i32[(e + LAYER_SCALES) >> 2] = s;
    f32[(e + LAYER_QMAX) >> 2] = int8ActivationLimit(inPad8);
    f32.set(l.biases, b >> 2);
    if (l.weightType === 'f32') {
      f32.set(l.weights, plan.io >> 2);
      kernel.layoutWeights(plan.io, w, l.inputs, l.outputs, outPad);
    } else {
      f32.set(l.scales, s >> 2);
      i8.set(l.weights, plan.io);
      kernel.layoutWeightsI8(plan.io, w, l.inputs, l.outputs, outPad);
    }
  });
  // The input region must read as zeros again (the kernels range-check an input's padding).
  i8.fill(0, plan.io, plan.io + scratch);
}
