// The tinydigit model file (.tdm): see docs/FORMAT.md for the byte-level specification.
import { crc32 } from './crc32.js';
import { ModelFormatError } from '../errors.js';
import { MODEL_LIMITS, type Activation, type DenseLayer, type Model, type ModelMetadata, type WeightType } from './model.js';

export const MODEL_MAGIC = 'TDMF';
export const MODEL_FORMAT_VERSION = 1;
const HEADER_BYTES = 16;
const RECORD_BYTES = 8;
const CRC_BYTES = 4;
const ACTIVATIONS: readonly Activation[] = ['none', 'relu', 'softmax'];
const WEIGHT_TYPES: readonly WeightType[] = ['f32', 'int8'];

interface LayerRecord {
  inputs: number;
  outputs: number;
  activation: Activation;
  weightType: WeightType;
}

const align4 = (n: number) => (n + 3) & ~3;

function payloadBytes(r: LayerRecord): number {
  const n = r.inputs * r.outputs;
  return r.weightType === 'f32' ? 4 * (n + r.outputs) : 8 * r.outputs + align4(n);
}

/** Checks the shape chain and limits shared by encoding and decoding. */
function checkShapes(height: number, width: number, records: LayerRecord[]): void {
  const L = MODEL_LIMITS;
  if (!Number.isInteger(height) || !Number.isInteger(width) || height < 1 || width < 1) {
    throw new ModelFormatError('bad-header', `input size must be positive integers, got ${height}x${width}`);
  }
  if (height > L.maxInputSide || width > L.maxInputSide || height * width > L.maxUnits) {
    throw new ModelFormatError('too-large', `input ${height}x${width} exceeds ${L.maxInputSide} per side or ${L.maxUnits} values`);
  }
  if (records.length < 1) throw new ModelFormatError('bad-header', 'a model needs at least one layer');
  if (records.length > L.maxLayers) {
    throw new ModelFormatError('too-large', `${records.length} layers exceed the limit of ${L.maxLayers}`);
  }
  let parameters = 0;
  let expectedInputs = height * width;
  records.forEach((r, i) => {
    for (const [name, v] of [['inputs', r.inputs], ['outputs', r.outputs]] as const) {
      if (!Number.isInteger(v) || v < 1) throw new ModelFormatError('bad-header', `layer ${i}: ${name} must be a positive integer, got ${v}`);
      if (v > L.maxUnits) throw new ModelFormatError('too-large', `layer ${i}: ${v} ${name} exceed the limit of ${L.maxUnits}`);
    }
    if (r.inputs !== expectedInputs) {
      throw new ModelFormatError('shape-mismatch', `layer ${i} takes ${r.inputs} inputs but receives ${expectedInputs}`);
    }
    const last = i === records.length - 1;
    if (!ACTIVATIONS.includes(r.activation)) throw new ModelFormatError('bad-activation', `layer ${i}: unknown activation ${String(r.activation)}`);
    if (last !== (r.activation === 'softmax')) {
      throw new ModelFormatError('bad-activation', `layer ${i}: ${last ? 'the last layer must be softmax' : 'only the last layer may be softmax'}`);
    }
    if (!WEIGHT_TYPES.includes(r.weightType)) throw new ModelFormatError('bad-weight-type', `layer ${i}: unknown weight type ${String(r.weightType)}`);
    parameters += r.inputs * r.outputs + r.outputs;
    expectedInputs = r.outputs;
  });
  if (parameters > L.maxParameters) {
    throw new ModelFormatError('too-large', `${parameters} parameters exceed the limit of ${L.maxParameters}`);
  }
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

function checkFinite(values: Float32Array, what: string): void {
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) throw new ModelFormatError('non-finite', `${what}[${i}] is ${values[i]}`);
  }
}

function checkScales(scales: Float32Array, layer: number): void {
  checkFinite(scales, `layer ${layer} scales`);
  for (let j = 0; j < scales.length; j++) {
    if (scales[j]! < 0) throw new ModelFormatError('bad-scale', `layer ${layer}: scale ${j} is negative (${scales[j]})`);
  }
}

