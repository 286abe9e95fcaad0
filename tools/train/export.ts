// TF.js Layers dense weights to a tinydigit Model.
import type { DenseLayer, Model, ModelMetadata } from '../../src/index.js';

/** One dense layer's TF.js kernel ([inputs][outputs], input-major) and bias. */
export interface TfDense {
  kernel: Float32Array;
  bias: Float32Array;
  inputs: number;
  outputs: number;
}

export function modelFromTf(layers: TfDense[], side: number, metadata: ModelMetadata): Model {
  const dense: DenseLayer[] = layers.map((l, k) => {
    const weights = new Float32Array(l.inputs * l.outputs);
    for (let i = 0; i < l.inputs; i++) for (let j = 0; j < l.outputs; j++) weights[j * l.inputs + i] = l.kernel[i * l.outputs + j]!;
    return { inputs: l.inputs, outputs: l.outputs, activation: k === layers.length - 1 ? 'softmax' : 'relu', weightType: 'f32', weights, biases: l.bias.slice() };
  });
  return { inputHeight: side, inputWidth: side, layers: dense, metadata };
}
