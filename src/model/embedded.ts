import { fromBase64 } from '../embedded-bytes.js';
import { DEFAULT_F32_BASE64, DEFAULT_INT8_BASE64, VERIFIER_BASE64 } from '../generated/models.js';

/** The models embedded in the library: `'default'` (f32 weights) and `'default-int8'`. */
export type DefaultModelName = 'default' | 'default-int8';

export const DEFAULT_MODEL_NAMES: readonly DefaultModelName[] = ['default', 'default-int8'];

/** The bytes of an embedded model file (models/default-f32.tdm or models/default-int8.tdm). */
export function defaultModelBytes(name: DefaultModelName = 'default'): Uint8Array<ArrayBuffer> {
  return fromBase64(name === 'default-int8' ? DEFAULT_INT8_BASE64 : DEFAULT_F32_BASE64);
}

/** readNumber's second reader: the digit of a group of ink pieces, or that it is not one whole digit (models/verifier-int8.tdm). */
export function verifierModelBytes(): Uint8Array<ArrayBuffer> {
  return fromBase64(VERIFIER_BASE64);
}
