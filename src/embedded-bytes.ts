// Decodes the bytes embedded in the bundle as text: the wasm modules as hex (gzip compresses it better
// than base64, as each byte stays whole characters), the default model's sparse form as hex too (beside
// the modules' hex: 0.3 KB less on a page than base64), the other models as base64. Natively where the
// runtime can (Uint8Array.fromHex / fromBase64, or Node's Buffer), else by a loop: at start-up, before
// the JIT has compiled anything, a JavaScript loop over the ~56 KB of models costs milliseconds.
type Decode = (text: string) => Uint8Array<ArrayBuffer>;
const native = Uint8Array as unknown as { fromHex?: Decode; fromBase64?: Decode };
const nodeBuffer = (globalThis as { Buffer?: { from(s: string, encoding: 'hex' | 'base64'): Uint8Array } }).Buffer;

/** Decodes lowercase hex. */
export function fromHex(hex: string): Uint8Array<ArrayBuffer> {
  if (native.fromHex) return native.fromHex(hex);
  if (nodeBuffer) return new Uint8Array(nodeBuffer.from(hex, 'hex'));
  const bytes = new Uint8Array(hex.length >> 1);
  // '0'-'9' are 0x30-0x39 and 'a'-'f' 0x61-0x66: the low four bits, plus 9 for letters (bit 6 set)
  const nibble = (i: number) => {
    const c = hex.charCodeAt(i);
    return (c & 15) + (c >> 6) * 9;
  };
  for (let i = 0; i < bytes.length; i++) bytes[i] = (nibble(2 * i) << 4) | nibble(2 * i + 1);
  return bytes;
}

/** Decodes base64 (with atob where there is nothing native: browsers, Deno, Bun, workerd). */
export function fromBase64(b64: string): Uint8Array<ArrayBuffer> {
  if (native.fromBase64) return native.fromBase64(b64);
  if (nodeBuffer) return new Uint8Array(nodeBuffer.from(b64, 'base64'));
  const bin = atob(b64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
}

/** Decodes a sparse model (tools/build.mjs `sparse`): its length, a bit per byte (1: not zero), the bytes not zero. */
export function fromSparseHex(hex: string): Uint8Array<ArrayBuffer> {
  const packed = fromHex(hex);
  const n = new DataView(packed.buffer, packed.byteOffset).getUint32(0, true);
  const out = new Uint8Array(n);
  const maskBytes = (n + 7) >> 3;
  // a mask byte at a time, 8 bytes not zero (headers, scales, the dense layers) copied at once: at
  // start-up, before the JIT, half the time of a loop over every bit
  for (let j = 0, k = 4 + maskBytes; j < maskBytes; j++) {
    let bits = packed[4 + j]!;
    if (bits === 255 && 8 * j + 8 <= n) {
      out.set(packed.subarray(k, k + 8), 8 * j);
      k += 8;
    } else for (let i = 8 * j; bits; i++, bits >>= 1) if (bits & 1) out[i] = packed[k++]!;
  }
  return out;
}
