// Training pictures as self-contained SVG: learning curve, a grid of test digits, a confusion matrix.
import { PNG } from 'pngjs';
import type { IdxImages } from '../shared/mnist.js';

export interface EpochRecord {
  epoch: number;
  loss: number;
  accuracy: number;
  valLoss: number;
  valAccuracy: number;
  /** With --ema: the live weights' validation accuracy (valAccuracy is the averaged weights'). */
  liveValAccuracy?: number;
}

const FONT = 'font-family="Helvetica, Arial, sans-serif"';
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

function panel(x0: number, title: string, series: { name: string; color: string; values: number[] }[], epochs: number[], fmt: (v: number) => string): string {
  const w = 380;
  const h = 270;
  const plotH = h - 120;
  const all = series.flatMap((s) => s.values);
  let lo = Math.min(...all);
  let hi = Math.max(...all);
  if (hi - lo < 1e-9) hi = lo + 1;
  const pad = (hi - lo) * 0.05;
  lo -= pad;
  hi += pad;
  const X = (e: number) => x0 + 50 + ((e - epochs[0]!) / Math.max(1, epochs[epochs.length - 1]! - epochs[0]!)) * (w - 70);
  const Y = (v: number) => 40 + (1 - (v - lo) / (hi - lo)) * plotH;
  let out = `<text x="${x0 + w / 2}" y="22" text-anchor="middle" font-size="15" ${FONT}>${esc(title)}</text>`;
  out += `<rect x="${x0 + 50}" y="40" width="${w - 70}" height="${plotH}" fill="none" stroke="#999"/>`;
  for (let k = 0; k <= 4; k++) {
    const v = lo + ((hi - lo) * k) / 4;
    out += `<text x="${x0 + 46}" y="${Y(v) + 4}" text-anchor="end" font-size="10" ${FONT}>${fmt(v)}</text>`;
    out += `<line x1="${x0 + 50}" x2="${x0 + w - 20}" y1="${Y(v)}" y2="${Y(v)}" stroke="#eee"/>`;
  }
  const [e0, e1] = [epochs[0]!, epochs[epochs.length - 1]!];
  for (const e of [...new Set([0, 1, 2, 3, 4].map((k) => Math.round(e0 + ((e1 - e0) * k) / 4)))]) {
    out += `<text x="${X(e)}" y="${40 + plotH + 14}" text-anchor="middle" font-size="10" ${FONT}>${e}</text>`;
  }
  out += `<text x="${x0 + w / 2}" y="${40 + plotH + 30}" text-anchor="middle" font-size="11" ${FONT}>epoch</text>`;
  series.forEach((s, k) => {
    const pts = s.values.map((v, i) => `${X(epochs[i]!).toFixed(1)},${Y(v).toFixed(1)}`).join(' ');
    out += `<polyline points="${pts}" fill="none" stroke="${s.color}" stroke-width="1.8"/>`;
    out += `<rect x="${x0 + 60 + k * 150}" y="${h - 28}" width="12" height="3" fill="${s.color}"/><text x="${x0 + 76 + k * 150}" y="${h - 23}" font-size="11" ${FONT}>${esc(s.name)}</text>`;
  });
  return out;
}

