// The preprocessing, written plainly in JavaScript, one pixel at a time, with the wasm module's f32
// roundings (Math.fround after every f32 operation): the oracle for assembly/preprocess.ts, whose word-
// at-a-time code must give the very same bits.
const f = Math.fround;
const BOX_THRESHOLD = f(0.2);
const MIN_CONTRAST = 32;

function borderMean(ink: Uint8Array, w: number, h: number): number {
  let sum = 0;
  let count = 0;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      if (y === 0 || y === h - 1 || x === 0 || x === w - 1) {
        sum += ink[y * w + x]!;
        count++;
      }
    }
  }
  return f(f(sum) / f(count));
}

export function referenceInkMap(data: Uint8Array, w: number, h: number, channels: number, polarity: 'auto' | 'dark-on-light' | 'light-on-dark'): Uint8Array {
  const n = w * h;
  const ink = new Uint8Array(n);
  let alpha = false;
  if (channels === 4) for (let i = 0; i < n; i++) alpha ||= data[4 * i + 3] !== 255;
  if (alpha) {
    for (let i = 0; i < n; i++) ink[i] = data[4 * i + 3]!;
    return ink;
  }
  for (let i = 0; i < n; i++) {
    const p = i * channels;
    ink[i] = channels === 1 ? data[i]! : (77 * data[p]! + 150 * data[p + 1]! + 29 * data[p + 2]! + 128) >> 8;
  }
  const dark = polarity === 'dark-on-light' || (polarity === 'auto' && borderMean(ink, w, h) > 127.5);
  if (dark) for (let i = 0; i < n; i++) ink[i] = 255 - ink[i]!;
  return ink;
}

export function referenceFit(ink: Uint8Array, w: number, h: number, outW = 20, outH = 20): Float32Array | null {
  const bg = borderMean(ink, w, h);
  const contrast = f(Math.max(...ink) - bg);
  if (!(contrast >= MIN_CONTRAST)) return null;
  const threshold = Math.floor(f(bg + f(contrast * BOX_THRESHOLD)));
  let x0 = w, x1 = -1, y0 = h, y1 = -1;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      if (ink[y * w + x]! > threshold) {
        x0 = Math.min(x0, x);
        x1 = Math.max(x1, x);
        y0 = Math.min(y0, y);
        y1 = y;
      }
    }
  }
  if (x1 < 0) return null;
  const bw = x1 - x0 + 1;
  const bh = y1 - y0 + 1;
  const s = Math.min(outW / bw, outH / bh);
  const ox = (outW - bw * s) * 0.5;
  const oy = (outH - bh * s) * 0.5;
  const scale = f(1 / contrast);
  const tmp = new Float32Array(bh * outW);
  for (let y = y0; y <= y1; y++) {
    for (let x = x0; x <= x1; x++) {
      const raw = ink[y * w + x]!;
      if (raw <= bg) continue;
      const v = Math.min(f(f(raw - bg) * scale), 1);
      const a = (x - x0) * s + ox;
      const b = a + s;
      for (let u = Math.max(Math.floor(a), 0); u < Math.min(Math.ceil(b), outW); u++) {
        const cover = f(Math.min(b, u + 1) - Math.max(a, u));
        const i = (y - y0) * outW + u;
        tmp[i] = f(tmp[i]! + f(v * cover));
      }
    }
  }
  const out = new Float32Array(outW * outH);
  for (let y = y0; y <= y1; y++) {
    const a = (y - y0) * s + oy;
    const b = a + s;
    for (let v = Math.max(Math.floor(a), 0); v < Math.min(Math.ceil(b), outH); v++) {
      const cover = f(Math.min(b, v + 1) - Math.max(a, v));
      for (let u = 0; u < outW; u++) out[v * outW + u] = f(out[v * outW + u]! + f(tmp[(y - y0) * outW + u]! * cover));
    }
  }
  return out.map((x) => Math.min(x, 1));
}
