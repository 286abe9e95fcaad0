// A phone or Pi-camera photo of paper: uneven light, a shadow edge, ruled or grid lines, pen or pencil,
// a slight rotation and perspective, blur, sensor noise, specks and JPEG. Strokes are given in page
// pixels and photographed through the same camera as the rulings.
import jpeg from 'jpeg-js';
import type { ImageLike } from '../../src/index.js';
import { drawStrokes } from './raster.js';
import type { Point, Stroke } from './shapes.js';

export interface PaperScene {
  width: number;
  height: number;
  /** The ink's strokes in page pixels and their line width. */
  strokes: Stroke[];
  lineWidth: number;
  /** The height of one written shape, pixels (sets the ruling's spacing). */
  shapeHeight: number;
  /** Where the written line's baseline is, pixels. */
  baseline: number;
}

const u = (rand: () => number, a: number, b: number) => a + (b - a) * rand();

/** A camera pose: rotation and a little perspective about the frame's centre. */
function camera(rand: () => number, w: number, h: number): (p: Point) => Point {
  const th = (u(rand, -5, 5) * Math.PI) / 180;
  const [c, s] = [Math.cos(th), Math.sin(th)];
  const gx = u(rand, -0.15, 0.15);
  const gy = u(rand, -0.15, 0.15);
  const side = Math.max(w, h);
  return ([x, y]) => {
    const X = (x - w / 2) / side;
    const Y = (y - h / 2) / side;
    const d = 1 + gx * X + gy * Y;
    return [w / 2 + ((c * X - s * Y) / d) * side, h / 2 + ((s * X + c * Y) / d) * side];
  };
}

/** Straight lines across the page as strokes (many points, so the perspective bends them right). */
function lines(w: number, h: number, horizontal: boolean, first: number, spacing: number): Stroke[] {
  const out: Stroke[] = [];
  const span = horizontal ? h : w;
  const along = horizontal ? w : h;
  for (let p = first - Math.ceil(first / spacing) * spacing; p < span * 1.2; p += spacing) {
    const s: Stroke = [];
    for (let t = -0.1 * along; t <= along * 1.1; t += along / 16) s.push(horizontal ? [t, p] : [p, t]);
    out.push(s);
  }
  return out;
}

/** Separable box blur of radius r, three times (close to a Gaussian). */
function blur(v: Float32Array, w: number, h: number, r: number): void {
  if (r < 1) return;
  const tmp = new Float32Array(Math.max(w, h));
  const lane = (start: number, stride: number, n: number) => {
    let sum = 0;
    for (let i = -r; i <= r; i++) sum += v[start + Math.min(n - 1, Math.max(0, i)) * stride]!;
    for (let i = 0; i < n; i++) {
      tmp[i] = sum / (2 * r + 1);
      sum += v[start + Math.min(n - 1, i + r + 1) * stride]! - v[start + Math.max(0, i - r) * stride]!;
    }
    for (let i = 0; i < n; i++) v[start + i * stride] = tmp[i]!;
  };
  for (let pass = 0; pass < 3; pass++) {
    for (let y = 0; y < h; y++) lane(y * w, 1, w);
    for (let x = 0; x < w; x++) lane(x, w, h);
  }
}

/** Gaussian noise by Box-Muller. */
const gauss = (rand: () => number) => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());

const MARGIN_COLOUR = [0.9, 0.25, 0.3];

/**
 * Photos harsher than the sets' own, one way at a time, for robustness checks (`npm run realworld --
 * --stress S`): the same scenes and the same random draws, one condition pushed beyond the sets' range.
 * dim: the light's base level 100-212 (the sets: 170-245); faint: the ink 0.6 times as strong; margin: a
 * red margin line down the page; rules: rulings twice as strong; gradient: the light's gradient 1.4
 * times as steep; noise: twice the sensor noise; blur: 2.5 times the focus blur; jpeg: quality 20-40.
 */
export type PhotoStress = 'dim' | 'faint' | 'margin' | 'rules' | 'gradient' | 'noise' | 'blur' | 'jpeg';
export const PHOTO_STRESSES: readonly PhotoStress[] = ['dim', 'faint', 'margin', 'rules', 'gradient', 'noise', 'blur', 'jpeg'];

