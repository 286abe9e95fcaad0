// A large baseline JPEG (a phone's or a Pi camera's photo, 8-16 megapixels) decoded straight to the grey
// image the library would work on anyway: its luma at 1/2, 1/4 or 1/8 of its size, each pixel the mean of
// the block of pixels it stands for, computed from the DCT coefficients (the mean of a square of a
// block's pixels is a sum over the block's nonzero coefficients). The colour components are
// Huffman-decoded and dropped. A whole decode of a 12-megapixel photo in JavaScript (jpeg-js) takes
// 1.4 s and 440 MB; this, a fraction of both. Anything else (progressive, arithmetic coding, 12 bits,
// CMYK or RGB components) is left to the whole decoder: `undefined`.

import { BitReader, huffman, JpegDataError, restartMarkerAt, type Huffman } from './jpeg-entropy.js';

export { JpegDataError } from './jpeg-entropy.js';

/** A grey image, a byte per pixel, row-major. */
export interface GreyImage {
  data: Uint8Array;
  width: number;
  height: number;
}

// the natural (row-major) index of each zigzag position
const ZIGZAG = Uint8Array.of(
  0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5, 12, 19, 26, 33, 40, 48, 41, 34, 27, 20, 13, 6, 7, 14, 21, 28,
  35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51, 58, 59, 52, 45, 38, 31, 39, 46, 53, 60, 61, 54, 47, 55, 62, 63,
);

/** A component of the frame (Y, Cb, Cr or grey): its sampling factors, tables and DC predictor. */
interface Component {
  id: number;
  h: number;
  v: number;
  quant: number;
  dcTable?: Huffman;
  acTable?: Huffman;
  pred: number;
}

/** The frame header's image: its size, components, largest sampling factors and MCUs across and down. */
interface Frame {
  width: number;
  height: number;
  components: Component[];
  hMax: number;
  vMax: number;
  mcusPerLine: number;
  mcusPerColumn: number;
}

/**
 * weights[u * n + q]: how coefficient u (of a row or column) moves the mean of the q-th group of `scale`
 * pixels along it, n = 8 / scale groups: C(u) / 2 times the mean over the group of cos((2x + 1) u pi / 16).
 */
function meanWeights(scale: number): Float64Array {
  const n = 8 / scale;
  const w = new Float64Array(8 * n);
  for (let u = 0; u < 8; u++) {
    for (let q = 0; q < n; q++) {
      let sum = 0;
      for (let x = q * scale; x < (q + 1) * scale; x++) sum += Math.cos(((2 * x + 1) * u * Math.PI) / 16);
      w[u * n + q] = ((u ? 1 : Math.SQRT1_2) / 2) * (sum / scale);
    }
  }
  return w;
}

const u16 = (d: Uint8Array, at: number) => (d[at]! << 8) | d[at + 1]!;

/**
 * The JPEG's luma at 1/scale of its size, each pixel the mean of the scale x scale pixels it stands for,
 * the scale (1, 2, 4 or 8) chosen by `scaleFor` from the image's size; `undefined` for scale 1 and for a
 * JPEG this decoder does not take (see above).
 * @throws {JpegDataError} when the data is broken or cut short; whatever `scaleFor` throws.
 */
