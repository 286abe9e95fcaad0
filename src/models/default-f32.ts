// tinydigit/models/default-f32: the default network with f32 weights, for a page that wants them. Its own
// entry point, so that pages that do not import it do not ship its 43 KB.
import { fromBase64 } from '../embedded-bytes.js';
import { DEFAULT_F32_BASE64 } from '../generated/model-default-f32.js';

/**
 * The bytes of models/default-f32.tdm: the default 400-25-15-10 with f32 weights (the embedded default
 * has int8 weights, within 0.1 pt of these). `loadClassifier({ model: defaultF32ModelBytes() })`.
 */
export function defaultF32ModelBytes(): Uint8Array<ArrayBuffer> {
  return fromBase64(DEFAULT_F32_BASE64);
}
