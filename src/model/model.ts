/** What follows a layer's weighted sum. The last layer is always `softmax`; hidden layers never are. */
export type Activation = 'none' | 'relu' | 'softmax';

/** How a layer's weights are stored. */
export type WeightType = 'f32' | 'int8';

interface LayerShape {
  /** Number of inputs. */
  inputs: number;
  /** Number of outputs (units). */
  outputs: number;
  activation: Activation;
}

/** A dense layer with float weights. `weights` is row-major by output: `weights[j * inputs + i]`. */
export interface DenseLayerF32 extends LayerShape {
  weightType: 'f32';
  weights: Float32Array;
  biases: Float32Array;
}

/**
 * A dense layer with int8 weights and one float scale per output row: the weight into output j from
 * input i is `weights[j * inputs + i] * scales[j]`.
 */
export interface DenseLayerInt8 extends LayerShape {
  weightType: 'int8';
  weights: Int8Array;
  scales: Float32Array;
  biases: Float32Array;
}

export type DenseLayer = DenseLayerF32 | DenseLayerInt8;

/** Free-form facts about a model (architecture, accuracy, training date, seed, …), stored as JSON. */
export type ModelMetadata = { [key: string]: unknown };

/** A dense network over an `inputHeight` x `inputWidth` image, as stored in a model file. */
export interface Model {
  inputHeight: number;
  inputWidth: number;
  layers: DenseLayer[];
  metadata: ModelMetadata;
}

/** Hard limits of the model format: a file over any of them is refused before anything is allocated. */
export const MODEL_LIMITS = Object.freeze({
  maxLayers: 16,
  maxUnits: 4096,
  maxInputSide: 256,
  maxParameters: 4 * 1024 * 1024,
  maxMetadataBytes: 16 * 1024,
});
