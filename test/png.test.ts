// The command line's PNG decoder (src/cli/png.ts) against pngjs, on PNGs of every colour type, bit depth,
// filter and interlacing, written here by a small encoder; and every way a file can be broken.
import { deflateSync } from 'node:zlib';
import fc from 'fast-check';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { decodePng, PngError } from '../src/cli/png.js';
import { crc32 } from '../src/model/crc32.js';

const SAMPLES: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };
const ADAM7 = [[0, 0, 8, 8], [4, 0, 8, 8], [0, 4, 4, 8], [2, 0, 4, 4], [0, 2, 2, 4], [1, 0, 2, 2], [0, 1, 1, 2]];

interface Spec {
  width: number;
  height: number;
  colour: number;
  depth: number;
  interlaced: boolean;
  /** width x height x samples values, each below 2^depth. */
  values: number[];
  /** A filter type per scanline, used in turn. */
  filters: number[];
  palette?: Uint8Array;
  trns?: Uint8Array;
}

function chunk(type: string, body: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(body.length);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), body])));
  return Buffer.concat([head, body, crc]);
}

/** The scanline bytes of the pixels (x0 + k dx, y) of a pass row, bits packed from the top. */
function packLine(s: Spec, y: number, x0: number, dx: number): number[] {
  const n = SAMPLES[s.colour]!;
  const bytes: number[] = [];
  let acc = 0;
  let bits = 0;
  for (let x = x0; x < s.width; x += dx) {
    for (let k = 0; k < n; k++) {
      const v = s.values[(y * s.width + x) * n + k]!;
      if (s.depth === 16) bytes.push(v >> 8, v & 255);
      else if (s.depth === 8) bytes.push(v);
      else {
        acc = (acc << s.depth) | v;
        bits += s.depth;
        if (bits === 8) [bytes[bytes.length], acc, bits] = [acc, 0, 0];
      }
    }
  }
  if (bits) bytes.push(acc << (8 - bits));
  return bytes;
}

function filterLine(line: number[], prev: number[] | undefined, type: number, bpp: number): number[] {
  const paeth = (a: number, b: number, c: number) => {
    const pa = Math.abs(b - c);
    const pb = Math.abs(a - c);
    const pc = Math.abs(a + b - 2 * c);
    return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
  };
  return [type, ...line.map((v, i) => {
    const a = i >= bpp ? line[i - bpp]! : 0;
    const b = prev ? prev[i]! : 0;
    const c = prev && i >= bpp ? prev[i - bpp]! : 0;
    const p = [0, a, b, (a + b) >> 1, paeth(a, b, c)][type]!;
    return (v - p) & 255;
  })];
}

function encodePng(s: Spec): Buffer {
  const bpp = Math.max(1, (SAMPLES[s.colour]! * s.depth) >> 3);
  const raw: number[] = [];
  let f = 0;
  for (const [x0, y0, dx, dy] of s.interlaced ? ADAM7 : [[0, 0, 1, 1]]) {
    if (x0! >= s.width || y0! >= s.height) continue;
    let prev: number[] | undefined;
    for (let y = y0!; y < s.height; y += dy!) {
      const line = packLine(s, y, x0!, dx!);
      raw.push(...filterLine(line, prev, s.filters[f++ % s.filters.length]!, bpp));
      prev = line;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(s.width, 0);
  ihdr.writeUInt32BE(s.height, 4);
  ihdr.set([s.depth, s.colour, 0, 0, s.interlaced ? 1 : 0], 8);
  const data = deflateSync(Buffer.from(raw));
  const half = data.length >> 1;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('tEXt', Buffer.from('Comment\0an ancillary chunk, skipped')),
    ...(s.palette ? [chunk('PLTE', s.palette)] : []),
    ...(s.trns ? [chunk('tRNS', s.trns)] : []),
    chunk('IDAT', data.subarray(0, half)),
    chunk('IDAT', data.subarray(half)),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

const KINDS: [number, number][] = [[0, 1], [0, 2], [0, 4], [0, 8], [0, 16], [2, 8], [2, 16], [3, 1], [3, 2], [3, 4], [3, 8], [4, 8], [4, 16], [6, 8], [6, 16]];

const specArb = fc
  .record({ width: fc.integer({ min: 1, max: 19 }), height: fc.integer({ min: 1, max: 19 }), kind: fc.constantFrom(...KINDS), interlaced: fc.boolean(), filters: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 1, maxLength: 5 }), seed: fc.integer(), trns: fc.boolean() })
  .map(({ width, height, kind: [colour, depth], interlaced, filters, seed, trns }): Spec => {
    let state = seed >>> 0;
    const next = () => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) >>> 8) / 2 ** 24;
    const colours = colour === 3 ? Math.min(1 << depth, 1 + Math.floor(next() * 256)) : 0;
    const top = colour === 3 ? colours : 2 ** depth;
    const values = Array.from({ length: width * height * SAMPLES[colour]! }, () => Math.floor(next() * top));
    const palette = colour === 3 ? Uint8Array.from({ length: 3 * colours }, () => Math.floor(next() * 256)) : undefined;
    // tRNS: alpha for some palette entries, or a grey / RGB key equal to the first pixel's colour
    const key = (v: number) => [v >> 8, v & 255];
    const t = !trns ? undefined : colour === 3 ? Uint8Array.from({ length: Math.ceil(colours / 2) }, () => Math.floor(next() * 256)) : colour === 0 ? Uint8Array.from(key(values[0]!)) : colour === 2 ? Uint8Array.from([...key(values[0]!), ...key(values[1]!), ...key(values[2]!)]) : undefined;
    return { width, height, colour, depth, interlaced, values, filters, palette, trns: t };
  });

