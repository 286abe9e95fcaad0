// Random distortions of preprocessed 20x20 inputs, so the tiny network sees more kinds of handwriting
// than MNIST's scans: affine (rotation, scale, shear, shift), narrower digits, elastic, and stroke thickness.

export interface AugmentOptions {
  /** Largest rotation, degrees. */
  rotate: number;
  /** Largest relative scale change. */
  scale: number;
  /** Largest shear. */
  shear: number;
  /** Largest shift, pixels. */
  shift: number;
  /** Elastic distortion strength (pixels) and smoothness (Gaussian sigma, pixels); 0 = off. */
  elasticAlpha: number;
  elasticSigma: number;
  /** Probability of a stroke-thickness change (half thicker, half thinner). */
  thickness: number;
  /** Probability of a narrower digit (width times 0.5-0.85, height kept): people write tall narrow digits. */
  narrow: number;
}

export const DEFAULT_AUGMENT: AugmentOptions = { rotate: 10, scale: 0.1, shear: 0.1, shift: 1.5, elasticAlpha: 0, elasticSigma: 3, thickness: 0.3, narrow: 0 };

function gaussianKernel(sigma: number): Float32Array {
  const r = Math.ceil(2 * sigma);
  const k = Float32Array.from({ length: 2 * r + 1 }, (_, i) => Math.exp(-((i - r) ** 2) / (2 * sigma * sigma)));
  const sum = k.reduce((a, b) => a + b, 0);
  return k.map((v) => v / sum);
}

/** A smooth random displacement field: uniform noise blurred separably, times alpha. */
function elasticField(side: number, alpha: number, kernel: Float32Array, rand: () => number, out: Float32Array, tmp: Float32Array): void {
  const r = (kernel.length - 1) / 2;
  for (let i = 0; i < side * side; i++) out[i] = rand() * 2 - 1;
  for (let pass = 0; pass < 2; pass++) {
    for (let y = 0; y < side; y++) {
      for (let x = 0; x < side; x++) {
        let s = 0;
        for (let k = -r; k <= r; k++) {
          const xx = pass === 0 ? x + k : x;
          const yy = pass === 0 ? y : y + k;
          if (xx >= 0 && xx < side && yy >= 0 && yy < side) s += out[yy * side + xx]! * kernel[k + r]!;
        }
        tmp[y * side + x] = s;
      }
    }
    out.set(tmp);
  }
  for (let i = 0; i < side * side; i++) out[i]! *= alpha;
}

function sample(src: Float32Array, side: number, x: number, y: number): number {
  const x0 = Math.floor(x);
  const y0 = Math.floor(y);
  const fx = x - x0;
  const fy = y - y0;
  const at = (xx: number, yy: number) => (xx >= 0 && xx < side && yy >= 0 && yy < side ? src[yy * side + xx]! : 0);
  return (at(x0, y0) * (1 - fx) + at(x0 + 1, y0) * fx) * (1 - fy) + (at(x0, y0 + 1) * (1 - fx) + at(x0 + 1, y0 + 1) * fx) * fy;
}

/** Blends a 3x3 maximum, times k, into dst (tmp: scratch of the same size). */
function thicken(dst: Float32Array, tmp: Float32Array, side: number, k: number): void {
  tmp.set(dst);
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      let m = 0;
      for (let yy = Math.max(0, y - 1); yy <= Math.min(side - 1, y + 1); yy++) {
        for (let xx = Math.max(0, x - 1); xx <= Math.min(side - 1, x + 1); xx++) m = Math.max(m, tmp[yy * side + xx]!);
      }
      dst[y * side + x] = Math.max(tmp[y * side + x]!, k * m);
    }
  }
}

/** Creates an augmenter for side x side inputs; each call distorts src into dst with fresh randomness. */
export function makeAugmenter(side: number, opts: AugmentOptions, rand: () => number) {
  const kernel = gaussianKernel(opts.elasticSigma);
  const dx = new Float32Array(side * side);
  const dy = new Float32Array(side * side);
  const tmp = new Float32Array(side * side);
  const c = side / 2;
  const u = (m: number) => (rand() * 2 - 1) * m;
  return (src: Float32Array, dst: Float32Array): void => {
    const th = (u(opts.rotate) * Math.PI) / 180;
    const sx = (1 + u(opts.scale)) * (rand() < opts.narrow ? 0.5 + 0.35 * rand() : 1);
    const sy = sx * (1 + u(opts.scale) / 2);
    const sh = u(opts.shear);
    const tx = u(opts.shift);
    const ty = u(opts.shift);
    // forward map A = R(th) * [[sx, sh], [0, sy]]; we need its inverse for sampling
    const cos = Math.cos(th);
    const sin = Math.sin(th);
    const a = cos * sx;
    const b = cos * sh - sin * sy;
    const cc = sin * sx;
    const d = sin * sh + cos * sy;
    const det = a * d - b * cc;
    const elastic = opts.elasticAlpha > 0;
    if (elastic) {
      elasticField(side, opts.elasticAlpha, kernel, rand, dx, tmp);
      elasticField(side, opts.elasticAlpha, kernel, rand, dy, tmp);
    }
    for (let y = 0; y < side; y++) {
      for (let x = 0; x < side; x++) {
        const i = y * side + x;
        const qx = x + 0.5 - c - tx + (elastic ? dx[i]! : 0);
        const qy = y + 0.5 - c - ty + (elastic ? dy[i]! : 0);
        const px = (d * qx - b * qy) / det + c - 0.5;
        const py = (-cc * qx + a * qy) / det + c - 0.5;
        dst[i] = sample(src, side, px, py);
      }
    }
    const t = rand();
    if (t < opts.thickness / 2) {
      // thicker: blend in a 3x3 maximum (twice for a third of them: a thick pen on a small digit)
      const k = 0.3 + 0.7 * rand();
      for (let pass = rand() < 0.33 ? 2 : 1; pass > 0; pass--) thicken(dst, tmp, side, k);
    } else if (t < opts.thickness) {
      // thinner: shave the faint edge of the strokes
      const k = 0.1 + 0.3 * rand();
      for (let i = 0; i < side * side; i++) dst[i] = Math.max(0, (dst[i]! - k) / (1 - k));
    }
    for (let i = 0; i < side * side; i++) dst[i] = Math.min(1, Math.max(0, dst[i]!));
  };
}

/**
 * Distorts images of side x side bytes (one channel, 0-255) as makeAugmenter does their covers: for
 * digits distorted as written, before the preprocessing (the trainer's --raw-augment, the second reader).
 */
export function makeImageAugmenter(side: number, opts: AugmentOptions, rand: () => number): (px: ArrayLike<number>) => Uint8Array {
  const augment = makeAugmenter(side, opts, rand);
  const cover = new Float32Array(side * side);
  const distorted = new Float32Array(side * side);
  return (px) => {
    for (let j = 0; j < cover.length; j++) cover[j] = px[j]! / 255;
    augment(cover, distorted);
    return Uint8Array.from(distorted, (v) => Math.round(v * 255));
  };
}
