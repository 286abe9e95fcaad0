// The demo page: draw, and see what tinydigit reads, live.
import { loadClassifierSync, preprocess, type Classifier } from '../index.js';

type Point = [number, number];
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

const clf: Classifier = loadClassifierSync();
const pad = $<HTMLCanvasElement>('pad');
const ctx = pad.getContext('2d', { willReadFrequently: true })!;
const seen = $<HTMLCanvasElement>('input').getContext('2d')!;
const strokes: Point[][] = [];
let mode: 'digit' | 'number' = 'digit';
let current: Point[] | undefined;
let pending = false;

const bars = $('bars');
const fills: HTMLElement[] = [];
const values: HTMLElement[] = [];
for (let d = 0; d < 10; d++) {
  const li = document.createElement('li');
  li.innerHTML = `<span>${d}</span><span class="bar"><span class="fill"></span></span><span class="value"></span>`;
  bars.append(li);
  fills.push(li.querySelector('.fill')!);
  values.push(li.querySelector('.value')!);
}

function redraw(): void {
  ctx.clearRect(0, 0, pad.width, pad.height);
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  ctx.lineWidth = 18;
  ctx.strokeStyle = '#000';
  for (const s of strokes) {
    ctx.beginPath();
    ctx.moveTo(s[0]![0], s[0]![1]);
    for (const [x, y] of s) ctx.lineTo(x, y);
    if (s.length === 1) ctx.lineTo(s[0]![0] + 0.1, s[0]![1]);
    ctx.stroke();
  }
}

function showInput(input: Float32Array | null): void {
  const img = seen.createImageData(20, 20);
  if (input) input.forEach((v, i) => img.data.set([255 * v, 255 * v, 255 * v, 255], i * 4));
  else for (let i = 0; i < 400; i++) img.data[i * 4 + 3] = 255;
  seen.putImageData(img, 0, 0);
}

function classifyNow(): void {
  pending = false;
  const image = ctx.getImageData(0, 0, pad.width, pad.height);
  const t0 = performance.now();
  if (mode === 'digit') {
    const r = clf.classifyImage(image);
    const ms = performance.now() - t0;
    showInput(preprocess(image));
    $('prediction').textContent = r ? String(r.digit) : '–';
    $('confidence').textContent = r ? `${(r.confidence * 100).toFixed(1)}% sure` : 'draw a digit';
    for (let d = 0; d < 10; d++) {
      const p = r ? r.probabilities[d]! : 0;
      fills[d]!.style.width = `${(p * 100).toFixed(1)}%`;
      values[d]!.textContent = r ? `${(p * 100).toFixed(1)}%` : '';
      fills[d]!.parentElement!.parentElement!.classList.toggle('top', !!r && d === r.digit);
    }
    $('latency').textContent = r ? `read in ${(ms * 1000).toFixed(0)} µs (canvas to digit, ${clf.backend})` : '';
  } else {
    const r = clf.readNumber(image);
    const ms = performance.now() - t0;
    $('prediction').textContent = r.text || '–';
    $('confidence').innerHTML = r.digits.map((d) => `<span class="${d.lowConfidence ? 'low' : ''}">${d.digit}: ${(d.confidence * 100).toFixed(0)}%</span>`).join(' ');
    $('latency').textContent = r.digits.length ? `read in ${(ms * 1000).toFixed(0)} µs (${r.digits.length} digits, ${clf.backend})` : '';
  }
}

function schedule(): void {
  if (!pending) {
    pending = true;
    requestAnimationFrame(classifyNow);
  }
}

function point(e: PointerEvent): Point {
  const r = pad.getBoundingClientRect();
  return [((e.clientX - r.left) * pad.width) / r.width, ((e.clientY - r.top) * pad.height) / r.height];
}

pad.addEventListener('pointerdown', (e) => {
  pad.setPointerCapture(e.pointerId);
  current = [point(e)];
  strokes.push(current);
  redraw();
  schedule();
});
pad.addEventListener('pointermove', (e) => {
  if (!current) return;
  for (const ev of e.getCoalescedEvents?.() ?? [e]) current.push(point(ev));
  redraw();
  schedule();
});
const end = () => {
  if (current) schedule();
  current = undefined;
};
pad.addEventListener('pointerup', end);
pad.addEventListener('pointercancel', end);

$('undo').addEventListener('click', () => {
  strokes.pop();
  redraw();
  classifyNow();
});
$('clear').addEventListener('click', () => {
  strokes.length = 0;
  redraw();
  classifyNow();
});
for (const radio of document.querySelectorAll<HTMLInputElement>('input[name=mode]')) {
  radio.addEventListener('change', () => {
    mode = radio.value as 'digit' | 'number';
    pad.width = mode === 'number' ? 840 : 280;
    document.querySelector('.seen')!.toggleAttribute('hidden', mode === 'number');
    bars.toggleAttribute('hidden', mode === 'number');
    strokes.length = 0;
    redraw();
    classifyNow();
  });
}

const meta = clf.model.metadata;
$('about').textContent = `Model ${String(meta.architecture)}, ${((meta.testAccuracy as number) * 100).toFixed(2)}% on the MNIST test set; running on ${clf.backend}. Nothing you draw leaves this page.`;
classifyNow();
