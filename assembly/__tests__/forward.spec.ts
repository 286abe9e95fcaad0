import {
  LAYER_BIASES, LAYER_BYTES, LAYER_IN_PAD8, LAYER_INPUTS, LAYER_INT8, LAYER_OUT_PAD, LAYER_QMAX, LAYER_RELU, LAYER_SCALES,
  LAYER_WEIGHTS, STATUS_BAD_INPUT, STATUS_NOT_FINITE,
} from "../abi";
import { forward } from "../forward";
import { f, setF } from "./helpers";

// A 2-4-2 network laid out as the loader lays it (src/wasm/layout.ts): a layer table, input-major f32
// weights with outputs padded to 4, and the scratch buffers forward() needs.
const mem = memory.data(2048, 16);
const table = mem;
const w0 = mem + 128;
const b0 = mem + 256;
const w1 = mem + 384;
const b1 = mem + 512;
const x = mem + 640;
const bufA = mem + 768;
const bufB = mem + 896;
const q = mem + 1024;
const idx = mem + 1152;
const dst = mem + 1536;

function layer(k: i32, inputs: i32, relu: bool, w: usize, bias: usize): void {
  const e = table + <usize>(k * LAYER_BYTES);
  store<i32>(e + LAYER_INPUTS, inputs);
  store<i32>(e + LAYER_OUT_PAD, 4);
  store<i32>(e + LAYER_IN_PAD8, 8);
  store<i32>(e + LAYER_RELU, relu ? 1 : 0);
  store<i32>(e + LAYER_INT8, 0);
  store<i32>(e + LAYER_WEIGHTS, <i32>w);
  store<i32>(e + LAYER_BIASES, <i32>bias);
  store<i32>(e + LAYER_SCALES, 0);
  store<f32>(e + LAYER_QMAX, 0);
}

function setUp(): void {
  memory.fill(mem, 0, 2048);
  layer(0, 2, true, w0, b0);
  layer(1, 4, false, w1, b1);
  // layer 0: input 0 -> outputs (1, -1), input 1 -> (0, 2); layer 1: hidden 0 -> logit 0 with weight 2
  setF(w0, [1, -1, 0, 0, 0, 2, 0, 0]);
  setF(w1, [2, 0, 0, 0]);
  setF(b1, [0, 0.5, 0, 0]);
}

describe("forward", () => {
  it("runs every layer of the table, ReLU where marked, then softmax", () => {
    setUp();
    // hidden = relu(1 * (1, -1) + 0.5 * (0, 2)) = (1, 0); logits = (2, 0.5)
    setF(x, [1, 0.5]);
    expect(forward(table, 2, x, bufA, bufB, q, idx, 2, dst)).toBe(0);
    const p0: f64 = 1 / (1 + Math.exp(-1.5));
    expect(Math.abs(f(dst, 0) - p0)).toBeLessThan(1e-6);
    expect(Math.abs(f(dst, 1) - (1 - p0))).toBeLessThan(1e-6);
  });

  it("follows the ReLU: a negative hidden unit contributes nothing", () => {
    setUp();
    // hidden = relu(0 * (1, -1) + 1 * (0, 2)) = (0, 2); logits = (0, 0.5): the second class wins
    setF(x, [0, 1]);
    expect(forward(table, 2, x, bufA, bufB, q, idx, 2, dst)).toBe(1);
  });

  it("refuses an input value outside [0, 1] or NaN, in the padding too, before writing any result", () => {
    const bad: f32[] = [-0.5, 1.5, NaN];
    for (let k = 0; k < bad.length; k++) {
      setUp();
      store<f32>(dst, 42);
      setF(x, [1, 0, 0, 0, 0, 0, 0, bad[k]]);
      expect(forward(table, 2, x, bufA, bufB, q, idx, 2, dst)).toBe(STATUS_BAD_INPUT);
      setF(x, [bad[k], 0]);
      expect(forward(table, 2, x, bufA, bufB, q, idx, 2, dst)).toBe(STATUS_BAD_INPUT);
      expect(f(dst, 0)).toBe(42);
    }
  });

  it("reports values that overflow inside the network", () => {
    setUp();
    setF(w0, [3e38, 0, 0, 0, 0, 0, 0, 0]);
    setF(w1, [3e38, 0, 0, 0]);
    setF(x, [1, 0]);
    expect(forward(table, 2, x, bufA, bufB, q, idx, 2, dst)).toBe(STATUS_NOT_FINITE);
  });
});
