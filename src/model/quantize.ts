import type { DenseLayer, DenseLayerInt8, Model } from './model.js';

/** One layer's weights as int8 with a symmetric per-row scale: w ≈ q * scale, |q| <= 127. */
export function quantizeLayer(layer: DenseLayer): DenseLayerInt8 {
  if (layer.weightType === 'int8') return layer;
  const { inputs, outputs, weights } = layer;
  const q = new Int8Array(weights.length);
  const scales = new Float32Array(outputs);
  for (let j = 0; j < outputs; j++) {
    const row = weights.subarray(j * inputs, (j + 1) * inputs);
    let max = 0;
    for (let i = 0; i < inputs; i++) max = Math.max(max, Math.abs(row[i]!));
    const scale = Math.fround(max / 127);
    scales[j] = scale;
    if (scale === 0) continue;
    for (let i = 0; i < inputs; i++) q[j * inputs + i] = Math.max(-127, Math.min(127, Math.round(row[i]! / scale)));
  }
  return { inputs, outputs, activation: layer.activation, weightType: 'int8', weights: q, scales, biases: layer.biases.slice() };
}

/** The same model with every layer's weights quantized to int8 (biases stay f32). */
export function quantizeModel(model: Model): Model {
  return { ...model, layers: model.layers.map(quantizeLayer), metadata: { ...model.metadata } };
}
