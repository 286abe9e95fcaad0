// The preprocessing, written plainly in JavaScript, one pixel at a time, with the wasm module's f32
// roundings (Math.fround after every f32 operation): the oracle for assembly/preprocess.ts, fit.ts and
// background.ts, whose word-at-a-time and running-extreme code must give the very same bits.
const f = Math.fround;

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
  // a photo whose border is not near black: ink is the side the local contrast's long tail is on (near
  // the middle, either sign; further out, the tail clearly on the dark side)
  const border = borderMean(ink, w, h);
  if (polarity === 'auto' && Math.min(w, h) >= 64 && border > 40 && referenceLocalSkew(ink, w, h) < (border > 100 ? 0 : -0.5)) for (let i = 0; i < n; i++) ink[i] = 255 - ink[i]!;
  return ink;
}

/** The skewness of (each pixel of even rows and columns minus the mean of its row's pixels within round(min(w, h) / 8) of it), every window summed. */
function referenceLocalSkew(ink: Uint8Array, w: number, h: number): number {
  const r = Math.max(2, Math.round(Math.min(w, h) / 8));
  let n = 0;
  let m2 = 0;
  let m3 = 0;
  for (let y = 0; y < h; y += 2) {
    for (let x = 0; x < w; x += 2) {
      let sum = 0;
      let count = 0;
      for (let xx = Math.max(0, x - r); xx <= Math.min(w - 1, x + r); xx++, count++) sum += ink[y * w + xx]!;
      const d = ink[y * w + x]! - sum / count;
      n++;
      m2 += d * d;
      m3 += d * d * d;
    }
  }
  return m3 / n / (m2 / n) ** 1.5;
}

/** The opening over a (2r+1)^2 window (clipped at the edges), taken out of the ink, then a 3x3 mean: every window scanned. */
export function referenceFlatten(ink: Uint8Array, w: number, h: number, r: number): Uint8Array {
  const pass = (src: Uint8Array, horizontal: boolean, pick: (a: number, b: number) => number) => {
    const out = new Uint8Array(w * h);
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        let v = src[y * w + x]!;
        for (let d = -r; d <= r; d++) {
          const [xx, yy] = horizontal ? [x + d, y] : [x, y + d];
          if (xx >= 0 && xx < w && yy >= 0 && yy < h) v = pick(v, src[yy * w + xx]!);
        }
        out[y * w + x] = v;
      }
    }
    return out;
  };
  const eroded = pass(pass(ink, true, Math.min), false, Math.min);
  const opened = pass(pass(eroded, true, Math.max), false, Math.max);
  const top = ink.map((v, i) => v - opened[i]!);
  const mean = (src: Uint8Array, horizontal: boolean) => {
    const out = new Uint8Array(w * h);
    const n = horizontal ? w : h;
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        const i = horizontal ? x : y;
        const at = (k: number) => src[horizontal ? y * w + Math.min(n - 1, Math.max(0, k)) : Math.min(n - 1, Math.max(0, k)) * w + x]!;
        out[y * w + x] = Math.floor((at(i - 1) + at(i) + at(i + 1) + 1) / 3);
      }
    }
    return out;
  };
  return mean(mean(top, true), false);
}

/** assembly/fit.ts, one pixel at a time: box (TRIM per side), slant, upright box, resampling, peak to 1. */
export function referenceFit(ink: Uint8Array, w: number, h: number, floor: number, span: number, threshold: number, outW = 20, outH = 20): Float32Array | null {
  const t = Math.floor(threshold);
  const fl = f(floor);
  const rows = new Uint32Array(h);
  const cols = new Uint32Array(w);
  let total = 0;
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) if (ink[y * w + x]! > t) {
    rows[y]!++;
    cols[x]!++;
    total++;
  }
  if (total === 0) return null;
  const trim = Math.floor(total / 400);
  const start = (c: Uint32Array) => {
    let acc = 0;
    for (let i = 0; i < c.length; i++) if ((acc += c[i]!) > trim) return i;
    return c.length - 1;
  };
  const end = (c: Uint32Array) => {
    let acc = 0;
    for (let i = c.length - 1; i >= 0; i--) if ((acc += c[i]!) > trim) return i;
    return 0;
  };
  const [y0, y1, x0, x1] = [start(rows), end(rows), start(cols), end(cols)];
  let m0 = 0, sx = 0, sy = 0, sxy = 0, syy = 0;
  for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) {
    const raw = ink[y * w + x]!;
    if (raw <= t) continue;
    const v = f(raw - fl);
    m0 += v;
    sx += v * x;
    sy += v * y;
    sxy += v * x * y;
    syy += v * y * y;
  }
  const my = sy / m0;
  const mx = sx / m0;
  const mu02 = syy / m0 - my * my;
  const slant = Math.max(-0.6, Math.min(0.6, mu02 > 0 ? (sxy / m0 - mx * my) / mu02 : 0));
  let left = Infinity, right = -Infinity;
  for (let y = y0; y <= y1; y++) {
    let first = -1, last = -1;
    for (let x = x0; x <= x1; x++) if (ink[y * w + x]! > t) {
      if (first < 0) first = x;
      last = x;
    }
    if (first < 0) continue;
    const shift = -slant * (y - my);
    left = Math.min(left, first + shift);
    right = Math.max(right, last + 1 + shift);
  }
  const bw = x1 - x0 + 1;
  const bh = y1 - y0 + 1;
  const uw = right - left;
  const s = Math.min(outW / uw, outH / bh);
  const ox = (outW - uw * s) * 0.5;
  const oy = (outH - bh * s) * 0.5;
  const scale = f(1 / span);
  const bufW = Math.ceil(bw * s) + 1;
  const tmp = new Float32Array(bh * outW);
  for (let y = y0; y <= y1; y++) {
    const buf = new Float32Array(bufW);
    let any = false;
    for (let x = x0; x <= x1; x++) {
      const raw = ink[y * w + x]!;
      if (raw <= fl) continue;
      any = true;
      const v = Math.min(f(f(raw - fl) * scale), 1);
      const a = (x - x0) * s;
      const b = a + s;
      for (let u = Math.floor(a); u < Math.min(Math.ceil(b), bufW); u++) buf[u] = f(buf[u]! + f(v * f(Math.min(b, u + 1) - Math.max(a, u))));
    }
    if (!any) continue;
    const offset = (x0 - slant * (y - my) - left) * s + ox;
    const whole = Math.floor(offset);
    const part = f(offset - whole);
    for (let j = 0; j < bufW; j++) {
      const u = j + whole;
      const i = (y - y0) * outW;
      if (u >= 0 && u < outW) tmp[i + u] = f(tmp[i + u]! + f(buf[j]! * f(1 - part)));
      if (u + 1 >= 0 && u + 1 < outW) tmp[i + u + 1] = f(tmp[i + u + 1]! + f(buf[j]! * part));
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
  const peak = Math.max(...out);
  if (!(peak > 0)) return null;
  const gain = f(1 / peak);
  return out.map((x) => Math.min(f(x * gain), 1));
}
