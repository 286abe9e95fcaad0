// From any raster to the network's input, in wasm (assembly/preprocess.ts).
import { chooseBackend, compileSync, instantiateSync, type KernelExports } from './engine.js';
import { InputError } from './errors.js';
import { growMemory } from './layout.js';

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
const POLARITIES: readonly Polarity[] = ['auto', 'dark-on-light', 'light-on-dark'];
/** Images needing more wasm memory than this run in a throwaway instance, so none keeps it. */
const KEEP_BYTES = 8 << 20;

let shared: KernelExports | undefined;

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

/**
 * Turns an image into the network's input: a Float32Array of `width * height` values (20 x 20 by
 * default), row-major, ink 1.0 on background 0.0, the ink's bounding box scaled so that its longer side
 * fills the output (aspect kept, area resampling), centred. Returns `null` when the image holds no ink.
 * @throws {InputError} `bad-image` (not an image, or data of the wrong length), `image-too-large`, `bad-option`.
 */
export function preprocess(image: ImageLike, options: PreprocessOptions = {}): Float32Array | null {
  const { data, width, height, channels } = checkImage(image);
  const polarity = options.polarity ?? 'auto';
  if (!POLARITIES.includes(polarity)) throw new InputError('bad-option', `polarity must be one of ${POLARITIES.join(', ')}`);
  const outW = options.width ?? 20;
  const outH = options.height ?? 20;
  for (const v of [outW, outH]) {
    if (!Number.isInteger(v) || v < 1 || v > 256) throw new InputError('bad-option', `output size must be an integer in [1, 256], got ${v}`);
  }
  const pixels = width * height;
  const k = (shared ??= instantiateSync(compileSync(chooseBackend('auto'))));
  const src = (k.heapBase() + 15) & ~15;
  const ink = (src + data.length + 15) & ~15;
  const tmp = (ink + pixels + 15) & ~15;
  const dst = tmp + 4 * height * outW;
  const bytes = dst + 4 * outW * outH;
  const kernel = bytes > KEEP_BYTES ? instantiateSync(compileSync(chooseBackend('auto'))) : k;
  growMemory(kernel.memory, bytes);
  new Uint8Array(kernel.memory.buffer, src, data.length).set(data);
  const found = kernel.preprocess(src, width, height, channels, POLARITIES.indexOf(polarity), ink, tmp, dst, outW, outH);
  return found ? new Float32Array(kernel.memory.buffer, dst, outW * outH).slice() : null;
}
