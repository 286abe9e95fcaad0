// From any raster to the network's input, in wasm (assembly/preprocess.ts).
import { FIT_BYTES_PER_LINE, POLARITY_AUTO, POLARITY_DARK_ON_LIGHT, POLARITY_LIGHT_ON_DARK, type PreprocessExports } from './wasm/abi.js';
import { compilePreprocessSync, instantiateSync } from './wasm/modules.js';
import { InputError } from './errors.js';
import { growMemory } from './wasm/layout.js';
import { mainInk } from './main-ink.js';
import { localContrastSkew } from './polarity.js';
import { PHOTO_SIDE, WORK_SIDE } from './shrink.js';
import { strokeWidth } from './stroke-width.js';

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

/** The largest image side accepted (images over {@link WORK_SIDE} a side are shrunk first). */
export const MAX_IMAGE_SIDE = 16384;
/** Ink must rise this far (of 255) above the background for an image to hold a digit. */
const MIN_CONTRAST = 32;
/** Each polarity's code in the preprocessing module. */
const POLARITY_CODES: Readonly<Record<Polarity, number>> = { auto: POLARITY_AUTO, 'dark-on-light': POLARITY_DARK_ON_LIGHT, 'light-on-dark': POLARITY_LIGHT_ON_DARK };
/** Every polarity option. */
export const POLARITIES = Object.keys(POLARITY_CODES) as readonly Polarity[];
/**
 * Images needing more wasm memory than this run in a throwaway instance, so none keeps it: it holds any
 * image the library works on unshrunk (1024x1024 RGBA) with a photo's scratch (three maps and the
 * window's rows), 8.6 MB.
 */
const KEEP_BYTES = 12 << 20;

let shared: PreprocessExports | undefined;

