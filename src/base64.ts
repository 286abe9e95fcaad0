type FromBase64 = (b64: string) => Uint8Array<ArrayBuffer>;
const nativeFromBase64 = (Uint8Array as unknown as { fromBase64?: FromBase64 }).fromBase64;
const nodeBuffer = (globalThis as { Buffer?: { from(s: string, encoding: 'base64'): Uint8Array } }).Buffer;

/**
 * Decodes base64: natively where the runtime can (Uint8Array.fromBase64, or Node's Buffer), else with
 * atob (browsers, Node >= 16, Deno, Bun, workerd). The embedded models are ~56 KB of base64: at start-up,
 * before the JIT has compiled anything, a JavaScript loop over them costs milliseconds.
 */
export function fromBase64(b64: string): Uint8Array<ArrayBuffer> {
  if (nativeFromBase64) return nativeFromBase64(b64);
  if (nodeBuffer) return new Uint8Array(nodeBuffer.from(b64, 'base64'));
  const bin = atob(b64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
}