describe('the PNG decoder', () => {
  it('reads what pngjs reads: every colour type and bit depth, palettes, tRNS, every filter, Adam7', () => {
    fc.assert(
      fc.property(specArb, (s) => {
        const file = encodePng(s);
        const ours = decodePng(file);
        const theirs = PNG.sync.read(file);
        expect([ours.width, ours.height]).toEqual([theirs.width, theirs.height]);
        // 16-bit samples: ours keep the high byte, pngjs rounds (v * 255 / 65535): at most 1 apart
        const tolerance = s.depth === 16 ? 1 : 0;
        for (let i = 0; i < ours.data.length; i++) {
          // a transparent pixel's colour is nobody's (pngjs writes some as 0, 0, 0, 0)
          if (ours.data[i | 3] === 0 && theirs.data[i | 3] === 0) continue;
          if (Math.abs(ours.data[i]! - theirs.data[i]!) > tolerance) expect.fail(`byte ${i}: ${ours.data[i]} against pngjs ${theirs.data[i]} (${JSON.stringify({ ...s, values: undefined })})`);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('reads the pixels themselves, not only what pngjs says of them', () => {
    // 2x2 grey, 4 bits: 0, 5, 10, 15 -> 0, 85, 170, 255; the last is the tRNS key, transparent
    const png = decodePng(encodePng({ width: 2, height: 2, colour: 0, depth: 4, interlaced: false, values: [0, 5, 10, 15], filters: [4], trns: Uint8Array.of(0, 15) }));
    expect(Array.from(png.data)).toEqual([0, 0, 0, 255, 85, 85, 85, 255, 170, 170, 170, 255, 255, 255, 255, 0]);
  });

  it('refuses every broken file with a PngError: cut short anywhere, a bad CRC, bad headers, data that does not fit', () => {
    const good = encodePng({ width: 5, height: 3, colour: 2, depth: 8, interlaced: true, values: Array.from({ length: 45 }, (_, i) => i * 5), filters: [0, 1, 2, 3, 4] });
    expect(decodePng(good).width).toBe(5);
    const refused = (bytes: Uint8Array) => {
      expect(() => decodePng(bytes)).toThrow(PngError);
    };
    for (let n = 0; n < good.length; n++) refused(good.subarray(0, n));
    for (let i = 8; i < good.length; i++) {
      const bad = Buffer.from(good);
      bad[i]! ^= 0x10;
      refused(bad);
    }
    const ihdr = (edit: (b: Buffer) => void) => {
      const b = Buffer.alloc(13);
      b.writeUInt32BE(4, 0);
      b.writeUInt32BE(4, 4);
      b.set([8, 0, 0, 0, 0], 8);
      edit(b);
      return Buffer.concat([good.subarray(0, 8), chunk('IHDR', b), chunk('IDAT', deflateSync(Buffer.alloc(20))), chunk('IEND', new Uint8Array(0))]);
    };
    expect(decodePng(ihdr(() => {})).data.length).toBe(64);
    refused(ihdr((b) => b.writeUInt32BE(0, 0))); // zero width
    refused(ihdr((b) => (b[8] = 3))); // grey of 3 bits
    refused(ihdr((b) => (b[9] = 2))); // RGB of 8 bits whose data holds 4x4 grey
    refused(ihdr((b) => (b[12] = 2))); // unknown interlace method
    refused(ihdr((b) => (b[9] = 3))); // a palette image without PLTE
    const emptyPalette = Buffer.concat([good.subarray(0, 8), ihdr((b) => (b[9] = 3)).subarray(8, 33), chunk('PLTE', new Uint8Array(0)), ihdr(() => {}).subarray(33)]);
    expect(() => decodePng(emptyPalette)).toThrow('a palette image needs a PLTE of 1-256 colours');
    // an unknown critical chunk; a deflate bomb: data far larger than the header says
    refused(Buffer.concat([good.subarray(0, 33), chunk('ABCD', new Uint8Array(1)), good.subarray(33)]));
    refused(Buffer.concat([good.subarray(0, 8), ihdr(() => {}).subarray(8, 33), chunk('IDAT', deflateSync(Buffer.alloc(1 << 20))), chunk('IEND', new Uint8Array(0))]));
    refused(Buffer.from('not a png at all'));
  });

  it('gives back an image or a PngError, nothing else, for any bytes changed inside chunks whose CRCs are then fixed', () => {
    const files = [
      encodePng({ width: 6, height: 5, colour: 3, depth: 2, interlaced: true, values: Array.from({ length: 30 }, (_, i) => i % 4), filters: [1, 4], palette: Uint8Array.from({ length: 12 }, (_, i) => i * 20), trns: Uint8Array.of(0, 128) }),
      encodePng({ width: 7, height: 4, colour: 4, depth: 16, interlaced: false, values: Array.from({ length: 56 }, (_, i) => i * 1111), filters: [2, 3] }),
    ];
    /** Recomputes every chunk's CRC (the changed length fields may leave a tail that is not a chunk). */
    const fixCrcs = (b: Buffer) => {
      for (let at = 8; at + 12 <= b.length; ) {
        const end = at + 12 + b.readUInt32BE(at);
        if (end > b.length) break;
        b.writeUInt32BE(crc32(b.subarray(at + 4, end - 4)), end - 4);
        at = end;
      }
      return b;
    };
    fc.assert(
      fc.property(fc.constantFrom(...files), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 6 }), (file, edits) => {
        const b = Buffer.from(file);
        for (const [at, v] of edits) b[8 + (at % (b.length - 8))] = v;
        try {
          const png = decodePng(fixCrcs(b));
          expect(png.data.length).toBe(png.width * png.height * 4);
        } catch (e) {
          expect(e).toBeInstanceOf(PngError);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