export function decodeJpegLuma(data: Uint8Array, scaleFor: (width: number, height: number) => 1 | 2 | 4 | 8): GreyImage | undefined {
  let scale = 1;
  const quant: (Float64Array | undefined)[] = [];
  const dcTables: (Huffman | undefined)[] = [];
  const acTables: (Huffman | undefined)[] = [];
  let frame: Frame | undefined;
  let restartInterval = 0;
  let adobeTransform: number | undefined;
  let out: GreyImage | undefined;
  let pos = 2;
  if (u16(data, 0) !== 0xffd8) throw new JpegDataError('no start of image');
  for (;;) {
    if (pos + 2 > data.length) throw new JpegDataError('cut short');
    if (data[pos] !== 0xff) throw new JpegDataError(`no marker where one must be (byte ${pos})`);
    const marker = data[pos + 1]!;
    if (marker === 0xff) {
      pos++; // fill bytes
      continue;
    }
    if (marker === 0xd9) break; // end of image
    if (pos + 4 > data.length) throw new JpegDataError('cut short');
    const length = u16(data, pos + 2);
    const start = pos + 4;
    const end = pos + 2 + length;
    if (length < 2 || end > data.length) throw new JpegDataError('cut short');
    pos = end;
    if (marker === 0xdb) {
      for (let p = start; p < end; ) {
        const precision = data[p]! >> 4;
        const id = data[p]! & 15;
        p++;
        const q = new Float64Array(64);
        for (let k = 0; k < 64; k++, p += precision ? 2 : 1) q[ZIGZAG[k]!] = precision ? u16(data, p) : data[p]!;
        if (id > 3 || p > end) throw new JpegDataError('a quantization table is malformed');
        quant[id] = q;
      }
    } else if (marker === 0xc4) {
      for (let p = start; p < end; ) {
        const cls = data[p]! >> 4;
        const id = data[p]! & 15;
        const counts = data.subarray(p + 1, p + 17);
        const n = counts.reduce((a, b) => a + b, 0);
        if (cls > 1 || id > 3 || p + 17 + n > end) throw new JpegDataError('a Huffman table is malformed');
        (cls ? acTables : dcTables)[id] = huffman(counts, data.subarray(p + 17, p + 17 + n));
        p += 17 + n;
      }
    } else if (marker === 0xdd) {
      restartInterval = u16(data, start);
    } else if (marker === 0xee && String.fromCharCode(...data.subarray(start, start + 5)) === 'Adobe') {
      adobeTransform = data[start + 11];
    } else if (marker === 0xc0 || marker === 0xc1) {
      if (frame) throw new JpegDataError('two frames');
      if (data[start] !== 8) return undefined; // 12-bit samples
      const height = u16(data, start + 1);
      const width = u16(data, start + 3);
      const n = data[start + 5]!;
      if (!width || !height || n < 1 || start + 6 + 3 * n > end) throw new JpegDataError('the frame header is malformed');
      const components: Component[] = [];
      for (let i = 0; i < n; i++) {
        const p = start + 6 + 3 * i;
        components.push({ id: data[p]!, h: data[p + 1]! >> 4, v: data[p + 1]! & 15, quant: data[p + 2]!, pred: 0 });
      }
      if (components.some((c) => c.h < 1 || c.h > 4 || c.v < 1 || c.v > 4 || c.quant > 3)) throw new JpegDataError('the frame header is malformed');
      const hMax = Math.max(...components.map((c) => c.h));
      const vMax = Math.max(...components.map((c) => c.v));
      const mcusPerLine = Math.ceil(width / (8 * hMax));
      const mcusPerColumn = Math.ceil(height / (8 * vMax));
      frame = { width, height, components, hMax, vMax, mcusPerLine, mcusPerColumn };
      scale = scaleFor(width, height);
      // grey, or YCbCr (not 4 components, not Adobe's untransformed RGB, not components named R G B)
      const y = components[0]!;
      const rgbIds = n === 3 && components.map((c) => String.fromCharCode(c.id)).join('') === 'RGB';
      if (scale < 2 || n === 2 || n > 3 || adobeTransform === 0 || rgbIds || y.h !== hMax || y.v !== vMax) return undefined;
      out = { data: new Uint8Array(Math.ceil(width / scale) * Math.ceil(height / scale)), width: Math.ceil(width / scale), height: Math.ceil(height / scale) };
    } else if (marker >= 0xc2 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return undefined; // progressive, lossless or arithmetic-coded
    } else if (marker === 0xda) {
      if (!frame || !out) throw new JpegDataError('a scan before the frame header');
      pos = decodeScan(data, start, end, frame, out, scale, restartInterval, quant, dcTables, acTables);
    }
  }
  if (!out) throw new JpegDataError('no image in the file');
  return out;
}

