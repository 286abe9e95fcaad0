// A plain float64 reference forward pass, written from the model's definition, not from the kernels.
import type { Model } from '../../src/model/model.js';
import { int8ActivationLimit } from '../../src/wasm/layout.js';

const roundHalfEven = (v: number) => {
  const f = Math.floor(v);
  const d = v - f;
  return d > 0.5 || (d === 0.5 && f % 2 !== 0) ? f + 1 : f;
};

/**
 * Probabilities for one input. int8 layers use their dequantized weights; with `quantizeActivations`,
 * their inputs are also rounded to 16-bit steps of max|x| / qmax as the engine documents (the network's
 * inputs, in [0, 1], to steps of 1 / qmax).
 */
export function referenceForward(model: Model, input: ArrayLike<number>, quantizeActivations = true): Float64Array {
  let h = Array.from(input, Number);
  for (const [k, l] of model.layers.entries()) {
    let x = h;
    if (l.weightType === 'int8' && quantizeActivations) {
      const qmax = int8ActivationLimit(Math.ceil(l.inputs / 8) * 8);
      const mx = k === 0 ? 1 : Math.fround(Math.max(0, ...x.map((v) => Math.abs(Math.fround(v)))));
      const inv = mx > 0 ? Math.fround(qmax / mx) : 0;
      const sx = mx > 0 ? mx / qmax : 0;
      x = x.map((v) => roundHalfEven(Math.fround(Math.fround(v) * inv)) * sx);
    }
    const out: number[] = [];
    for (let j = 0; j < l.outputs; j++) {
      let s = l.biases[j]!;
      const scale = l.weightType === 'int8' ? l.scales[j]! : 1;
      for (let i = 0; i < l.inputs; i++) s += l.weights[j * l.inputs + i]! * scale * x[i]!;
      out.push(l.activation === 'relu' ? Math.max(0, s) : s);
    }
    h = out;
  }
  const m = Math.max(...h);
  const e = h.map((v) => Math.exp(v - m));
  const sum = e.reduce((a, b) => a + b, 0);
  return Float64Array.from(e, (v) => v / sum);
}