function encodeMetadata(metadata: ModelMetadata): Uint8Array {
  if (metadata === null || typeof metadata !== 'object' || Array.isArray(metadata)) {
    throw new ModelFormatError('bad-metadata', 'metadata must be a plain object');
  }
  const json = Object.keys(metadata).length === 0 ? '' : JSON.stringify(metadata);
  const bytes = new TextEncoder().encode(json);
  if (bytes.length > MODEL_LIMITS.maxMetadataBytes) {
    throw new ModelFormatError('too-large', `metadata is ${bytes.length} bytes, over the limit of ${MODEL_LIMITS.maxMetadataBytes}`);
  }
  return bytes;
}

function decodeMetadata(bytes: Uint8Array): ModelMetadata {
  if (bytes.length === 0) return {};
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (e) {
    throw new ModelFormatError('bad-metadata', `metadata is not UTF-8 JSON: ${(e as Error).message}`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new ModelFormatError('bad-metadata', 'metadata must be a JSON object');
  }
  return value as ModelMetadata;
}

/**
 * Checks a model object as {@link decodeModel} checks a file (shapes, typed arrays of the right lengths,
 * finite values, scales, metadata within the limits) and returns its records and metadata's bytes.
 */
function checkModelObject(model: Model): { records: LayerRecord[]; meta: Uint8Array } {
  if (model === null || typeof model !== 'object' || !Array.isArray(model.layers)) {
    throw new ModelFormatError('invalid-argument', 'expected a Model object');
  }
  const records: LayerRecord[] = model.layers.map((l) => ({
    inputs: l.inputs, outputs: l.outputs, activation: l.activation, weightType: l.weightType,
  }));
  checkShapes(model.inputHeight, model.inputWidth, records);
  model.layers.forEach((l, i) => {
    const n = l.inputs * l.outputs;
    const typed = l.weightType === 'f32' ? l.weights instanceof Float32Array : l.weights instanceof Int8Array;
    if (!typed || l.weights.length !== n) {
      throw new ModelFormatError('shape-mismatch', `layer ${i}: weights must be a ${l.weightType === 'f32' ? 'Float32Array' : 'Int8Array'} of ${n} values`);
    }
    if (!(l.biases instanceof Float32Array) || l.biases.length !== l.outputs) {
      throw new ModelFormatError('shape-mismatch', `layer ${i}: biases must be a Float32Array of ${l.outputs} values`);
    }
    checkFinite(l.biases, `layer ${i} biases`);
    if (l.weightType === 'f32') checkFinite(l.weights, `layer ${i} weights`);
    else {
      if (!(l.scales instanceof Float32Array) || l.scales.length !== l.outputs) {
        throw new ModelFormatError('shape-mismatch', `layer ${i}: scales must be a Float32Array of ${l.outputs} values`);
      }
      checkScales(l.scales, i);
    }
  });
  return { records, meta: encodeMetadata(model.metadata ?? {}) };
}

/**
 * A valid model object's own copy (no array shared with `model`), checked as {@link decodeModel} checks a
 * file: what a classifier runs, without writing the file and reading it back.
 */
export function copyModel(model: Model): Model {
  checkModelObject(model);
  const layers = model.layers.map((l): DenseLayer =>
    l.weightType === 'f32'
      ? { ...l, weights: l.weights.slice(), biases: l.biases.slice() }
      : { ...l, weights: l.weights.slice(), scales: l.scales.slice(), biases: l.biases.slice() },
  );
  return { inputHeight: model.inputHeight, inputWidth: model.inputWidth, layers, metadata: JSON.parse(JSON.stringify(model.metadata ?? {})) as ModelMetadata };
}

/**
 * Writes a model as a model file (format version 1). Throws {@link ModelFormatError} if the model is
 * not a valid dense stack within {@link MODEL_LIMITS}.
 */
export function encodeModel(model: Model): Uint8Array {
  const { records, meta } = checkModelObject(model);
  const metaEnd = HEADER_BYTES + RECORD_BYTES * records.length + meta.length;
  const total = align4(metaEnd) + records.reduce((s, r) => s + payloadBytes(r), 0) + CRC_BYTES;
  const bytes = new Uint8Array(total);
  const dv = new DataView(bytes.buffer);
  bytes.set(new TextEncoder().encode(MODEL_MAGIC), 0);
  dv.setUint16(4, MODEL_FORMAT_VERSION, true);
  dv.setUint16(6, 0, true);
  dv.setUint16(8, model.inputHeight, true);
  dv.setUint16(10, model.inputWidth, true);
  dv.setUint16(12, records.length, true);
  dv.setUint16(14, meta.length, true);
  records.forEach((r, i) => {
    const o = HEADER_BYTES + RECORD_BYTES * i;
    dv.setUint16(o, r.inputs, true);
    dv.setUint16(o + 2, r.outputs, true);
    dv.setUint8(o + 4, ACTIVATIONS.indexOf(r.activation));
    dv.setUint8(o + 5, WEIGHT_TYPES.indexOf(r.weightType));
  });
  bytes.set(meta, HEADER_BYTES + RECORD_BYTES * records.length);
  let o = align4(metaEnd);
  const putF32 = (values: Float32Array) => {
    for (let i = 0; i < values.length; i++, o += 4) dv.setFloat32(o, values[i]!, true);
  };
  for (const l of model.layers) {
    if (l.weightType === 'f32') {
      putF32(l.weights);
      putF32(l.biases);
    } else {
      putF32(l.scales);
      putF32(l.biases);
      bytes.set(new Uint8Array(l.weights.buffer, l.weights.byteOffset, l.weights.length), o);
      o += align4(l.weights.length);
    }
  }
  dv.setUint32(o, crc32(bytes.subarray(0, o)), true);
  return bytes;
}

function asBytes(input: unknown): Uint8Array {
  if (input instanceof Uint8Array) return input;
  if (input instanceof ArrayBuffer) return new Uint8Array(input);
  if (ArrayBuffer.isView(input)) return new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  throw new ModelFormatError('invalid-argument', 'a model file must be given as a Uint8Array, an ArrayBuffer or an ArrayBufferView');
}

/**
 * Reads a model file. Every way a file can be wrong ends in a {@link ModelFormatError} with a `code`;
 * sizes are checked against {@link MODEL_LIMITS} and the file's length before anything is allocated.
 * The returned model owns its arrays (nothing aliases `input`).
 */
export function decodeModel(input: Uint8Array | ArrayBuffer | ArrayBufferView): Model {
  return decodeModelFile(input, false);
}

/**
 * {@link decodeModel}; `trusted` files (the embedded default models, which tools/build.mjs decodes with
 * every check before embedding them) skip the CRC and the per-value checks (finite weights, scales):
 * loops over 40 KB in JavaScript not yet compiled cost milliseconds at start-up. The structural checks
 * (sizes, shapes, padding) always run.
 */
export function decodeModelFile(input: Uint8Array | ArrayBuffer | ArrayBufferView, trusted: boolean): Model {
  const bytes = asBytes(input);
  const n = bytes.length;
  if (n < HEADER_BYTES + CRC_BYTES) throw new ModelFormatError('truncated', `${n} bytes is too short for a model file`);
  const dv = new DataView(bytes.buffer, bytes.byteOffset, n);
  const magic = String.fromCharCode(bytes[0]!, bytes[1]!, bytes[2]!, bytes[3]!);
  if (magic !== MODEL_MAGIC) throw new ModelFormatError('bad-magic', `not a tinydigit model file (magic ${JSON.stringify(magic)})`);
  const version = dv.getUint16(4, true);
  if (version !== MODEL_FORMAT_VERSION) {
    throw new ModelFormatError('unsupported-version', `format version ${version} is not supported (this library reads ${MODEL_FORMAT_VERSION})`);
  }
  if (dv.getUint16(6, true) !== 0) throw new ModelFormatError('bad-header', 'reserved flags are set');
  const height = dv.getUint16(8, true);
  const width = dv.getUint16(10, true);
  const layerCount = dv.getUint16(12, true);
  const metaLength = dv.getUint16(14, true);
  if (layerCount > MODEL_LIMITS.maxLayers) {
    throw new ModelFormatError('too-large', `${layerCount} layers exceed the limit of ${MODEL_LIMITS.maxLayers}`);
  }
  if (metaLength > MODEL_LIMITS.maxMetadataBytes) {
    throw new ModelFormatError('too-large', `metadata of ${metaLength} bytes exceeds the limit of ${MODEL_LIMITS.maxMetadataBytes}`);
  }
  const metaStart = HEADER_BYTES + RECORD_BYTES * layerCount;
  if (n < metaStart + CRC_BYTES) throw new ModelFormatError('truncated', `${n} bytes cannot hold ${layerCount} layer records`);
  const records: LayerRecord[] = [];
  for (let i = 0; i < layerCount; i++) {
    const o = HEADER_BYTES + RECORD_BYTES * i;
    const act = dv.getUint8(o + 4);
    const type = dv.getUint8(o + 5);
    if (dv.getUint16(o + 6, true) !== 0) throw new ModelFormatError('bad-header', `layer ${i}: reserved bytes are set`);
    if (act >= ACTIVATIONS.length) throw new ModelFormatError('bad-activation', `layer ${i}: unknown activation code ${act}`);
    if (type >= WEIGHT_TYPES.length) throw new ModelFormatError('bad-weight-type', `layer ${i}: unknown weight type code ${type}`);
    records.push({ inputs: dv.getUint16(o, true), outputs: dv.getUint16(o + 2, true), activation: ACTIVATIONS[act]!, weightType: WEIGHT_TYPES[type]! });
  }
  checkShapes(height, width, records);
  const payloadStart = align4(metaStart + metaLength);
  const expected = payloadStart + records.reduce((s, r) => s + payloadBytes(r), 0) + CRC_BYTES;
  if (n < expected) throw new ModelFormatError('truncated', `file is ${n} bytes, its header describes ${expected}`);
  if (n > expected) throw new ModelFormatError('trailing-bytes', `file is ${n} bytes, its header describes ${expected}`);
  const stored = dv.getUint32(n - CRC_BYTES, true);
  const actual = trusted ? stored : crc32(bytes.subarray(0, n - CRC_BYTES));
  if (stored !== actual) {
    throw new ModelFormatError('crc-mismatch', `checksum mismatch (stored ${stored.toString(16).padStart(8, '0')}, computed ${actual.toString(16).padStart(8, '0')}): the file is corrupt`);
  }
  for (let o = metaStart + metaLength; o < payloadStart; o++) {
    if (bytes[o] !== 0) throw new ModelFormatError('bad-padding', `padding byte at ${o} is not zero`);
  }
  const metadata = decodeMetadata(bytes.subarray(metaStart, metaStart + metaLength));
  let o = payloadStart;
  const getF32 = (count: number) => {
    if (LITTLE_ENDIAN) {
      // One native copy: the file's floats are little-endian, as this host's are.
      const out = new Float32Array(bytes.buffer.slice(bytes.byteOffset + o, bytes.byteOffset + o + 4 * count));
      o += 4 * count;
      return out;
    }
    const out = new Float32Array(count);
    for (let i = 0; i < count; i++, o += 4) out[i] = dv.getFloat32(o, true);
    return out;
  };
  const layers: DenseLayer[] = records.map((r, i) => {
    const count = r.inputs * r.outputs;
    if (r.weightType === 'f32') {
      const weights = getF32(count);
      const biases = getF32(r.outputs);
      if (!trusted) {
        checkFinite(weights, `layer ${i} weights`);
        checkFinite(biases, `layer ${i} biases`);
      }
      return { ...r, weightType: 'f32', weights, biases };
    }
    const scales = getF32(r.outputs);
    const biases = getF32(r.outputs);
    if (!trusted) {
      checkScales(scales, i);
      checkFinite(biases, `layer ${i} biases`);
    }
    const weights = new Int8Array(count);
    weights.set(new Int8Array(bytes.buffer, bytes.byteOffset + o, count));
    for (let p = o + count; p < o + align4(count); p++) {
      if (bytes[p] !== 0) throw new ModelFormatError('bad-padding', `padding byte at ${p} is not zero`);
    }
    o += align4(count);
    return { ...r, weightType: 'int8', weights, scales, biases };
  });
  return { inputHeight: height, inputWidth: width, layers, metadata };
}
