import { fromSparseHex } from '../embedded-bytes.js';
import { DEFAULT_INT8_METADATA, DEFAULT_INT8_SPARSE_HEX } from '../generated/model-default-int8.js';
import type { DefaultModelName } from './names.js';

export { DEFAULT_MODEL_NAMES, isDefaultModelName, type DefaultModelName } from './names.js';

/**
 * The bytes of the embedded model file: the default 400-25-15-10 with int8 weights
 * (models/default-int8.tdm), under either name. Its f32 twin is one import away:
 * `defaultF32ModelBytes()` from `tinydigit/models/default-f32`.
 */
export function defaultModelBytes(_name: DefaultModelName = 'default'): Uint8Array<ArrayBuffer> {
  const bytes = fromSparseHex(DEFAULT_INT8_SPARSE_HEX);
  // the metadata travels as text (ASCII): gzip packs it better than its base64
  const [at, text] = DEFAULT_INT8_METADATA;
  for (let i = 0; i < text.length; i++) bytes[at + i] = text.charCodeAt(i);
  return bytes;
}
