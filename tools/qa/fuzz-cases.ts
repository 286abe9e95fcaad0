// Hostile inputs for tinydigit, as fast-check properties: shared by the fuzz tests in npm test and the
// longer campaign (`npm run fuzz -- --runs N`). Every case must end in a typed error or a valid result.
import fc from 'fast-check';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { decodeImage, ImageFileError } from '../../src/cli/decode-image.js';
import { crc32 } from '../../src/model/crc32.js';
import { rng } from '../shared/rng.js';
import '../../src/number.js';
import {
  decodeModel, defaultModelBytes, EngineError, encodeModel, InputError, loadClassifierSync, ModelFormatError, quantizeModel,
  type Classifier, type ImageLike,
} from '../../src/index.js';

const validFile = defaultModelBytes();
const validInt8 = encodeModel(quantizeModel(decodeModel(validFile)));
let classifier: Classifier | undefined;
const clf = () => (classifier ??= loadClassifierSync());

/** Rewrites a model file's CRC in place (after an edit), so the edit itself is what the decoder sees. */
export function withFixedCrc(bytes: Uint8Array): Uint8Array {
  new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).setUint32(bytes.length - 4, crc32(bytes.subarray(0, bytes.length - 4)), true);
  return bytes;
}

// Image files as the command line reads them: a valid PNG and JPEG of a drawn digit, to mutate.
const digitPixels = (channels: number) => {
  const px = new Uint8Array(28 * 28 * channels).fill(255);
  for (let y = 4; y < 24; y++) for (let x = 12; x < 16; x++) px.fill(0, (y * 28 + x) * channels, (y * 28 + x) * channels + Math.min(channels, 3));
  return px;
};
const validPng = (() => {
  const png = new PNG({ width: 28, height: 28 });
  png.data.set(digitPixels(4));
  return new Uint8Array(PNG.sync.write(png));
})();
const validJpeg = new Uint8Array(jpeg.encode({ data: digitPixels(4), width: 28, height: 28 }, 90).data);
const imageFile = fc.constantFrom(validPng, validJpeg);
for (const f of [validPng, validJpeg]) {
  if (clf().classifyImage(decodeImage(f))?.digit !== 1) throw new Error('the fuzzing fixtures must decode to images read as 1');
}

/** An image file must decode to an image that reads like any other, or fail with ImageFileError. */
function checkImageFile(bytes: Uint8Array): void {
  let image: ImageLike;
  try {
    image = decodeImage(bytes);
  } catch (e) {
    if (e instanceof ImageFileError) return;
    throw e;
  }
  try {
    const r = clf().classifyImage(image);
    if (r) checkProbabilities(r.probabilities);
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
  }
}

/** A decoded model must run: finite probabilities summing to 1, or the typed overflow error. */
function checkDecoded(bytes: Uint8Array): void {
  let model;
  try {
    model = decodeModel(bytes);
  } catch (e) {
    if (e instanceof ModelFormatError) return;
    throw e;
  }
  const c = loadClassifierSync({ model });
  try {
    checkProbabilities(c.classify(new Float32Array(c.model.inputs).fill(0.5)).probabilities);
  } catch (e) {
    if (!(e instanceof EngineError && e.code === 'not-finite-output')) throw e;
  } finally {
    c.dispose();
  }
}

function checkProbabilities(p: Float32Array): void {
  let sum = 0;
  for (const v of p) {
    if (!Number.isFinite(v) || v < 0 || v > 1) throw new Error(`bad probability ${v}`);
    sum += v;
  }
  if (Math.abs(sum - 1) > 1e-5) throw new Error(`probabilities sum to ${sum}`);
}

const source = fc.constantFrom(validFile, validInt8);

/** Each property, named, for the tests and the campaign. */
// Properties over different generated values: no single type parameter covers them all.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyProperty = fc.IPropertyWithHooks<any>;

