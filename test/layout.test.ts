// The memory plan and the layer table (src/wasm/layout.ts), read back through the contract's names.
import { describe, expect, it } from 'vitest';
import { decodeModel, quantizeModel } from '../src/index.js';
import { defaultF32ModelBytes } from '../src/models/default-f32.js';
import {
  ACTIVATION_SLACK, INDEX_SLACK, INPUT_ALIGN, LAYER_BIASES, LAYER_BYTES, LAYER_IN_PAD8, LAYER_INPUTS, LAYER_INT8, LAYER_OUT_PAD,
  LAYER_QMAX, LAYER_RELU, LAYER_SCALES, LAYER_WEIGHTS, OUTPUT_ALIGN, type KernelExports,
} from '../src/wasm/abi.js';
import { int8ActivationLimit, memoryBytes, planMemory, writeModel } from '../src/wasm/layout.js';
import { compileSync, instantiateSync } from '../src/wasm/modules.js';

const f32Model = decodeModel(defaultF32ModelBytes());
const int8Model = quantizeModel(f32Model);

describe('planMemory', () => {
  it('lays out the table, each layer, the scratch buffers and the input region apart, 16-byte aligned', () => {
    for (const model of [f32Model, int8Model]) {
      const plan = planMemory(model, 1234);
      const regions: [string, number, number][] = [['table', plan.table, LAYER_BYTES * model.layers.length]];
      model.layers.forEach((l, k) => {
        const p = plan.layers[k]!;
        expect(p.outPad).toBe(Math.ceil(l.outputs / OUTPUT_ALIGN) * OUTPUT_ALIGN);
        expect(p.inPad8).toBe(Math.ceil(l.inputs / INPUT_ALIGN) * INPUT_ALIGN);
        regions.push([`weights ${k}`, p.w, l.weightType === 'f32' ? 4 * l.inputs * p.outPad : 2 * p.outPad * p.inPad8]);
        regions.push([`biases ${k}`, p.b, 4 * p.outPad]);
        if (l.weightType === 'int8') regions.push([`scales ${k}`, p.s, 4 * p.outPad]);
      });
      const widest = Math.max(...plan.layers.map((l) => l.outPad));
      regions.push(['bufA', plan.bufA, 4 * (widest + ACTIVATION_SLACK)], ['bufB', plan.bufB, 4 * (widest + ACTIVATION_SLACK)]);
      regions.push(['indices', plan.idxBuf, 4 * (Math.max(...plan.layers.map((l) => l.inPad8)) + INDEX_SLACK)]);
      expect(plan.table).toBeGreaterThanOrEqual(1234);
      regions.sort((a, b) => a[1] - b[1]);
      for (let i = 0; i < regions.length; i++) {
        const [name, start, bytes] = regions[i]!;
        if (name.startsWith('weights') || name === 'table' || name === 'bufA') expect(start % 16, name).toBe(0);
        const end = i + 1 < regions.length ? regions[i + 1]![1] : plan.io;
        expect(start + bytes, `${name} overlaps what follows it`).toBeLessThanOrEqual(end);
      }
      expect(plan.inStride).toBe(400);
      expect(memoryBytes(plan, 10, 3) - memoryBytes(plan, 10, 2)).toBe(4 * (400 + 10));
    }
  });

  it('bounds int8 activations so that no i32 sum of a layer can overflow', () => {
    for (const inPad8 of [8, 400, 4096]) {
      const limit = int8ActivationLimit(inPad8);
      expect(limit).toBeLessThanOrEqual(32767);
      expect(128 * inPad8 * limit).toBeLessThanOrEqual(2 ** 31 - 1);
    }
  });
});

describe('writeModel', () => {
  it('writes each layer-table field where the kernels read it', () => {
    const k = instantiateSync<KernelExports>(compileSync('wasm-simd'));
    const plan = planMemory(int8Model, k.heapBase());
    writeModel(k.memory, plan, int8Model, k);
    const view = new DataView(k.memory.buffer);
    int8Model.layers.forEach((l, i) => {
      const e = plan.table + LAYER_BYTES * i;
      const p = plan.layers[i]!;
      expect(view.getInt32(e + LAYER_INPUTS, true)).toBe(l.inputs);
      expect(view.getInt32(e + LAYER_OUT_PAD, true)).toBe(p.outPad);
      expect(view.getInt32(e + LAYER_IN_PAD8, true)).toBe(p.inPad8);
      expect(view.getInt32(e + LAYER_RELU, true)).toBe(l.activation === 'relu' ? 1 : 0);
      expect(view.getInt32(e + LAYER_INT8, true)).toBe(1);
      expect(view.getInt32(e + LAYER_WEIGHTS, true)).toBe(p.w);
      expect(view.getInt32(e + LAYER_BIASES, true)).toBe(p.b);
      expect(view.getInt32(e + LAYER_SCALES, true)).toBe(p.s);
      expect(view.getFloat32(e + LAYER_QMAX, true)).toBe(int8ActivationLimit(p.inPad8));
      expect(view.getFloat32(p.b, true)).toBe(l.biases[0]);
    });
    // the scratch the weights were laid out from reads as zeros again
    expect(new Uint8Array(k.memory.buffer, plan.io, 4096).every((v) => v === 0)).toBe(true);
  });
});
