// The wasm modules are embedded as hex and the models as base64, the default one sparse (src/embedded-bytes.ts). Node decodes
// them with Buffer, recent browsers with Uint8Array.fromHex / fromBase64; this also checks the loops
// used where neither exists, on every byte value.
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';

const bytes = Uint8Array.from({ length: 512 }, (_, i) => (i * 167 + (i >> 8)) & 255);
const hex = Buffer.from(bytes).toString('hex');
const b64 = Buffer.from(bytes).toString('base64');
const natives = ['fromHex', 'fromBase64'].map((name) => [name, Object.getOwnPropertyDescriptor(Uint8Array, name)] as const);

describe('embedded bytes', () => {
  afterEach(() => {
    for (const [name, d] of natives) if (d) Object.defineProperty(Uint8Array, name, d);
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  it('decodes hex and base64 with the runtime decoder', async () => {
    const { fromHex, fromBase64 } = await import('../src/embedded-bytes.js');
    expect(Array.from(fromHex(hex))).toEqual(Array.from(bytes));
    expect(Array.from(fromBase64(b64))).toEqual(Array.from(bytes));
  });

  it('embeds the default model sparsely (its pruned zeros left out) and gives back the very file', async () => {
    const { readFileSync } = await import('node:fs');
    const { defaultModelBytes } = await import('../src/model/embedded.js');
    const { DEFAULT_INT8_SPARSE_HEX } = await import('../src/generated/model-default-int8.js');
    const file = readFileSync('models/default-int8.tdm');
    expect(Buffer.from(defaultModelBytes()).equals(file)).toBe(true);
    // half the first layer's weights are zero: the embedded text is far shorter than the file's base64
    expect(DEFAULT_INT8_SPARSE_HEX.length).toBeLessThan(file.toString('hex').length * 0.8);
  });

  it('gives back any bytes from the sparse form (length, a bit per byte, the bytes not zero)', async () => {
    const { fromSparseHex } = await import('../src/embedded-bytes.js');
    const sparse = (b: Uint8Array) => {
      const mask = new Uint8Array((b.length + 7) >> 3);
      b.forEach((v, i) => v && (mask[i >> 3]! |= 1 << (i & 7)));
      const length = new Uint8Array(new Uint32Array([b.length]).buffer);
      return Buffer.concat([length, mask, b.filter((v) => v !== 0)]).toString('hex');
    };
    // mostly zeros, mostly not (whole mask bytes of 255), and lengths that end inside a mask byte
    const bytesArb = fc.oneof(fc.uint8Array({ maxLength: 200 }), fc.uint8Array({ maxLength: 200 }).map((a) => a.map((v) => (v % 4 === 0 ? v : 0))), fc.uint8Array({ maxLength: 200 }).map((a) => a.map((v) => v | 1)));
    fc.assert(fc.property(bytesArb, (b) => {
      expect(Array.from(fromSparseHex(sparse(b)))).toEqual(Array.from(b));
    }));
  });

  it('decodes every byte value without Buffer or the native Uint8Array decoders', async () => {
    for (const [name, d] of natives) if (d) delete (Uint8Array as unknown as Record<string, unknown>)[name];
    vi.stubGlobal('Buffer', undefined);
    vi.resetModules();
    const { fromHex, fromBase64 } = await import('../src/embedded-bytes.js');
    for (const decoded of [fromHex(hex), fromBase64(b64)]) {
      expect(decoded).toBeInstanceOf(Uint8Array);
      expect(new Set(decoded).size).toBe(256);
      expect(Array.from(decoded)).toEqual(Array.from(bytes));
    }
  });
});