/** The scene photographed: an RGBA image, JPEG-compressed and decoded again. */
export function photograph(scene: PaperScene, rand: () => number, stress?: PhotoStress): ImageLike {
  const { width: w, height: h } = scene;
  const cam = camera(rand, w, h);
  const view = (strokes: Stroke[]) => strokes.map((s) => s.map(cam));
  const ink = new Float32Array(w * h);
  drawStrokes(ink, w, h, view(scene.strokes), scene.lineWidth);
  const rule = new Float32Array(w * h);
  const paper = rand();
  if (paper < 0.35) {
    const spacing = scene.shapeHeight * u(rand, 0.75, 1.4);
    drawStrokes(rule, w, h, view(lines(w, h, true, scene.baseline + u(rand, -0.05, 0.1) * scene.shapeHeight, spacing)), u(rand, 1, 3));
  } else if (paper < 0.6) {
    const spacing = scene.shapeHeight * u(rand, 0.15, 0.4);
    const lw = u(rand, 0.8, 2);
    drawStrokes(rule, w, h, view([...lines(w, h, true, rand() * spacing, spacing), ...lines(w, h, false, rand() * spacing, spacing)]), lw);
  }
  // a red margin line, placed from the scene rather than a random draw, so the rest of the photo is the same
  const margin = stress === 'margin' ? new Float32Array(w * h) : undefined;
  if (margin) {
    const mx = w * (0.04 + 0.12 * ((scene.baseline * 7.31) % 1));
    drawStrokes(margin, w, h, view([[[mx, -10], [mx, h + 10]]]), 2 + w / 400);
  }
  const pencil = rand() < 0.35;
  const inkStrength = (pencil ? u(rand, 0.3, 0.6) : u(rand, 0.7, 0.92)) * (stress === 'faint' ? 0.6 : 1);
  const ruleStrength = u(rand, 0.12, 0.3) * (stress === 'rules' ? 2 : 1);
  // light: a base level, a linear gradient of up to 120 levels, a vignette, maybe a shadow's edge
  const base = stress === 'dim' ? 100 + 1.5 * (u(rand, 170, 245) - 170) : u(rand, 170, 245);
  const amp = u(rand, 0, 120) * (stress === 'gradient' ? 1.4 : 1);
  const dir = rand() * 2 * Math.PI;
  const [dx, dy] = [Math.cos(dir), Math.sin(dir)];
  const vignette = u(rand, 0, 0.35);
  const shadow = rand() < 0.35 ? { a: rand() * 2 * Math.PI, off: u(rand, -0.3, 0.3), depth: u(rand, 0.25, 0.5), soft: u(rand, 0.005, 0.05) } : undefined;
  const tint = [u(rand, 0.95, 1), u(rand, 0.95, 1), u(rand, 0.88, 1)];
  const inkColour = pencil ? [0.35, 0.35, 0.37] : rand() < 0.5 ? [0.1, 0.1, 0.15] : [0.1, 0.15, 0.45];
  const ruleColour = paper < 0.35 ? [0.55, 0.7, 0.95] : [0.6, 0.75, 0.65];
  const side = Math.max(w, h);
  // focus blur on the marks (the light is smooth already), specks of dirt, then sensor noise
  const r = Math.round(u(rand, 0, 1.2) * (side / 640) * (stress === 'blur' ? 2.5 : 1));
  const noise = u(rand, 1.5, 7) * (stress === 'noise' ? 2 : 1);
  const specks = Math.floor(rand() * 6);
  const dirt = new Float32Array(w * h);
  for (let k = 0; k < specks; k++) {
    const p: Point = [rand() * w, rand() * h];
    drawStrokes(dirt, w, h, [[p, [p[0] + u(rand, 0, 3), p[1] + u(rand, 0, 3)]]], u(rand, 1, 4));
  }
  for (const plane of [ink, rule, dirt, ...(margin ? [margin] : [])]) blur(plane, w, h, r);
  const [sa, ca, so, soft, depth] = shadow ? [Math.sin(shadow.a), Math.cos(shadow.a), shadow.off, shadow.soft, shadow.depth] : [0, 0, 0, 1, 0];
  const data = new Uint8Array(w * h * 4);
  for (let y = 0; y < h; y++) {
    const Y = (y - h / 2) / side;
    for (let x = 0; x < w; x++) {
      const X = (x - w / 2) / side;
      let light = base + amp * (X * dx + Y * dy) * 1.4 - vignette * base * (X * X + Y * Y) * 2;
      if (depth) light *= 1 - depth / (1 + Math.exp(-(X * ca + Y * sa - so) / soft));
      const i = y * w + x;
      let a = ink[i]! * inkStrength;
      if (pencil && a > 0) a *= 0.6 + 0.4 * rand();
      const rl = rule[i]! * ruleStrength;
      const d = 1 - 0.7 * dirt[i]!;
      const n = gauss(rand) * noise;
      for (let k = 0; k < 3; k++) {
        let reflect = tint[k]! * (1 - rl * (1 - ruleColour[k]!)) * (1 - a * (1 - inkColour[k]!));
        if (margin) reflect *= 1 - 0.6 * margin[i]! * (1 - MARGIN_COLOUR[k]!);
        data[i * 4 + k] = Math.max(0, Math.min(255, Math.round(light * reflect * d + n)));
      }
      data[i * 4 + 3] = 255;
    }
  }
  const quality = Math.round(stress === 'jpeg' ? u(rand, 20, 40) : u(rand, 50, 92));
  const encoded = jpeg.encode({ data: Buffer.from(data.buffer), width: w, height: h }, quality);
  const decoded = jpeg.decode(encoded.data, { useTArray: true, formatAsRGBA: true });
  return { data: decoded.data, width: w, height: h, channels: 4 };
}