export const PROPERTIES: Record<string, AnyProperty> = {
  'model: random bytes': fc.property(fc.uint8Array({ maxLength: 512 }), (b) => checkDecoded(b)),
  'model: random bytes behind a valid magic and version': fc.property(fc.uint8Array({ maxLength: 2048 }), (b) => checkDecoded(Uint8Array.from([84, 68, 77, 70, 1, 0, ...b]))),
  'model: truncated at any offset': fc.property(source, fc.nat(), (f, n) => checkDecoded(f.slice(0, n % f.length))),
  'model: bits flipped': fc.property(source, fc.array(fc.nat(), { minLength: 1, maxLength: 8 }), (f, bits) => {
    const b = f.slice();
    for (const bit of bits) b[(bit >> 3) % b.length]! ^= 1 << (bit & 7);
    checkDecoded(b);
  }),
  'model: header and layer fields mutated, CRC fixed': fc.property(source, fc.integer({ min: 4, max: 16 + 8 * 3 - 1 }), fc.integer({ min: 0, max: 255 }), fc.boolean(), (f, at, v, wide) => {
    const b = f.slice();
    const dv = new DataView(b.buffer);
    if (wide && at + 1 < b.length) dv.setUint16(at, v * 257, true);
    else b[at] = v;
    checkDecoded(withFixedCrc(b));
  }),
  'model: weights replaced by extreme values, CRC fixed': fc.property(
    source, fc.nat(), fc.constantFrom(NaN, Infinity, -Infinity, 3.4e38, -3.4e38, 1e-45, 0, -0), (f, at, v) => {
      const b = f.slice();
      const o = 64 + ((at * 4) % (b.length - 72));
      new DataView(b.buffer).setFloat32(o - (o % 4), v, true);
      checkDecoded(withFixedCrc(b));
    }),
  'input: any values, any length': fc.property(
    fc.oneof(
      fc.float32Array({ minLength: 400, maxLength: 400 }),
      fc.float32Array({ maxLength: 900 }),
      fc.array(fc.oneof(fc.double(), fc.constantFrom(NaN, Infinity, -Infinity, 5e-324, -0, 1 + 1e-7)), { maxLength: 401 }),
    ),
    (x) => {
      try {
        checkProbabilities(clf().classify(x).probabilities);
      } catch (e) {
        if (!(e instanceof InputError)) throw e;
      }
    }),
  'input: batches with one bad value leave the output untouched': fc.property(fc.integer({ min: 1, max: 6 }), fc.nat(), fc.constantFrom(NaN, -1, 2, Infinity), (n, at, bad) => {
    const x = new Float32Array(n * 400).fill(0.25);
    x[at % x.length] = bad;
    const out = new Float32Array(n * 10).fill(7);
    try {
      clf().classifyBatch(x, out);
      throw new Error('a bad input was accepted');
    } catch (e) {
      if (!(e instanceof InputError) || e.index !== Math.floor((at % x.length) / 400)) throw e;
    }
    if (out.some((v) => v !== 7)) throw new Error('out was written');
  }),
  'image file: random bytes, some behind a PNG or JPEG signature': fc.property(
    fc.constantFrom([], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], [0xff, 0xd8, 0xff]),
    fc.uint8Array({ maxLength: 2048 }),
    (magic, b) => checkImageFile(Uint8Array.from([...magic, ...b])),
  ),
  'image file: PNG or JPEG truncated at any offset': fc.property(imageFile, fc.nat(), (f, n) => checkImageFile(f.slice(0, n % f.length))),
  'image file: PNG or JPEG with bytes changed': fc.property(imageFile, fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }), (f, edits) => {
    const b = f.slice();
    for (const [at, v] of edits) b[at % b.length] = v;
    checkImageFile(b);
  }),
  'image: any shape of data, size and channels': fc.property(
    fc.record({
      width: fc.oneof(fc.integer({ min: -2, max: 64 }), fc.constantFrom(0.5, NaN, 5000, 4096)),
      height: fc.oneof(fc.integer({ min: -2, max: 64 }), fc.constantFrom(1.5, NaN, 4097)),
      channels: fc.constantFrom(undefined, 1, 3, 4, 2),
      fill: fc.constantFrom('noise', 'ink', 'blank', 'short'),
      seed: fc.nat(),
    }),
    ({ width, height, channels, fill, seed }) => {
      const c = channels ?? 1;
      const n = Number.isInteger(width) && Number.isInteger(height) && width > 0 && height > 0 && width * height <= 1 << 16 ? width * height * c : 64;
      const data = new Uint8Array(fill === 'short' ? Math.max(0, n - 1) : n);
      const rand = rng(seed);
      for (let i = 0; i < data.length; i++) data[i] = fill === 'ink' ? 255 : fill === 'blank' ? 0 : Math.floor(rand() * 256);
      const image = { data, width, height, ...(channels ? { channels } : {}) } as ImageLike;
      for (const f of [() => clf().classifyImage(image), () => clf().readNumber(image)]) {
        try {
          const r = f();
          if (r && 'probabilities' in r) checkProbabilities(r.probabilities);
          if (r && 'digits' in r) r.digits.forEach((d) => checkProbabilities(d.probabilities));
        } catch (e) {
          if (!(e instanceof InputError)) throw e;
        }
      }
    }),
};
