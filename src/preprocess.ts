// From any raster to the network's input, in wasm (assembly/preprocess.ts).
import { FIT_BYTES_PER_COLUMN, POLARITY_AUTO, POLARITY_DARK_ON_LIGHT, POLARITY_LIGHT_ON_DARK, type PreprocessExports } from './wasm/abi.js';
import { compileSync, instantiateSync } from './wasm/modules.js';
import { InputError } from './errors.js';
import { growMemory } from './wasm/layout.js';

/**
 * An image: structurally a browser `ImageData` (`data` RGBA), or 1- or 3-channel 8-bit pixels,
 * row-major, `width * height * channels` bytes. `channels` is inferred from the length when absent.
 */
export interface ImageLike {
  data: Uint8Array | Uint8ClampedArray;
  width: number;
  height: number;
  channels?: 1 | 3 | 4;
}

export type Polarity = 'auto' | 'dark-on-light' | 'light-on-dark';

export interface PreprocessOptions {
  /**
   * `'auto'` (default): dark ink on a light background when the image's border is light. An image with
   * any transparent pixel is read by its alpha channel alone (alpha = ink), whatever this says.
   */
  polarity?: Polarity;
  /** Output size; the default models take 20 x 20. */
  width?: number;
  height?: number;
}

/** The largest image side accepted. */
export const MAX_IMAGE_SIDE = 4096;
/** Ink must rise this far (of 255) above the background for an image to hold a digit. */
const MIN_CONTRAST = 32;
/** Each polarity's code in the preprocessing module. */
const POLARITY_CODES: Readonly<Record<Polarity, number>> = { auto: POLARITY_AUTO, 'dark-on-light': POLARITY_DARK_ON_LIGHT, 'light-on-dark': POLARITY_LIGHT_ON_DARK };
/** Every polarity option. */
export const POLARITIES = Object.keys(POLARITY_CODES) as readonly Polarity[];
/** Images needing more wasm memory than this run in a throwaway instance, so none keeps it. */
const KEEP_BYTES = 8 << 20;

let shared: PreprocessExports | undefined;

/** A preprocessing instance whose memory holds `bytes` past its heap base (a fresh one for large jobs). */
function kernelFor(bytes: number): { k: PreprocessExports; base: number } {
  const instance = () => instantiateSync<PreprocessExports>(compileSync('preprocess'));
  const s = (shared ??= instance());
  const k = bytes > KEEP_BYTES ? instance() : s;
  const base = (k.heapBase() + 15) & ~15;
  growMemory(k.memory, base + bytes);
  return { k, base };
}

const align16 = (n: number) => (n + 15) & ~15;

function checkImage(image: unknown): { data: Uint8Array | Uint8ClampedArray; width: number; height: number; channels: number } {
  if (image === null || typeof image !== 'object') throw new InputError('bad-image', 'image must be an object { data, width, height }');
  const { data, width, height, channels } = image as ImageLike;
  const side = (v: unknown, name: string) => {
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) throw new InputError('bad-image', `image ${name} must be a positive integer, got ${String(v)}`);
    if (v > MAX_IMAGE_SIDE) throw new InputError('image-too-large', `image ${name} ${v} exceeds ${MAX_IMAGE_SIDE}`);
  };
  side(width, 'width');
  side(height, 'height');
  if (!(data instanceof Uint8Array || data instanceof Uint8ClampedArray)) {
    throw new InputError('bad-image', 'image data must be a Uint8Array or Uint8ClampedArray of 8-bit pixels');
  }
  const pixels = width * height;
  const c = channels ?? data.length / pixels;
  if (c !== 1 && c !== 3 && c !== 4) {
    throw new InputError('bad-image', `image data has ${data.length} bytes: not 1, 3 or 4 channels of ${width}x${height}`);
  }
  if (data.length !== pixels * c) {
    throw new InputError('bad-image', `image data has ${data.length} bytes, ${width}x${height}x${c} needs ${pixels * c}`);
  }
  return { data, width, height, channels: c };
}

function checkPolarity(polarity: Polarity): number {
  if (!POLARITIES.includes(polarity)) throw new InputError('bad-option', `polarity must be one of ${POLARITIES.join(', ')}`);
  return POLARITY_CODES[polarity];
}

function checkSize(v: number): number {
  if (!Number.isInteger(v) || v < 1 || v > 256) throw new InputError('bad-option', `output size must be an integer in [1, 256], got ${v}`);
  return v;
}

/** An image's ink: one byte per pixel (0 = none), with its background level and contrast. */
export interface InkMap {
  ink: Uint8Array;
  width: number;
  height: number;
  background: number;
  contrast: number;
}

/** The ink map of an image (the first step of {@link preprocess}), for segmenting several digits. */
export function inkMapOf(image: ImageLike, polarity: Polarity = 'auto'): InkMap {
  const { data, width, height, channels } = checkImage(image);
  const p = checkPolarity(polarity);
  const pixels = width * height;
  const { k, base } = kernelFor(align16(data.length) + align16(pixels) + 16);
  const ink = base + align16(data.length);
  const levels = ink + align16(pixels);
  new Uint8Array(k.memory.buffer, base, data.length).set(data);
  k.inkMap(base, width, height, channels, p, ink);
  k.inkLevels(ink, width, height, levels);
  const [background, contrast] = new Float32Array(k.memory.buffer, levels, 2);
  return { ink: new Uint8Array(k.memory.buffer, ink, pixels).slice(), width, height, background: background!, contrast: contrast! };
}

/** Whether an ink map's ink stands out from its background enough to hold a digit. */
export function hasInk(map: InkMap): boolean {
  return map.contrast >= MIN_CONTRAST;
}

/** Fits (a part of) an ink map into the network's input; null when it holds no ink. */
export function fitInk(map: InkMap, outW = 20, outH = 20): Float32Array | null {
  const { ink, width, height, background, contrast } = map;
  checkSize(outW);
  checkSize(outH);
  if (!hasInk(map)) return null;
  const pixels = width * height;
  const tmpBytes = align16(4 * height * outW + FIT_BYTES_PER_COLUMN * (width + outW));
  const { k, base } = kernelFor(align16(pixels) + tmpBytes + 4 * outW * outH);
  const tmp = base + align16(pixels);
  const dst = tmp + tmpBytes;
  new Uint8Array(k.memory.buffer, base, pixels).set(ink);
  if (!k.fit(base, width, height, background, contrast, tmp, dst, outW, outH)) return null;
  return new Float32Array(k.memory.buffer, dst, outW * outH).slice();
}

/**
 * Turns an image into the network's input: a Float32Array of `width * height` values (20 x 20 by
 * default), row-major, ink 1.0 on background 0.0, the ink's bounding box scaled so that its longer side
 * fills the output (aspect kept, area resampling), centred. Returns `null` when the image holds no ink.
 * @throws {InputError} `bad-image` (not an image, or data of the wrong length), `image-too-large`, `bad-option`.
 */
export function preprocess(image: ImageLike, options: PreprocessOptions = {}): Float32Array | null {
  const outW = checkSize(options.width ?? 20);
  const outH = checkSize(options.height ?? 20);
  return fitInk(inkMapOf(image, options.polarity ?? 'auto'), outW, outH);
}
