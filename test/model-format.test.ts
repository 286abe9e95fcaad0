import { describe, expect, it } from 'vitest';
import { decodeModel, encodeModel, ModelFormatError, MODEL_LIMITS, quantizeModel, type Model, type ModelFormatErrorCode } from '../src/index.js';
import { withFixedCrc } from '../tools/qa/fuzz-cases.js';
import { codeOf as codeOfError } from './helpers/errors.js';
import { DEFAULT_DIMS, randomModel } from './helpers/random-model.js';

const model = randomModel(1, DEFAULT_DIMS, 20, 20);
model.metadata = { architecture: '400-25-15-10', note: 'ünïcode ✓' };
const file = encodeModel(model);
const int8File = encodeModel(quantizeModel(model));

/** A copy with its CRC rewritten after a deliberate edit, so the edit itself is what the decoder sees. */
const withCrc = (bytes: Uint8Array): Uint8Array => withFixedCrc(bytes.slice());
function edit(bytes: Uint8Array, f: (dv: DataView, b: Uint8Array) => void): Uint8Array {
  const out = bytes.slice();
  f(new DataView(out.buffer), out);
  return withCrc(out);
}
const codeOf = (f: () => unknown) => codeOfError(f, ModelFormatError);
/** Offset of layer k's payload in `file` (f32 layers). */
function payloadOffset(m: Model, bytes: Uint8Array, k: number): number {
  const metaLength = new DataView(bytes.buffer, bytes.byteOffset).getUint16(14, true);
  let o = Math.ceil((16 + 8 * m.layers.length + metaLength) / 4) * 4;
  for (let i = 0; i < k; i++) o += 4 * (m.layers[i]!.inputs * m.layers[i]!.outputs + m.layers[i]!.outputs);
  return o;
}

