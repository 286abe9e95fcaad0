// The command line's scaled JPEG decoder (src/cli/jpeg.ts) against libjpeg-turbo: JPEGs of every kind made
// by its cjpeg, and its djpeg's whole decode (luma, float DCT) averaged over the same blocks as the
// reference. cjpeg and djpeg come from Debian's libjpeg-turbo-progs (tools/system-packages.mjs).
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { decodeImage, ImageFileError } from '../src/cli/decode-image.js';
import { decodeJpegLuma, JpegDataError } from '../src/cli/jpeg.js';
import { loadClassifierSync } from '../src/index.js';

/** A photo-like w x h RGB picture: a lighting gradient, a ring and a bar of ink, noise, colour. */
function photo(w: number, h: number, seed: number, ink = 150): Buffer {
  let s = seed;
  const r = () => (s = (s * 1103515245 + 12345) >>> 0) / 2 ** 32;
  const px = Buffer.alloc(w * h * 3);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const bg = 200 - 80 * (x / w) - 40 * (y / h);
      const d = Math.hypot(x - w / 2, y - h / 2) / (h / 3);
      const stroke = Math.abs(d - 1) < 0.08 || (Math.abs(x - w * 0.8) < w * 0.012 && y > h * 0.2 && y < h * 0.8) ? ink : 0;
      const v = bg - stroke + (r() - 0.5) * 30;
      for (let k = 0; k < 3; k++) px[(y * w + x) * 3 + k] = Math.max(0, Math.min(255, Math.round(v + (k - 1) * 12 * Math.sin(x / 37))));
    }
  }
  return Buffer.concat([Buffer.from(`P6\n${w} ${h}\n255\n`), px]);
}

const cjpeg = (ppm: Buffer, args: string[]) => new Uint8Array(execFileSync('cjpeg', args, { input: ppm, maxBuffer: 1 << 28 }));

/** djpeg's luma of a JPEG, whole (float DCT). */
function djpegLuma(file: Uint8Array): { data: Buffer; width: number; height: number } {
  const pgm = execFileSync('djpeg', ['-grayscale', '-dct', 'float', '-pnm'], { input: file, maxBuffer: 1 << 28 });
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.toString('latin1', 0, 32))!;
  return { data: pgm.subarray(header[0].length), width: Number(header[1]), height: Number(header[2]) };
}

/** How far our 1/scale luma is from the reference's blocks averaged (whole blocks only: those at the right and bottom edges average the encoder's padding too). */
function differences(file: Uint8Array, scale: 2 | 4 | 8): { mean: number; max: number; width: number; height: number } {
  const ref = djpegLuma(file);
  const got = decodeJpegLuma(file, () => scale)!;
  expect([got.width, got.height]).toEqual([Math.ceil(ref.width / scale), Math.ceil(ref.height / scale)]);
  let sum = 0;
  let max = 0;
  let n = 0;
  for (let y = 0; (y + 1) * scale <= ref.height; y++) {
    for (let x = 0; (x + 1) * scale <= ref.width; x++) {
      let acc = 0;
      for (let yy = y * scale; yy < (y + 1) * scale; yy++) for (let xx = x * scale; xx < (x + 1) * scale; xx++) acc += ref.data[yy * ref.width + xx]!;
      const d = Math.abs(acc / scale ** 2 - got.data[y * got.width + x]!);
      sum += d;
      max = Math.max(max, d);
      n++;
    }
  }
  return { mean: sum / n, max, width: got.width, height: got.height };
}

