// PNG files to RGBA pixels, for the command line (Node's zlib inflates): every colour type and bit depth
// of the PNG specification, palettes, tRNS transparency and Adam7 interlacing; 16-bit samples keep their
// high byte. Every chunk's CRC is checked; ancillary chunks other than tRNS are skipped (no gamma or
// colour management: the ink is what the pixels say).
import { inflateSync } from 'node:zlib';
import { crc32 } from '../model/crc32.js';

/** A PNG that cannot be read: malformed, corrupt, cut short, or of a kind the specification does not allow. */
export class PngError extends Error {}

export interface RgbaImage {
  data: Uint8Array;
  width: number;
  height: number;
}

const MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** Samples per pixel of each colour type: grey, RGB, palette index, grey + alpha, RGBA. */
const SAMPLES: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };
/** The bit depths each colour type allows. */
const DEPTHS: Record<number, number[]> = { 0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16] };
/** Adam7's passes: first column, first row, column step, row step. */
const ADAM7 = [[0, 0, 8, 8], [4, 0, 8, 8], [0, 4, 4, 8], [2, 0, 4, 4], [0, 2, 2, 4], [1, 0, 2, 2], [0, 1, 1, 2]] as const;

interface Header {
  width: number;
  height: number;
  depth: number;
  colour: number;
  interlaced: boolean;
}

/** Bytes of one filtered scanline of `width` pixels, without its filter byte. */
const lineBytes = (h: Header, width: number) => Math.ceil((width * SAMPLES[h.colour]! * h.depth) / 8);

/** The passes' sizes (one pass, the whole image, when not interlaced). */
function passes(h: Header): { x0: number; y0: number; dx: number; dy: number; w: number; h: number }[] {
  if (!h.interlaced) return [{ x0: 0, y0: 0, dx: 1, dy: 1, w: h.width, h: h.height }];
  return ADAM7.map(([x0, y0, dx, dy]) => ({ x0, y0, dx, dy, w: Math.ceil((h.width - x0) / dx), h: Math.ceil((h.height - y0) / dy) }));
}

function readHeader(ihdr: Uint8Array): Header {
  const dv = new DataView(ihdr.buffer, ihdr.byteOffset, ihdr.byteLength);
  if (ihdr.length !== 13) throw new PngError('IHDR must be 13 bytes');
  const h = { width: dv.getUint32(0), height: dv.getUint32(4), depth: ihdr[8]!, colour: ihdr[9]!, interlaced: ihdr[12] === 1 };
  if (!h.width || !h.height || h.width > 2 ** 31 - 1 || h.height > 2 ** 31 - 1) throw new PngError(`bad size ${h.width}x${h.height}`);
  if (!DEPTHS[h.colour]?.includes(h.depth)) throw new PngError(`colour type ${h.colour} with bit depth ${h.depth} is not a PNG`);
  if (ihdr[10] !== 0 || ihdr[11] !== 0 || ihdr[12]! > 1) throw new PngError('unknown compression, filter or interlace method');
  return h;
}

/** Undoes the scanline filters of one pass in place (`raw`: filter byte + line, line after line). */
function unfilter(raw: Uint8Array, at: number, lines: number, bytes: number, bpp: number): void {
  // the line above the first is zeros: a copy of them to read from
  const zeros = new Uint8Array(bytes);
  for (let y = 0; y < lines; y++) {
    const line = at + y * (bytes + 1) + 1;
    const type = raw[line - 1];
    const up = y > 0 ? raw.subarray(line - bytes - 1, line - 1) : zeros;
    const cur = raw.subarray(line, line + bytes);
    if (type === 1) for (let i = bpp; i < bytes; i++) cur[i] = cur[i]! + cur[i - bpp]!;
    else if (type === 2) for (let i = 0; i < bytes; i++) cur[i] = cur[i]! + up[i]!;
    else if (type === 3) {
      for (let i = 0; i < bpp; i++) cur[i] = cur[i]! + (up[i]! >> 1);
      for (let i = bpp; i < bytes; i++) cur[i] = cur[i]! + ((cur[i - bpp]! + up[i]!) >> 1);
    } else if (type === 4) {
      for (let i = 0; i < bpp; i++) cur[i] = cur[i]! + up[i]!;
      for (let i = bpp; i < bytes; i++) {
        const a = cur[i - bpp]!;
        const b = up[i]!;
        const c = up[i - bpp]!;
        const pa = Math.abs(b - c);
        const pb = Math.abs(a - c);
        const pc = Math.abs(a + b - 2 * c);
        cur[i] = cur[i]! + (pa <= pb && pa <= pc ? a : pb <= pc ? b : c);
      }
    } else if (type !== 0) throw new PngError(`unknown filter type ${type}`);
  }
}