describe('model format', () => {
  it('round-trips f32 and int8 models exactly, metadata included', () => {
    for (const [m, bytes] of [[model, file], [quantizeModel(model), int8File]] as const) {
      const back = decodeModel(bytes);
      expect(back).toEqual(m);
      expect(encodeModel(back)).toEqual(bytes);
    }
  });

  it('is compact: weights and biases plus a small header', () => {
    const params = 400 * 25 + 25 + 25 * 15 + 15 + 15 * 10 + 10;
    expect(file.length).toBeLessThan(params * 4 + 200);
    expect(int8File.length).toBeLessThan(params + 8 * 50 + 200);
  });

  it('accepts ArrayBuffer and views at an offset', () => {
    const padded = new Uint8Array(file.length + 3);
    padded.set(file, 3);
    expect(decodeModel(padded.subarray(3))).toEqual(model);
    expect(decodeModel(file.slice().buffer)).toEqual(model);
  });

  it('never decodes a truncated file, at any length', () => {
    for (let n = 0; n < file.length; n++) {
      expect(codeOf(() => decodeModel(file.subarray(0, n)))).not.toMatch(/no error|other error/);
    }
  });

  it('never decodes a file with any single bit flipped', () => {
    // every byte of the header and records, and a sample across the payload
    const offsets = [...Array(64).keys(), ...Array.from({ length: 200 }, (_, i) => Math.floor((i * file.length) / 200))];
    for (const o of offsets) {
      for (let bit = 0; bit < 8; bit++) {
        const b = file.slice();
        b[o]! ^= 1 << bit;
        expect(codeOf(() => decodeModel(b))).not.toMatch(/no error|other error/);
      }
    }
  });

  const cases: [ModelFormatErrorCode, () => unknown][] = [
    ['invalid-argument', () => decodeModel('TDMF' as unknown as Uint8Array)],
    ['invalid-argument', () => encodeModel(null as unknown as Model)],
    ['truncated', () => decodeModel(file.subarray(0, 10))],
    ['truncated', () => decodeModel(withCrc(file.subarray(0, file.length - 100)))],
    ['trailing-bytes', () => decodeModel(withCrc(Uint8Array.from([...file, 0, 0, 0, 0])))],
    ['bad-magic', () => decodeModel(edit(file, (_, b) => b.set([80, 75, 3, 4], 0)))],
    ['unsupported-version', () => decodeModel(edit(file, (dv) => dv.setUint16(4, 2, true)))],
    ['bad-header', () => decodeModel(edit(file, (dv) => dv.setUint16(6, 1, true)))],
    ['bad-header', () => decodeModel(edit(file, (dv) => dv.setUint16(8, 0, true)))],
    ['bad-header', () => decodeModel(edit(file, (dv) => dv.setUint16(12, 0, true)))],
    ['bad-header', () => decodeModel(edit(file, (dv) => dv.setUint16(16 + 6, 9, true)))],
    ['too-large', () => decodeModel(edit(file, (dv) => dv.setUint16(8, 60000, true)))],
    ['too-large', () => decodeModel(edit(file, (dv) => dv.setUint16(12, 1000, true)))],
    ['too-large', () => decodeModel(edit(file, (dv) => dv.setUint16(14, 60000, true)))],
    ['too-large', () => decodeModel(edit(file, (dv) => dv.setUint16(16 + 2, 65535, true)))],
    ['too-large', () => encodeModel(randomModel(2, [4096, 1100, 10], 64, 64))],
    ['bad-activation', () => decodeModel(edit(file, (dv) => dv.setUint8(16 + 4, 7)))],
    ['bad-activation', () => decodeModel(edit(file, (dv) => dv.setUint8(16 + 4, 2)))],
    ['bad-activation', () => decodeModel(edit(file, (dv) => dv.setUint8(16 + 16 + 4, 1)))],
    ['bad-weight-type', () => decodeModel(edit(file, (dv) => dv.setUint8(16 + 5, 9)))],
    ['shape-mismatch', () => decodeModel(edit(file, (dv) => dv.setUint16(16 + 8, 24, true)))],
    ['shape-mismatch', () => decodeModel(edit(file, (dv) => dv.setUint16(10, 21, true)))],
    ['shape-mismatch', () => encodeModel({ ...model, layers: [{ ...model.layers[0]!, weights: new Float32Array(3) }, ...model.layers.slice(1)] } as Model)],
    ['crc-mismatch', () => decodeModel(Uint8Array.from(file, (v, i) => (i === file.length - 1 ? v ^ 1 : v)))],
    ['crc-mismatch', () => decodeModel(Uint8Array.from(file, (v, i) => (i === 2000 ? v ^ 0x80 : v)))],
    ['bad-metadata', () => decodeModel(edit(file, (_, b) => b.set([0xff], 16 + 24)))],
    ['bad-metadata', () => encodeModel({ ...model, metadata: [] as unknown as Model['metadata'] })],
    ['bad-padding', () => decodeModel(edit(encodeModel({ ...model, metadata: { a: 1 } }), (_, b) => b.set([1], 16 + 24 + 7)))],
    ['non-finite', () => decodeModel(edit(file, (dv) => dv.setFloat32(payloadOffset(model, file, 1) + 8, NaN, true)))],
    ['non-finite', () => decodeModel(edit(file, (dv) => dv.setFloat32(payloadOffset(model, file, 0), Infinity, true)))],
    ['non-finite', () => encodeModel({ ...model, layers: [{ ...model.layers[0]!, biases: new Float32Array(25).fill(NaN) }, ...model.layers.slice(1)] } as Model)],
    ['bad-scale', () => decodeModel(edit(int8File, (dv) => dv.setFloat32(payloadOffset(model, int8File, 0), -1, true)))],
  ];
  for (const [code, f] of cases) {
    it(`reports ${code}: ${f.toString().slice(6, 90)}`, () => {
      expect(codeOf(f)).toBe(code);
    });
  }

  it('reaches every error code', () => {
    const codes = new Set(cases.map(([c]) => c));
    const all: ModelFormatErrorCode[] = ['invalid-argument', 'truncated', 'trailing-bytes', 'bad-magic', 'unsupported-version', 'bad-header', 'too-large', 'bad-activation', 'bad-weight-type', 'shape-mismatch', 'crc-mismatch', 'bad-metadata', 'bad-padding', 'non-finite', 'bad-scale'];
    expect([...codes].sort()).toEqual([...all].sort());
  });

  it('errors carry a readable message and their class', () => {
    try {
      decodeModel(file.subarray(0, 100));
    } catch (e) {
      expect(e).toBeInstanceOf(ModelFormatError);
      expect((e as Error).name).toBe('ModelFormatError');
      expect((e as Error).message).toMatch(/100 bytes/);
    }
    expect.assertions(3);
  });

  it('checks limits from the header before allocating', () => {
    // A header claiming the largest allowed stack, with nothing behind it: refused as truncated at once.
    const layers = Array.from({ length: MODEL_LIMITS.maxLayers }, (_, i) => ({
      inputs: i === 0 ? 4096 : 256, outputs: i === MODEL_LIMITS.maxLayers - 1 ? 10 : 256, activation: i === MODEL_LIMITS.maxLayers - 1 ? 2 : 1,
    }));
    const b = new Uint8Array(16 + 8 * layers.length + 4);
    const dv = new DataView(b.buffer);
    b.set([84, 68, 77, 70]);
    dv.setUint16(4, 1, true);
    dv.setUint16(8, 64, true);
    dv.setUint16(10, 64, true);
    dv.setUint16(12, layers.length, true);
    layers.forEach((l, i) => {
      dv.setUint16(16 + 8 * i, l.inputs, true);
      dv.setUint16(16 + 8 * i + 2, l.outputs, true);
      dv.setUint8(16 + 8 * i + 4, l.activation);
    });
    expect(codeOf(() => decodeModel(withCrc(b)))).toBe('truncated');
  });
});
