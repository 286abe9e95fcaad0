// The wasm modules are embedded as hex (src/hex.ts). Node decodes it with Buffer, recent browsers with
// Uint8Array.fromHex; this checks the loop used where neither exists, on every byte value.
import { afterEach, describe, expect, it, vi } from 'vitest';

describe('fromHex', () => {
  const native = Object.getOwnPropertyDescriptor(Uint8Array, 'fromHex');
  afterEach(() => {
    if (native) Object.defineProperty(Uint8Array, 'fromHex', native);
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  const bytes = Uint8Array.from({ length: 512 }, (_, i) => (i * 167 + (i >> 8)) & 255);
  const hex = Buffer.from(bytes).toString('hex');

  it('decodes every byte value with the runtime decoder', async () => {
    const { fromHex } = await import('../src/hex.js');
    expect(Array.from(fromHex(hex))).toEqual(Array.from(bytes));
  });

  it('decodes every byte value without Buffer or Uint8Array.fromHex', async () => {
    if (native) delete (Uint8Array as unknown as { fromHex?: unknown }).fromHex;
    vi.stubGlobal('Buffer', undefined);
    vi.resetModules();
    const { fromHex } = await import('../src/hex.js');
    const decoded = fromHex(hex);
    expect(decoded).toBeInstanceOf(Uint8Array);
    expect(new Set(decoded).size).toBe(256);
    expect(Array.from(decoded)).toEqual(Array.from(bytes));
  });
});
