type FromHex = (hex: string) => Uint8Array<ArrayBuffer>;
const nativeFromHex = (Uint8Array as unknown as { fromHex?: FromHex }).fromHex;
const nodeBuffer = (globalThis as { Buffer?: { from(s: string, encoding: 'hex'): Uint8Array } }).Buffer;

/** Decodes lowercase hex: natively where the runtime can (Uint8Array.fromHex, or Node's Buffer), else by a loop. */
export function fromHex(hex: string): Uint8Array<ArrayBuffer> {
  if (nativeFromHex) return nativeFromHex(hex);
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
