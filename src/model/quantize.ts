import { InputError } from '../errors.js';
import type { DenseLayer, DenseLayerInt8, Model } from './model.js';

/** How {@link quantizeModel} rounds the weights. */
export interface QuantizeOptions {
  /**
   * Bits per weight, 2 to 8 (default 8): weights become integers within ±(2^(bits-1) - 1), still stored
   * as int8 and run by the same kernels. One number for every layer, or one per layer. Fewer bits make a
   * model file that gzip packs smaller (what a web page ships); measure the accuracy they cost.
   */
  bits?: number | readonly number[];
}

/** One layer's weights as int8 with a symmetric per-row scale: w ≈ q * scale, |q| <= 2^(bits-1) - 1. */
export function quantizeLayer(layer: DenseLayer, bits = 8): DenseLayerInt8 {
  if (layer.weightType === 'int8') return layer;
  const { inputs, outputs, weights } = layer;
  const top = 2 ** (bits - 1) - 1;
  const q = new Int8Array(weights.length);
  const scales = new Float32Array(outputs);
  for (let j = 0; j < outputs; j++) {
    const row = weights.subarray(j * inputs, (j + 1) * inputs);
    let max = 0;
    for (let i = 0; i < inputs; i++) max = Math.max(max, Math.abs(row[i]!));
    const scale = Math.fround(max / top);
    scales[j] = scale;
    if (scale === 0) continue;
    for (let i = 0; i < inputs; i++) q[j * inputs + i] = Math.max(-top, Math.min(top, Math.round(row[i]! / scale)));
  }
  return { inputs, outputs, activation: layer.activation, weightType: 'int8', weights: q, scales, biases: layer.biases.slice() };
}

/**
 * The same model with every layer's weights quantized to int8 (biases stay f32), one scale per output.
 * Layers already int8 are kept as they are.
 * @throws {InputError} `bad-option` when `bits` is not an integer from 2 to 8 (or a list of one per layer).
 */
export function quantizeModel(model: Model, options: QuantizeOptions = {}): Model {
  const { bits = 8 } = options;
  const perLayer = typeof bits === 'number' ? model.layers.map(() => bits) : bits;
  if (!Array.isArray(perLayer) || perLayer.length !== model.layers.length || !perLayer.every((b) => Number.isInteger(b) && b >= 2 && b <= 8)) {
    throw new InputError('bad-option', `bits must be an integer from 2 to 8, or a list of ${model.layers.length} (one per layer), got ${JSON.stringify(bits)}`);
  }
  return { ...model, layers: model.layers.map((l, k) => quantizeLayer(l, perLayer[k])), metadata: { ...model.metadata } };
}