export function learningCurveSvg(history: EpochRecord[], title: string): string {
  const epochs = history.map((h) => h.epoch);
  const body =
    panel(0, `${title}: loss`, [
      { name: 'train (augmented)', color: '#1f77b4', values: history.map((h) => h.loss) },
      { name: 'validation', color: '#d62728', values: history.map((h) => h.valLoss) },
    ], epochs, (v) => v.toFixed(3)) +
    panel(400, `${title}: accuracy`, [
      { name: 'train (augmented)', color: '#1f77b4', values: history.map((h) => h.accuracy) },
      { name: 'validation', color: '#d62728', values: history.map((h) => h.valAccuracy) },
    ], epochs, (v) => `${(v * 100).toFixed(1)}%`);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="780" height="270" viewBox="0 0 780 270"><rect width="780" height="270" fill="white"/>${body}</svg>\n`;
}

/** A grid of test images (raw 28x28) with predicted labels; errors framed in red with the truth. */
export function predictionsSvg(images: IdxImages, indices: number[], labels: Uint8Array, predictions: Int8Array, title: string): string {
  const cols = 12;
  const rows = Math.ceil(indices.length / cols);
  const cell = 28;
  const png = new PNG({ width: cols * cell, height: rows * cell, colorType: 0, inputColorType: 0 });
  png.data = Buffer.alloc(cols * cell * rows * cell, 255);
  indices.forEach((idx, k) => {
    const ox = (k % cols) * cell;
    const oy = Math.floor(k / cols) * cell;
    for (let y = 0; y < cell; y++) for (let x = 0; x < cell; x++) png.data[(oy + y) * cols * cell + ox + x] = 255 - images.pixels[idx * 784 + y * 28 + x]!;
  });
  const uri = `data:image/png;base64,${PNG.sync.write(png, { colorType: 0, inputColorType: 0 }).toString('base64')}`;
  const S = 2;
  const W = cols * cell * S;
  const cellH = cell * S + 18;
  let out = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${W}" height="${rows * cellH + 30}"><rect width="100%" height="100%" fill="white"/>`;
  out += `<text x="${W / 2}" y="20" text-anchor="middle" font-size="14" ${FONT}>${esc(title)}</text>`;
  for (let r = 0; r < rows; r++) {
    out += `<svg x="0" y="${30 + r * cellH}" width="${W}" height="${cell * S}" viewBox="0 ${r * cell} ${cols * cell} ${cell}" preserveAspectRatio="none"><image width="${cols * cell}" height="${rows * cell}" xlink:href="${uri}" href="${uri}" style="image-rendering:pixelated"/></svg>`;
  }
  indices.forEach((idx, k) => {
    const x = (k % cols) * cell * S;
    const y = 30 + Math.floor(k / cols) * cellH;
    const p = predictions[idx]!;
    const ok = p === labels[idx];
    if (!ok) out += `<rect x="${x + 1}" y="${y + 1}" width="${cell * S - 2}" height="${cell * S - 2}" fill="none" stroke="#d62728" stroke-width="2"/>`;
    const text = ok ? `${p}` : `${p < 0 ? '∅' : p} (true ${labels[idx]})`;
    out += `<text x="${x + cell}" y="${y + cell * S + 13}" text-anchor="middle" font-size="11" fill="${ok ? '#222' : '#d62728'}" ${FONT}>${text}</text>`;
  });
  return `${out}</svg>\n`;
}

export function confusionSvg(confusion: Uint32Array, title: string): string {
  const c = 34;
  const x0 = 60;
  const y0 = 60;
  const max = Math.max(...Array.from(confusion).filter((_, i) => i % 11 !== 0), 1);
  let out = `<svg xmlns="http://www.w3.org/2000/svg" width="${x0 + 10 * c + 20}" height="${y0 + 10 * c + 30}"><rect width="100%" height="100%" fill="white"/>`;
  out += `<text x="${x0 + 5 * c}" y="20" text-anchor="middle" font-size="14" ${FONT}>${esc(title)}</text>`;
  out += `<text x="${x0 + 5 * c}" y="44" text-anchor="middle" font-size="11" ${FONT}>predicted</text>`;
  out += `<text x="16" y="${y0 + 5 * c}" text-anchor="middle" font-size="11" transform="rotate(-90 16 ${y0 + 5 * c})" ${FONT}>true</text>`;
  for (let t = 0; t < 10; t++) {
    out += `<text x="${x0 - 8}" y="${y0 + t * c + c / 2 + 4}" text-anchor="end" font-size="11" ${FONT}>${t}</text>`;
    out += `<text x="${x0 + t * c + c / 2}" y="${y0 - 4}" text-anchor="middle" font-size="11" ${FONT}>${t}</text>`;
    for (let p = 0; p < 10; p++) {
      const v = confusion[t * 10 + p]!;
      const fill = t === p ? '#2ca02c' : v === 0 ? '#fff' : `rgba(214,39,40,${(0.15 + 0.85 * Math.sqrt(v / max)).toFixed(3)})`;
      out += `<rect x="${x0 + p * c}" y="${y0 + t * c}" width="${c}" height="${c}" fill="${fill}" stroke="#ddd"/>`;
      if (v) out += `<text x="${x0 + p * c + c / 2}" y="${y0 + t * c + c / 2 + 4}" text-anchor="middle" font-size="${t === p ? 9 : 11}" fill="${t === p ? '#fff' : '#000'}" ${FONT}>${v}</text>`;
    }
  }
  return `${out}</svg>\n`;
}