/** One baseline scan into `out` (the luma component's block means); returns where the data after it starts. */
function decodeScan(
  data: Uint8Array, start: number, end: number,
  frame: Frame,
  out: GreyImage, scale: number, restartInterval: number,
  quant: (Float64Array | undefined)[], dcTables: (Huffman | undefined)[], acTables: (Huffman | undefined)[],
): number {
  const n = data[start]!;
  if (n < 1 || n > 4 || start + 4 + 2 * n > end) throw new JpegDataError('a scan header is malformed');
  const scan: Component[] = [];
  for (let i = 0; i < n; i++) {
    const c = frame.components.find((f) => f.id === data[start + 1 + 2 * i]);
    if (!c) throw new JpegDataError('a scan names a component the frame has not');
    c.dcTable = dcTables[data[start + 2 + 2 * i]! >> 4];
    c.acTable = acTables[data[start + 2 + 2 * i]! & 15];
    if (!c.dcTable || !c.acTable) throw new JpegDataError('a scan uses a Huffman table not defined');
    c.pred = 0;
    scan.push(c);
  }
  const luma = frame.components[0]!;
  const q = quant[luma.quant];
  if (scan.includes(luma) && !q) throw new JpegDataError('a quantization table not defined');
  const per = 8 / scale;
  const weights = meanWeights(scale);
  const coefficients = new Float64Array(64);
  const nonzero = new Int32Array(64);
  const means = new Float64Array(per * per);
  const bits = new BitReader(data, end);

  /** One block of component c, at block (bx, by) of its grid. */
  const block = (c: Component, bx: number, by: number) => {
    const dc = (c.pred += bits.receive(bits.decode(c.dcTable!)));
    const keep = c === luma;
    let count = 0;
    if (keep) {
      coefficients[0] = dc * q![0]!;
      nonzero[count++] = 0;
    }
    for (let k = 1; k < 64; ) {
      const rs = bits.decode(c.acTable!);
      const r = rs >> 4;
      const s = rs & 15;
      if (!s) {
        if (r !== 15) break;
        k += 16;
        continue;
      }
      k += r;
      if (k > 63) throw new JpegDataError('a block has more than 64 coefficients');
      const v = bits.receive(s);
      if (keep) {
        const z = ZIGZAG[k]!;
        coefficients[z] = v * q![z]!;
        nonzero[count++] = z;
      }
      k++;
    }
    if (!keep) return;
    means.fill(128);
    for (let i = 0; i < count; i++) {
      const z = nonzero[i]!;
      const f = coefficients[z]!;
      const wu = (z & 7) * per;
      const wv = (z >> 3) * per;
      for (let qy = 0; qy < per; qy++) {
        const fy = f * weights[wv + qy]!;
        for (let qx = 0; qx < per; qx++) means[qy * per + qx]! += fy * weights[wu + qx]!;
      }
    }
    for (let qy = 0; qy < per; qy++) {
      const y = by * per + qy;
      if (y >= out.height) break;
      for (let qx = 0; qx < per; qx++) {
        const x = bx * per + qx;
        if (x < out.width) out.data[y * out.width + x] = Math.min(255, Math.max(0, Math.round(means[qy * per + qx]!)));
      }
    }
  };

  // a scan of one component goes over its own blocks (only those inside the image); several, over MCUs
  const single = scan.length === 1;
  const c0 = scan[0]!;
  const perLine = single ? Math.ceil(Math.ceil((frame.width * c0.h) / frame.hMax) / 8) : frame.mcusPerLine;
  const perColumn = single ? Math.ceil(Math.ceil((frame.height * c0.v) / frame.vMax) / 8) : frame.mcusPerColumn;
  const total = perLine * perColumn;
  for (let m = 0; m < total; m++) {
    if (restartInterval && m > 0 && m % restartInterval === 0) {
      bits.restart();
      for (const c of scan) c.pred = 0;
    }
    const mx = m % perLine;
    const my = (m - mx) / perLine;
    if (single) block(c0, mx, my);
    else for (const c of scan) for (let v = 0; v < c.v; v++) for (let h = 0; h < c.h; h++) block(c, mx * c.h + h, my * c.v + v);
  }
  // the next marker: past any bits left and the padding after them
  let p = bits.pos;
  while (p + 1 < data.length && !(data[p] === 0xff && data[p + 1] !== 0 && !restartMarkerAt(data, p))) p++;
  return p;
}
