// The entropy-coded side of a baseline JPEG (ITU T.81, annex F): Huffman tables, and a reader of a scan's
// bits that unstuffs FF00, stops at markers and steps over restart markers.

/** A JPEG this decoder took on, but whose data is broken. */
export class JpegDataError extends Error {}

/** A Huffman table: a lookup by the next 9 bits for short codes, and the canonical codes' bounds per length. */
export interface Huffman {
  /** (length << 8) | symbol, or 0 when the code is longer than 9 bits. */
  fast: Uint16Array;
  /** The largest code of each length (1-16), -1 when none. */
  maxCode: Int32Array;
  /** Where each length's symbols start, less its first code. */
  offset: Int32Array;
  symbols: Uint8Array;
}

const FAST_BITS = 9;

/** The table of a DHT segment's 16 code counts (one per length) and its symbols. */
export function huffman(counts: Uint8Array, symbols: Uint8Array): Huffman {
  const fast = new Uint16Array(1 << FAST_BITS);
  const maxCode = new Int32Array(18).fill(-1);
  const offset = new Int32Array(18);
  let code = 0;
  let k = 0;
  for (let len = 1; len <= 16; len++) {
    const n = counts[len - 1]!;
    offset[len] = k - code;
    for (let i = 0; i < n; i++, k++, code++) {
      if (len <= FAST_BITS) {
        const shift = FAST_BITS - len;
        fast.fill((len << 8) | symbols[k]!, code << shift, (code + 1) << shift);
      }
    }
    if (n) maxCode[len] = code - 1;
    if (code > 1 << len) throw new JpegDataError('a Huffman table has more codes than its lengths allow');
    code <<= 1;
  }
  return { fast, maxCode, offset, symbols };
}

/** Whether a restart marker (RST0-7) starts at byte p. */
export const restartMarkerAt = (d: Uint8Array, p: number): boolean => d[p] === 0xff && d[p + 1]! >= 0xd0 && d[p + 1]! <= 0xd7;

/** Reads the entropy-coded data of a scan bit by bit, FF00 unstuffed, stopping at a marker. */
export class BitReader {
  private bits = 0;
  private count = 0;
  /** Zero bits fed past a marker or the data's end (a few are normal; many mean the data ran out). */
  private padding = 0;

  constructor(
    private readonly data: Uint8Array,
    public pos: number,
  ) {}

  private fill(): void {
    while (this.count <= 24) {
      let b = 0;
      const d = this.data;
      if (this.pos < d.length && !(d[this.pos] === 0xff && d[this.pos + 1] !== 0)) {
        b = d[this.pos]!;
        this.pos += b === 0xff ? 2 : 1;
      } else if (++this.padding > 64) throw new JpegDataError('cut short');
      this.bits = ((this.bits << 8) | b) >>> 0;
      this.count += 8;
    }
  }

  /** The next n bits (n <= 16), as an unsigned number. */
  read(n: number): number {
    if (this.count < n) this.fill();
    this.count -= n;
    return (this.bits >>> this.count) & ((1 << n) - 1);
  }

  decode(t: Huffman): number {
    if (this.count < 16) this.fill();
    const e = t.fast[(this.bits >>> (this.count - FAST_BITS)) & ((1 << FAST_BITS) - 1)]!;
    if (e) {
      this.count -= e >> 8;
      return e & 0xff;
    }
    for (let len = FAST_BITS + 1; len <= 16; len++) {
      const code = (this.bits >>> (this.count - len)) & ((1 << len) - 1);
      if (code <= t.maxCode[len]!) {
        this.count -= len;
        return t.symbols[code + t.offset[len]!]!;
      }
    }
    throw new JpegDataError('a Huffman code no table has');
  }

  /** A coefficient of s bits (F.2.2.1: EXTEND). */
  receive(s: number): number {
    if (!s) return 0;
    const v = this.read(s);
    return v < 1 << (s - 1) ? v - (1 << s) + 1 : v;
  }

  /** Past the restart marker that must come next (RST0-7), the bits left before it dropped. */
  restart(): void {
    this.bits = 0;
    this.count = 0;
    this.padding = 0;
    const d = this.data;
    while (this.pos + 1 < d.length && !restartMarkerAt(d, this.pos)) this.pos++;
    if (this.pos + 1 >= d.length) throw new JpegDataError('cut short (a restart marker missing)');
    this.pos += 2;
  }
}
