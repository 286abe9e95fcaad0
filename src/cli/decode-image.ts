// PNG and JPEG files to images the library reads. Bundled into dist/cli.js (jpeg-js with it; PNG is our
// own, over Node's zlib), so the package itself has no runtime dependency. A baseline JPEG larger than
// the library works on (a camera's photo) is decoded by our own scaled decoder (jpeg.ts), straight to
// its luma at about that size; any other JPEG whole by jpeg-js.
import jpeg from 'jpeg-js';
import { MAX_IMAGE_SIDE, type ImageLike } from '../index.js';
import { exifOrientation, orient } from './exif.js';
import { decodeJpegLuma, JpegDataError } from './jpeg.js';
import { decodePng } from './png.js';
import { WORK_SIDE } from '../shrink.js';

/** A file that is not a PNG or JPEG image tinydigit can read. */
export class ImageFileError extends Error {}

const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function pngSize(bytes: Uint8Array): [number, number] | undefined {
  if (bytes.length < 24) return undefined;
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return [dv.getUint32(16), dv.getUint32(20)];
}

export function decodeImage(bytes: Uint8Array): ImageLike {
  if (PNG_MAGIC.every((b, i) => bytes[i] === b)) {
    const size = pngSize(bytes);
    if (size && (size[0] > MAX_IMAGE_SIDE || size[1] > MAX_IMAGE_SIDE)) {
      throw new ImageFileError(`PNG of ${size[0]}x${size[1]} is larger than ${MAX_IMAGE_SIDE}x${MAX_IMAGE_SIDE}`);
    }
    try {
      return { ...decodePng(bytes), channels: 4 };
    } catch (e) {
      throw new ImageFileError(`not a readable PNG: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) {
    try {
      // a photo larger than the library works on: its luma decoded straight to about that size
      const grey = decodeJpegLuma(bytes, (width, height) => {
        if (width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE) throw new ImageFileError(`JPEG of ${width}x${height} is larger than ${MAX_IMAGE_SIDE}x${MAX_IMAGE_SIDE}`);
        const shrink = Math.ceil(Math.max(width, height) / WORK_SIDE);
        return shrink >= 8 ? 8 : shrink >= 4 ? 4 : shrink >= 2 ? 2 : 1;
      });
      if (grey) return { ...orient(grey.data, grey.width, grey.height, 1, exifOrientation(bytes)), channels: 1 };
      const img = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: false, maxResolutionInMP: (MAX_IMAGE_SIDE * MAX_IMAGE_SIDE) / 1e6, maxMemoryUsageInMB: 1024 });
      if (img.width > MAX_IMAGE_SIDE || img.height > MAX_IMAGE_SIDE) throw new ImageFileError(`JPEG of ${img.width}x${img.height} is larger than ${MAX_IMAGE_SIDE}x${MAX_IMAGE_SIDE}`);
      // stand it upright as the camera said (EXIF orientation)
      return { ...orient(img.data, img.width, img.height, 3, exifOrientation(bytes)), channels: 3 };
    } catch (e) {
      if (e instanceof JpegDataError) throw new ImageFileError(`not a readable JPEG: ${e.message}`);
      throw new ImageFileError(e instanceof ImageFileError ? e.message : 'not a readable JPEG: the file is corrupt or cut short');
    }
  }
  throw new ImageFileError('not a PNG or JPEG image');
}
