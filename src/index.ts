export { Classifier, DIGIT_MIN_CONFIDENCE, loadClassifier, loadClassifierSync } from './classifier.js';
/** @internal For tinydigit/pool and tinydigit/number, which share this bundle. */
export { checkBatch, classifierFromParts, classifierParts, registerNumberReader } from './classifier.js';
/** @internal */
export type { ClassifierParts } from './classifier.js';
/** @internal */
export { fitInk, hasInk, inkMapOf } from './preprocess.js';
export type { Classification, ClassifierOptions, ClassifyImageOptions, ModelInfo } from './classifier.js';
export type { DigitReading, NumberReading, ReadNumberOptions } from './read-number/read-number.js';
export type { Box } from './read-number/pieces.js';
export { simdSupported } from './wasm/modules.js';
export type { Backend, SimdOption } from './wasm/modules.js';
export { EngineError, InputError, ModelFormatError, TinydigitError } from './errors.js';
export type { EngineErrorCode, InputErrorCode, ModelFormatErrorCode } from './errors.js';
export { MODEL_LIMITS } from './model/model.js';
export type { Activation, DenseLayer, DenseLayerF32, DenseLayerInt8, Model, ModelMetadata, WeightType } from './model/model.js';
export { decodeModel, encodeModel, MODEL_FORMAT_VERSION } from './model/format.js';
export { quantizeModel } from './model/quantize.js';
export type { QuantizeOptions } from './model/quantize.js';
export { preprocess, MAX_IMAGE_SIDE } from './preprocess.js';
export type { ImageLike, Polarity, PreprocessOptions } from './preprocess.js';
export { defaultModelBytes } from './model/embedded.js';
export type { DefaultModelName } from './model/embedded.js';