/** Decodes a PNG file to 8-bit RGBA. @throws {PngError} */
export function decodePng(file: Uint8Array): RgbaImage {
  if (file.length < 8 || !MAGIC.every((b, i) => file[i] === b)) throw new PngError('not a PNG');
  const dv = new DataView(file.buffer, file.byteOffset, file.byteLength);
  let header: Header | undefined;
  let palette: Uint8Array | undefined;
  let trns: Uint8Array | undefined;
  const idat: Uint8Array[] = [];
  let ended = false;
  for (let at = 8; !ended; ) {
    if (at + 12 > file.length) throw new PngError('cut short');
    const length = dv.getUint32(at);
    const type = String.fromCharCode(...file.subarray(at + 4, at + 8));
    const end = at + 12 + length;
    if (length > 2 ** 31 - 1 || end > file.length) throw new PngError('cut short');
    if (!/^[A-Za-z]{4}$/.test(type)) throw new PngError('a chunk whose type is not four letters');
    if (crc32(file.subarray(at + 4, end - 4)) !== dv.getUint32(end - 4)) throw new PngError(`bad CRC in ${type}`);
    const body = file.subarray(at + 8, end - 4);
    if (!header && type !== 'IHDR') throw new PngError('IHDR must come first');
    if (type === 'IHDR') header = readHeader(body);
    else if (type === 'PLTE') palette = body;
    else if (type === 'tRNS') trns = body;
    else if (type === 'IDAT') idat.push(body);
    else if (type === 'IEND') ended = true;
    else if (!(file[at + 4]! & 0x20)) throw new PngError(`unknown critical chunk ${type}`);
    at = end;
  }
  const h = header!;
  if (h.colour === 3 && (!palette?.length || palette.length % 3 || palette.length > 768)) throw new PngError('a palette image needs a PLTE of 1-256 colours');
  const samples = SAMPLES[h.colour]!;
  const bpp = Math.max(1, (samples * h.depth) >> 3);
  const ps = passes(h).filter((p) => p.w > 0 && p.h > 0);
  const expected = ps.reduce((n, p) => n + p.h * (lineBytes(h, p.w) + 1), 0);
  let raw: Uint8Array;
  try {
    raw = inflateSync(Buffer.concat(idat), { maxOutputLength: expected + 1 });
  } catch {
    throw new PngError('the image data does not inflate (corrupt, or larger than its header says)');
  }
  if (raw.length !== expected) throw new PngError(`the image data holds ${raw.length} bytes, its header says ${expected}`);

  const out = new Uint8Array(h.width * h.height * 4);
  const max = (1 << h.depth) - 1;
  // grey or RGB: the one colour tRNS makes transparent (a 16-bit sample per channel)
  const key = trns && (h.colour === 0 || h.colour === 2) && trns.length >= 2 * samples ? Array.from({ length: samples }, (_, s) => (trns[2 * s]! << 8) | trns[2 * s + 1]!) : undefined;
  const sample = (line: number, x: number, s: number) => {
    if (h.depth === 16) return (raw[line + 2 * (x * samples + s)]! << 8) | raw[line + 2 * (x * samples + s) + 1]!;
    if (h.depth === 8) return raw[line + x * samples + s]!;
    const bit = x * h.depth;
    return (raw[line + (bit >> 3)]! >> (8 - h.depth - (bit & 7))) & max;
  };
  const grey = samples < 3;
  const alpha = h.colour === 4 || h.colour === 6;
  const to8 = (v: number) => (h.depth === 16 ? v >> 8 : h.depth === 8 ? v : Math.round((v * 255) / max));
  let at = 0;
  for (const p of ps) {
    const bytes = lineBytes(h, p.w);
    unfilter(raw, at, p.h, bytes, bpp);
    for (let y = 0; y < p.h; y++) {
      const line = at + y * (bytes + 1) + 1;
      if (h.depth === 8 && h.colour !== 3 && !key && p.dx === 1) {
        // the common case, a byte a sample and no colour key: straight copies
        const o = 4 * (p.y0 + y * p.dy) * h.width;
        if (h.colour === 6) out.set(raw.subarray(line, line + bytes), o);
        else {
          for (let x = 0, i = line, j = o; x < p.w; x++, i += samples, j += 4) {
            out[j] = raw[i]!;
            out[j + 1] = raw[i + (grey ? 0 : 1)]!;
            out[j + 2] = raw[i + (grey ? 0 : 2)]!;
            out[j + 3] = alpha ? raw[i + samples - 1]! : 255;
          }
        }
        continue;
      }
      for (let x = 0; x < p.w; x++) {
        const o = 4 * ((p.y0 + y * p.dy) * h.width + p.x0 + x * p.dx);
        if (h.colour === 3) {
          const i = sample(line, x, 0);
          if (3 * i + 2 >= palette!.length) throw new PngError(`palette index ${i} beyond the palette`);
          out.set(palette!.subarray(3 * i, 3 * i + 3), o);
          out[o + 3] = trns && i < trns.length ? trns[i]! : 255;
          continue;
        }
        const c0 = sample(line, x, 0);
        const c1 = grey ? c0 : sample(line, x, 1);
        const c2 = grey ? c0 : sample(line, x, 2);
        out[o] = to8(c0);
        out[o + 1] = to8(c1);
        out[o + 2] = to8(c2);
        if (alpha) out[o + 3] = to8(sample(line, x, samples - 1));
        else out[o + 3] = key && c0 === key[0] && (grey || (c1 === key[1] && c2 === key[2])) ? 0 : 255;
      }
    }
    at += p.h * (bytes + 1);
  }
  return { data: out, width: h.width, height: h.height };
}