describe('scaled JPEG luma', () => {
  const picture = photo(1003, 757, 7);

  // Each mean is the exact mean of the block's pixels before rounding, so it is within 0.5 of the
  // reference's, give or take its float DCT's rounding: but a pixel is clamped to 0-255 before the
  // reference averages it, and only the block's mean here. High quality keeps a stroke's ringing in range.
  it('gives the block means of libjpeg-turbo`s decode, at 1/2, 1/4 and 1/8: 4:2:0, 4:2:2, 4:4:4, grey, optimized tables, restarts', () => {
    for (const args of [['-sample', '2x2', '-quality', '95'], ['-sample', '2x1', '-quality', '95', '-restart', '3B'], ['-sample', '1x1', '-quality', '98', '-optimize'], ['-grayscale', '-quality', '95', '-restart', '1']]) {
      const file = cjpeg(picture, args);
      for (const scale of [2, 4, 8] as const) {
        const d = differences(file, scale);
        expect(d.mean, `${args.join(' ')} at 1/${scale}`).toBeLessThan(0.3);
        expect(d.max, `${args.join(' ')} at 1/${scale}`).toBeLessThan(4);
      }
    }
  });

  it('stays near where a low quality rings below black (the mean clamped once, not each pixel)', () => {
    const d = differences(cjpeg(photo(640, 480, 3, 230), ['-sample', '2x2', '-quality', '30']), 4);
    expect(d.mean).toBeLessThan(0.4);
    expect(d.max).toBeLessThan(16);
  });

  it('leaves progressive, RGB and small JPEGs to the whole decoder', () => {
    expect(decodeJpegLuma(cjpeg(picture, ['-progressive']), () => 4)).toBeUndefined();
    expect(decodeJpegLuma(cjpeg(picture, ['-rgb']), () => 4)).toBeUndefined();
    expect(decodeJpegLuma(cjpeg(picture, []), () => 1)).toBeUndefined();
    // and the command line still reads them, whole: RGB
    expect(decodeImage(cjpeg(picture, ['-progressive']))).toMatchObject({ width: 1003, height: 757, channels: 3 });
  });

  it('decodes a camera-sized photo to about the size the library works at (4032x3024 at 1/4: 1008x756)', () => {
    const file = cjpeg(photo(4032, 3024, 11), ['-sample', '2x2', '-quality', '90']);
    const image = decodeImage(file);
    expect(image).toMatchObject({ width: 1008, height: 756, channels: 1 });
    const d = differences(file, 4);
    expect(d.mean).toBeLessThan(0.3);
  });

  it('refuses a file cut short or with a broken scan with a JpegDataError, never anything else', () => {
    const file = cjpeg(photo(600, 400, 5), ['-sample', '2x2', '-quality', '90']);
    expect(() => decodeJpegLuma(file.subarray(0, file.length >> 1), () => 2)).toThrow(new JpegDataError('cut short'));
    expect(() => decodeImage(Uint8Array.from([...cjpeg(photo(2100, 1500, 5), []).subarray(0, 40000)]))).toThrow(new ImageFileError('not a readable JPEG: cut short'));
    // bytes of the scan changed at random: a broken reading, or a JpegDataError
    let s = 99;
    const r = () => (s = (s * 1103515245 + 12345) >>> 0) / 2 ** 32;
    const scanAt = file.findIndex((b, i) => b === 0xff && file[i + 1] === 0xda);
    let refused = 0;
    for (let t = 0; t < 200; t++) {
      const broken = file.slice();
      for (let k = 0; k < 3; k++) broken[scanAt + 20 + Math.floor(r() * (file.length - scanAt - 22))] = Math.floor(r() * 256);
      try {
        const got = decodeJpegLuma(broken, () => 2);
        expect(got!.data.length).toBe(300 * 200);
      } catch (e) {
        expect(e).toBeInstanceOf(JpegDataError);
        refused++;
      }
    }
    expect(refused).toBeGreaterThan(0);
  });

  it('refuses broken headers (tables, frame, scan) with a JpegDataError, or leaves them to the whole decoder', () => {
    const file = cjpeg(photo(600, 400, 5), ['-sample', '2x2', '-quality', '90', '-restart', '2']);
    const scanData = file.findIndex((b, i) => b === 0xff && file[i + 1] === 0xda) + 14;
    class TooLarge extends Error {}
    const scaleFor = (w: number, h: number) => {
      if (w > 16384 || h > 16384) throw new TooLarge();
      return 2 as const;
    };
    let s = 5;
    const r = () => (s = (s * 1103515245 + 12345) >>> 0) / 2 ** 32;
    const outcomes = new Set<string>();
    for (let t = 0; t < 300; t++) {
      const broken = file.slice();
      for (let k = 0; k < 2; k++) broken[2 + Math.floor(r() * (scanData - 2))] = Math.floor(r() * 256);
      try {
        outcomes.add(decodeJpegLuma(broken, scaleFor) ? 'decoded' : 'whole decoder');
      } catch (e) {
        expect(e instanceof JpegDataError || e instanceof TooLarge, String(e)).toBe(true);
        outcomes.add('refused');
      }
    }
    expect(outcomes).toContain('refused');
    expect(outcomes).toContain('decoded');
  });

  it('reads a photographed digit the same through either decoder', () => {
    const clf = loadClassifierSync();
    // a 7 (a bar and a slanted stroke) in a camera-sized photo
    const [w, h] = [2400, 1800];
    const px = Buffer.alloc(w * h * 3);
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        const bar = y > 500 && y < 600 && x > 800 && x < 1600;
        const stem = y >= 600 && y < 1400 && Math.abs(x - (1600 - (y - 600) * 0.5)) < 50;
        px.fill(Math.round(210 - 60 * (x / w)) - (bar || stem ? 150 : 0), (y * w + x) * 3, (y * w + x) * 3 + 3);
      }
    }
    const file = cjpeg(Buffer.concat([Buffer.from(`P6\n${w} ${h}\n255\n`), px]), ['-sample', '2x2', '-quality', '85']);
    const scaled = clf.classifyImage(decodeImage(file))!;
    expect(scaled.digit).toBe(7);
    const whole = djpegLuma(file);
    expect(clf.classifyImage({ data: whole.data, width: whole.width, height: whole.height, channels: 1 })!.digit).toBe(7);
  });
});
