import { fromBase64 } from '../embedded-bytes.js';
import { DEFAULT_F32_BASE64, DEFAULT_INT8_BASE64, SECOND_READER_BASE64 } from '../generated/models.js';

import type { DefaultModelName } from './names.js';

export { DEFAULT_MODEL_NAMES, isDefaultModelName, type DefaultModelName } from './names.js';

/** The bytes of an embedded model file (models/default-f32.tdm or models/default-int8.tdm). */
export function defaultModelBytes(name: DefaultModelName = 'default'): Uint8Array<ArrayBuffer> {
  return fromBase64(name === 'default-int8' ? DEFAULT_INT8_BASE64 : DEFAULT_F32_BASE64);
}

/** readNumber's second reader: the digit of a group of ink pieces, or that it is not one whole digit (models/second-reader-int8.tdm). */
export function secondReaderModelBytes(): Uint8Array<ArrayBuffer> {
  return fromBase64(SECOND_READER_BASE64);
}
