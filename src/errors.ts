/** Base class of every error tinydigit throws on purpose; `code` says what went wrong, for programs. */
export class TinydigitError extends Error {
  // spelt out, not new.target.name: a minifier renames classes (the name would be "Y" in a bundle)
  override name = 'TinydigitError';
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.code = code;
  }
}

/** Why a model file (or a model object given to `encodeModel`) was refused. */
export type ModelFormatErrorCode =
  | 'invalid-argument'
  | 'truncated'
  | 'trailing-bytes'
  | 'bad-magic'
  | 'unsupported-version'
  | 'bad-header'
  | 'too-large'
  | 'bad-activation'
  | 'bad-weight-type'
  | 'shape-mismatch'
  | 'crc-mismatch'
  | 'bad-metadata'
  | 'bad-padding'
  | 'non-finite'
  | 'bad-scale';

/** A model file is malformed, corrupt, over the format's limits, or not a valid dense stack. */
export class ModelFormatError extends TinydigitError {
  override name = 'ModelFormatError';
  declare readonly code: ModelFormatErrorCode;
  constructor(code: ModelFormatErrorCode, message: string) {
    super(code, message);
  }
}

/** Why an input was refused. */
export type InputErrorCode =
  | 'bad-type'
  | 'bad-length'
  | 'not-finite'
  | 'out-of-range'
  | 'bad-output'
  | 'bad-image'
  | 'image-too-large'
  | 'bad-option';

/**
 * An argument is not usable: an input given to `classify`/`classifyBatch`/`preprocess`, an image, an output
 * buffer, or an option (`bad-option`) of any call, `loadClassifier` and `createPool` included.
 */
export class InputError extends TinydigitError {
  override name = 'InputError';
  declare readonly code: InputErrorCode;
  /** For batches: the index of the offending input. */
  readonly index: number | undefined;
  constructor(code: InputErrorCode, message: string, index?: number) {
    super(code, message);
    this.index = index;
  }
}

/** Why the engine could not do what was asked. */
export type EngineErrorCode = 'simd-unsupported' | 'disposed' | 'not-finite-output' | 'missing-import' | 'worker-crashed' | 'worker-failed';

/**
 * The engine cannot run as asked: SIMD forced where it is missing, a disposed classifier, overflow,
 * readNumber without `import 'tinydigit/number'` (`missing-import`); for
 * pools, a job whose workers kept crashing (`worker-crashed`) or a worker that could not start.
 */
export class EngineError extends TinydigitError {
  override name = 'EngineError';
  declare readonly code: EngineErrorCode;
  constructor(code: EngineErrorCode, message: string) {
    super(code, message);
  }
}
