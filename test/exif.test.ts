// Camera JPEGs stand upright as their EXIF orientation says (phones store the sensor's pixels and set it).
import jpeg from 'jpeg-js';
import { describe, expect, it } from 'vitest';
import { decodeImage } from '../src/cli/decode-image.js';
import { exifOrientation, orient } from '../src/cli/exif.js';
import { loadClassifierSync } from '../src/index.js';

/** A JPEG with an APP1 EXIF block holding one tag, the orientation (big-endian TIFF). */
function withOrientation(file: Uint8Array, orientation: number): Uint8Array {
  const tiff = [0x4d, 0x4d, 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, orientation, 0, 0, 0, 0, 0, 0];
  const payload = [0x45, 0x78, 0x69, 0x66, 0, 0, ...tiff];
  const app1 = [0xff, 0xe1, (payload.length + 2) >> 8, (payload.length + 2) & 0xff, ...payload];
  return Uint8Array.from([...file.subarray(0, 2), ...app1, ...file.subarray(2)]);
}

/** A 7 in dark ink on white paper, 200 x 240 RGBA. */
function seven(): Uint8Array {
  const [w, h] = [200, 240];
  const upright = new Uint8Array(w * h * 4).fill(235);
  const ink = (x: number, y: number) => upright.fill(20, (y * w + x) * 4, (y * w + x) * 4 + 3);
  for (let y = 40; y < 56; y++) for (let x = 50; x < 150; x++) ink(x, y);
  for (let y = 56; y < 200; y++) for (let x = 0; x < 16; x++) ink(Math.round(150 - (y - 56) * 0.45) - 8 + x, y);
  return upright;
}

/** The 7 as the camera stored it when held turned by 90° clockwise (orientation 6). */
function sevenStoredSideways(): Uint8Array {
  const [w, h] = [200, 240];
  const upright = seven();
  // stored = the upright picture turned 90° counter-clockwise; orientation 6 turns it back
  const stored = new Uint8Array(w * h * 4);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) stored.set(upright.subarray((y * w + x) * 4, (y * w + x) * 4 + 4), ((w - 1 - x) * h + y) * 4);
  return new Uint8Array(jpeg.encode({ data: Buffer.from(stored), width: h, height: w }, 90).data);
}

describe('EXIF orientation', () => {
  it('reads the orientation tag, 1 when there is none', () => {
    const plain = sevenStoredSideways();
    expect(exifOrientation(plain)).toBe(1);
    for (const o of [3, 6, 8]) expect(exifOrientation(withOrientation(plain, o))).toBe(o);
  });

  it('turns pixels for each orientation (a 3x2 image)', () => {
    const px = Uint8Array.from([1, 2, 3, 4, 5, 6]);
    expect(orient(px, 3, 2, 1, 3)).toEqual({ data: Uint8Array.from([6, 5, 4, 3, 2, 1]), width: 3, height: 2 });
    expect(orient(px, 3, 2, 1, 6)).toEqual({ data: Uint8Array.from([4, 1, 5, 2, 6, 3]), width: 2, height: 3 });
    expect(orient(px, 3, 2, 1, 8)).toEqual({ data: Uint8Array.from([3, 6, 2, 5, 1, 4]), width: 2, height: 3 });
  });

  it('reads a 7 photographed sideways the right way up', () => {
    const clf = loadClassifierSync();
    const file = withOrientation(sevenStoredSideways(), 6);
    const image = decodeImage(file);
    expect([image.width, image.height]).toEqual([200, 240]);
    expect(clf.classifyImage(image)?.digit).toBe(7);
    // pixel for pixel the upright drawing (up to JPEG's error); without the tag, the pixels lie on their side
    const upright = seven();
    let diff = 0;
    for (let i = 0; i < 200 * 240; i++) diff += Math.abs(image.data[i * 3]! - upright[i * 4]!);
    expect(diff / (200 * 240)).toBeLessThan(3);
    expect([decodeImage(sevenStoredSideways()).width, decodeImage(sevenStoredSideways()).height]).toEqual([240, 200]);
  });
});