/** A preprocessing instance whose memory holds `bytes` past its heap base (a fresh one for large jobs). */
function kernelFor(bytes: number): { k: PreprocessExports; base: number } {
  const instance = () => instantiateSync<PreprocessExports>(compilePreprocessSync());
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
  const side = (v: number, name: string) => {
    // (Number.isInteger is false for what is not a number)
    if (!Number.isInteger(v) || v < 1) throw new InputError('bad-image', `image ${name} must be a positive integer, got ${String(v)}`);
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

/** An image's ink: one byte per pixel (0 = none), with the levels that tell ink from paper. */
export interface InkMap {
  ink: Uint8Array;
  width: number;
  height: number;
  /** The paper's level: ink at or below it is none. */
  background: number;
  /** How far the darkest ink rises above the background. */
  contrast: number;
  /** Pixels above this are the ink that makes a digit's box and shape. */
  threshold: number;
  /** Whether the light was evened out (an opaque image of 64 pixels a side or more without a flat background: a photo, a scan). */
  evened: boolean;
  /** Pixels of the image per pixel of the map (more than 1 for images over {@link WORK_SIDE} a side and photos over {@link PHOTO_SIDE}). */
  scale: number;
  /** When evened: the radius of the square window the background was found with (pixels of the map); else 0. */
  backgroundRadius: number;
}

/** Share of the contrast above the background that ink must reach to count for the box. */
const BOX_THRESHOLD = 0.2;
/** How far a photo's local contrast must lean to the dark side for a border darker than grey 100 to be the paper (inkMapInWasm). */
const DIM_PHOTO_SKEW = 0.5;
/** Images this small (a side) are crops with no lighting to even out. */
const FLATTEN_MIN_SIDE = 64;

/** How many bytes hold each value 0-255. */
function histogram(bytes: Uint8Array): Uint32Array {
  const counts = new Uint32Array(256);
  for (let i = 0; i < bytes.length; i++) counts[bytes[i]!]!++;
  return counts;
}

/** Whether half the pixels or more share one value: a drawn image's even background (or blown-out paper), with no light to even out. */
function flatBackground(ink: Uint8Array): boolean {
  return Math.max(...histogram(ink)) * 2 >= ink.length;
}

/** An ink map's levels: the paper's (its border's mean), or for a flattened photo the noise's, from its histogram. */
function levelsOf(k: PreprocessExports, ink: number, width: number, height: number, flattened: boolean, scratch: number): Pick<InkMap, 'background' | 'contrast' | 'threshold'> {
  const pixels = width * height;
  let background: number;
  let peak: number;
  if (!flattened) {
    k.inkLevels(ink, width, height, scratch);
    const [bg, contrast] = new Float32Array(k.memory.buffer, scratch, 2);
    background = bg!;
    peak = bg! + contrast!;
  } else {
    const counts = histogram(new Uint8Array(k.memory.buffer, ink, pixels));
    const at = (share: number) => {
      let acc = 0;
      for (let v = 0; v < 256; v++) if ((acc += counts[v]!) > share * pixels) return v;
      return 255;
    };
    // top-hat noise is skewed: its spread above its 30th percentile says how high it reaches (measured
    // below the median, as a bold digit's strokes can cover a quarter of the frame and more)
    const reach = (lo: number, hi: number) => Math.min(255, at(lo) + 6 * Math.max(1, at(hi) - at(lo)));
    const aboveOf = (level: number) => counts.reduce((n, c, v) => (v > level ? n + c : n), 0);
    let above = aboveOf((background = reach(0.3, 0.5)));
    // nothing above it: a bold digit covers half the frame or more, and the noise lies lower
    if (!above) above = aboveOf((background = reach(0.2, 0.3)));
    // the ink's level: where its darkest twentieth starts (a speck of dirt is darker than pencil)
    peak = 255;
    for (let acc = 0; peak > background && (acc += counts[peak]!) <= above / 20; ) peak--;
  }
  const contrast = peak - background;
  return { background, contrast, threshold: background + contrast * BOX_THRESHOLD };
}

/** An ink map still in a preprocessing instance's memory (at `at`), with everything past `end` free. */
interface InkMapInWasm {
  map: Omit<InkMap, 'ink'>;
  k: PreprocessExports;
  at: number;
  end: number;
}

/**
 * The ink map of an image (the first step of {@link preprocess}), for segmenting several digits: ink by
 * alpha or luminance, and for an opaque photo the light evened out (background, shadows, vignettes).
 */
export function inkMapOf(image: ImageLike, polarity: Polarity = 'auto'): InkMap {
  const { map, k, at } = inkMapInWasm(image, polarity);
  return { ...map, ink: new Uint8Array(k.memory.buffer, at, map.width * map.height).slice() };
}

function inkMapInWasm(image: ImageLike, polarity: Polarity): InkMapInWasm {
  const { data, width: w, height: h, channels } = checkImage(image);
  const scale = Math.ceil(Math.max(w, h) / WORK_SIDE);
  const p = checkPolarity(polarity);
  let width = Math.ceil(w / scale);
  let height = Math.ceil(h / scale);
  let pixels = width * height;
  const bytes = align16(pixels * channels);
  // flatten's scratch: two maps and the (side + 2r + 2) rows of its passes along rows, r up to an eighth
  // of the short side, for the map as it is here (a photo's is shrunk below: smaller); first, a large
  // image's strips on their way in
  const { k, base } = kernelFor(bytes + align16(pixels) + Math.max(3 * pixels + ((Math.min(width, height) >> 2) + 6) * Math.max(width, height), scale * w * channels));
  const ink = base + bytes;
  const scratch = ink + align16(pixels);
  if (scale > 1) {
    // `scale` rows at a time through the scratch: a large image is never copied in whole
    for (let at = 0, dst = base, band = scale * w * channels; at < data.length; at += band, dst += width * channels) {
      const rows = data.subarray(at, at + band);
      new Uint8Array(k.memory.buffer, scratch, rows.length).set(rows);
      k.shrink(scratch, w, rows.length / (w * channels), channels, scale, dst);
    }
  } else new Uint8Array(k.memory.buffer, base, data.length).set(data);
  const alpha = k.inkMap(base, width, height, channels, p, ink);
  const inkBytes = () => new Uint8Array(k.memory.buffer, ink, pixels);
  const photo = !alpha && Math.min(width, height) >= FLATTEN_MIN_SIDE;
  // A photo's map is averaged down to PHOTO_SIDE (the 20x20 input needs far fewer pixels): the camera's
  // noise falls with it, so thick pale strokes stand out of it and the stroke width is measured on them
  const f = photo ? Math.ceil(Math.max(width, height) / PHOTO_SIDE) : 1;
  if (f > 1) {
    k.shrink(ink, width, height, 1, f, ink);
    width = Math.ceil(width / f);
    height = Math.ceil(height / f);
    pixels = width * height;
  }
  const widest = Math.round(Math.min(width, height) / 8);
  if (photo && p === POLARITY_AUTO) {
    // auto made the border the darker side (at most 127.5): above 100 it was a close call (a dim photo,
    // a shadow along an edge) and the local contrast decides; from 40 on, a photo taken in a dim room
    // (its paper grey 100 and less) may have made the paper the dark side: the local contrast must be
    // clearly skewed to the dark side to say so, as bold strokes skew it a little either way
    k.inkLevels(ink, width, height, scratch);
    const border = new Float32Array(k.memory.buffer, scratch, 1)[0]!;
    if (border > 40 && localContrastSkew(inkBytes(), width, height) < (border > 100 ? 0 : -DIM_PHOTO_SKEW)) inkBytes().forEach((v, i, a) => (a[i] = 255 - v));
  }
  const flattened = photo && !flatBackground(inkBytes());
  let radius = 0;
  let levels: ReturnType<typeof levelsOf> | undefined;
  if (flattened) {
    // A window wider than any stroke finds the strokes; one a little wider than these strokes then
    // follows soft shadow edges and uneven light far better. Light, thick or blurred strokes barely rise
    // above the noise in the widest window: their width is measured on slivers, and a window narrower
    // than them takes them for background. While the ink's contrast falls under half the widest
    // window's, the window is doubled, up to the widest.
    const original = inkBytes().slice();
    let wide: typeof levels;
    // it ends when r stays the radius just used: a window kept, or the widest come back to
    for (let r = widest; r !== radius; ) {
      inkBytes().set(original);
      k.flatten(ink, width, height, (radius = r), scratch);
      levels = levelsOf(k, ink, width, height, true, scratch);
      if (!wide) r = Math.min(widest, 2 + Math.round(1.5 * strokeWidth(inkBytes(), width, height, (wide = levels).threshold)));
      else if (2 * levels.contrast < wide.contrast) r = Math.min(widest, 2 * r);
    }
  }
  levels ??= levelsOf(k, ink, width, height, flattened, scratch);
  return { map: { width, height, ...levels, evened: flattened, scale: scale * f, backgroundRadius: radius }, k, at: ink, end: scratch };
}

/** Whether an ink map's ink stands out from its background enough to hold a digit. */
export function hasInk(map: Pick<InkMap, 'contrast' | 'evened'>): boolean {
  // an evened photo's background is its noise's reach already: faint pencil above it is ink
  return map.contrast >= (map.evened ? MIN_CONTRAST / 4 : MIN_CONTRAST);
}

/** Fits (a part of) an ink map into the network's input; null when it holds no ink. */
export function fitInk(map: InkMap, outW = 20, outH = 20): Float32Array | null {
  checkSize(outW);
  checkSize(outH);
  if (!hasInk(map)) return null;
  const pixels = map.width * map.height;
  const { k, base } = kernelFor(align16(pixels) + fitBytes(map, outW, outH));
  new Uint8Array(k.memory.buffer, base, pixels).set(map.ink);
  return fitAt(k, base, base + align16(pixels), map, outW, outH);
}

/** The preprocessing module's scratch and output for fitting a map (after the map's own bytes). */
function fitBytes(map: Omit<InkMap, 'ink'>, outW: number, outH: number): number {
  return align16(4 * map.height * outW + FIT_BYTES_PER_LINE * (map.width + map.height + outW + outH + 4)) + 4 * outW * outH;
}

/** Fits the map whose ink lies at `at` in k's memory, with scratch from `free` on (grown as needed). */
function fitAt(k: PreprocessExports, at: number, free: number, map: Omit<InkMap, 'ink'>, outW: number, outH: number): Float32Array | null {
  const { width, height, background, contrast, threshold } = map;
  growMemory(k.memory, free + fitBytes(map, outW, outH));
  const tmp = free;
  const dst = tmp + fitBytes(map, outW, outH) - 4 * outW * outH;
  if (!k.fit(at, width, height, background, contrast, Math.floor(threshold), tmp, dst, outW, outH)) return null;
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
  const { map, k, at, end } = inkMapInWasm(image, options.polarity ?? 'auto');
  if (map.evened) return fitInk(mainInk({ ...map, ink: new Uint8Array(k.memory.buffer, at, map.width * map.height).slice() }), outW, outH);
  // a drawing's map is fitted where it lies: no copy out of wasm memory and back
  return hasInk(map) ? fitAt(k, at, end, map, outW, outH) : null;
}
