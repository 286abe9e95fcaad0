import type { DenseLayer, Model } from '../../src/model/model.js';
import { quantizeLayer } from '../../src/model/quantize.js';
import { rng } from '../../tools/shared/rng.js';

/**
 * A random dense stack with He-like weights. `dims` = [inputs, hidden..., classes]; `int8` chooses which
 * layers are quantized ('none', 'all', or 'mixed' = every other layer).
 */
export function randomModel(seed: number, dims: number[], height: number, width: number, int8: 'none' | 'all' | 'mixed' = 'none'): Model {
  const r = rng(seed);
  const layers: DenseLayer[] = [];
  for (let k = 0; k + 1 < dims.length; k++) {
    const inputs = dims[k]!;
    const outputs = dims[k + 1]!;
    const scale = 2 * Math.sqrt(3 / inputs);
    const f32: DenseLayer = {
      inputs,
      outputs,
      activation: k + 2 === dims.length ? 'softmax' : r() < 0.8 ? 'relu' : 'none',
      weightType: 'f32',
      weights: Float32Array.from({ length: inputs * outputs }, () => (r() - 0.5) * scale),
      biases: Float32Array.from({ length: outputs }, () => (r() - 0.5) * 0.2),
    };
    layers.push(int8 === 'all' || (int8 === 'mixed' && k % 2 === 1) ? quantizeLayer(f32) : f32);
  }
  return { inputHeight: height, inputWidth: width, layers, metadata: { seed } };
}

/** n random inputs in [0, 1], with about a third of the values exactly 0 (like images). */
export function randomInputs(seed: number, n: number, size: number): Float32Array {
  const r = rng(seed);
  return Float32Array.from({ length: n * size }, () => (r() < 0.35 ? 0 : r()));
}

/** The default architecture, 400-25-15-10 over 20x20. */
export const DEFAULT_DIMS = [400, 25, 15, 10];
