// The demo page: a <tinydigit-pad>, and what tinydigit reads on it, live.
import '../element.js';
import '../number.js';
import { formatBench, runBench } from '../bench/bench.js';
import { formatPoolBench, runPoolBench } from '../bench/pool-bench.js';
import { preprocess, type Classification, type NumberReading } from '../index.js';
import { createPool } from '../pool/browser.js';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const pad = $<HTMLElementTagNameMap['tinydigit-pad']>('pad');
const seen = $<HTMLCanvasElement>('input').getContext('2d')!;
const bars = $('bars');
const rows: { li: HTMLElement; fill: HTMLElement; value: HTMLElement }[] = [];
for (let d = 0; d < 10; d++) {
  const li = document.createElement('li');
  li.innerHTML = `<span>${d}</span><span class="bar"><span class="fill"></span></span><span class="value"></span>`;
  bars.append(li);
  rows.push({ li, fill: li.querySelector('.fill')!, value: li.querySelector('.value')! });
}

function showInput(input: Float32Array | null): void {
  const img = seen.createImageData(20, 20);
  for (let i = 0; i < 400; i++) img.data.set([255 * (input?.[i] ?? 0), 255 * (input?.[i] ?? 0), 255 * (input?.[i] ?? 0), 255], i * 4);
  seen.putImageData(img, 0, 0);
}

const latency = (ms: number, what: string) => `read in ${ms < 10 ? `${(ms * 1000).toFixed(0)} µs` : `${ms.toFixed(1)} ms`} (${what}, ${pad.classifier.backend})`;

function showDigit(r: Classification | null, image: ImageData, read: string): void {
  showInput(preprocess(image));
  $('prediction').textContent = !r ? '–' : r.isDigit ? String(r.digit) : '?';
  $('confidence').textContent = !r ? 'draw a digit' : r.isDigit ? `${(r.confidence * 100).toFixed(1)}% sure` : `not a digit (closest: ${r.digit}, ${(r.confidence * 100).toFixed(0)}%)`;
  rows.forEach(({ li, fill, value }, d) => {
    const p = r ? r.probabilities[d]! : 0;
    fill.style.width = `${(p * 100).toFixed(1)}%`;
    value.textContent = r ? `${(p * 100).toFixed(1)}%` : '';
    li.classList.toggle('top', !!r && d === r.digit);
  });
  $('latency').textContent = r ? read : '';
}

function showNumber(r: NumberReading, read: string): void {
  $('prediction').textContent = r.text || '–';
  const conf = $('confidence');
  conf.replaceChildren(...r.digits.map((d) => Object.assign(document.createElement('span'), { className: d.lowConfidence ? 'low' : '', textContent: `${d.digit}: ${(d.confidence * 100).toFixed(0)}%${d.lowConfidence ? ' (unsure)' : ''} ` })));
  $('latency').textContent = r.digits.length ? read : '';
}

pad.addEventListener('digit', (e) => showDigit(e.detail, pad.imageData(), latency(pad.lastReadMs, 'canvas to digit')));
pad.addEventListener('number', (e) => showNumber(e.detail, latency(pad.lastReadMs, `${e.detail.digits.length} digits`)));

/**
 * A photo is drawn at most this many pixels a side to be read: the library reads a photo's ink at 384 px
 * a side (and shrinks anything over 1024 first), so a phone's 12-megapixel photo need not be copied whole.
 */
const PHOTO_MAX_SIDE = 1024;

/** A photo (or any image file) read as the pad's mode says: one digit or a number. */
async function readPhoto(file: File): Promise<void> {
  const conf = $('confidence');
  let bitmap: ImageBitmap;
  try {
    // browsers turn it upright by its EXIF orientation
    bitmap = await createImageBitmap(file);
  } catch {
    $('prediction').textContent = '–';
    conf.textContent = `${file.name} is not an image this browser can read`;
    $('latency').textContent = '';
    return;
  }
  const scale = Math.min(1, PHOTO_MAX_SIDE / Math.max(bitmap.width, bitmap.height));
  const [w, h] = [Math.max(1, Math.round(bitmap.width * scale)), Math.max(1, Math.round(bitmap.height * scale))];
  const ctx = Object.assign(document.createElement('canvas'), { width: w, height: h }).getContext('2d')!;
  ctx.drawImage(bitmap, 0, 0, w, h);
  bitmap.close();
  const image = ctx.getImageData(0, 0, w, h);
  const started = performance.now();
  if (pad.mode === 'number') {
    const r = pad.classifier.readNumber(image);
    showNumber(r, latency(performance.now() - started, `photo ${w}x${h}, ${r.digits.length} digits`));
    if (!r.digits.length) conf.textContent = `no digits found in ${file.name}`;
  } else {
    const r = pad.classifier.classifyImage(image);
    showDigit(r, image, latency(performance.now() - started, `photo ${w}x${h} to digit`));
    if (!r) conf.textContent = `no ink found in ${file.name}`;
  }
}

/** The pad 280 px wide for a digit, 840 for a number, and never wider than the page: phones from 320 px. */
function fitPad(): void {
  const width = String(Math.min(pad.mode === 'number' ? 840 : 280, document.querySelector('main')!.clientWidth));
  // a new width clears the drawing: only when it changes (a phone's toolbar hiding changes the height)
  if (pad.getAttribute('width') !== width) pad.setAttribute('width', width);
}
fitPad();
addEventListener('resize', fitPad);

$('undo').addEventListener('click', () => pad.undo());
$('photo-button').addEventListener('click', () => $('photo').click());
$<HTMLInputElement>('photo').addEventListener('change', (e) => {
  const input = e.target as HTMLInputElement;
  const file = input.files?.[0];
  // the same file chosen again is read again
  input.value = '';
  if (file) void readPhoto(file);
});
$('clear').addEventListener('click', () => pad.clear());
for (const radio of document.querySelectorAll<HTMLInputElement>('input[name=mode]')) {
  radio.addEventListener('change', () => {
    const number = radio.value === 'number';
    pad.mode = number ? 'number' : 'digit';
    fitPad();
    document.querySelector('.seen')!.toggleAttribute('hidden', number);
    bars.toggleAttribute('hidden', number);
    pad.clear();
  });
}

// The same measures as `tinydigit bench`, in this browser: the page stalls for a second or two meanwhile.
const BENCH_ROUNDS = 5;
$('bench').addEventListener('click', () => {
  const button = $<HTMLButtonElement>('bench');
  const out = $('bench-out');
  button.disabled = true;
  out.textContent = 'measuring…';
  setTimeout(async () => {
    try {
      const single = formatBench(runBench(BENCH_ROUNDS));
      out.textContent = `${single}measuring the worker pool…`;
      out.textContent = single + formatPoolBench(await runPoolBench(createPool, BENCH_ROUNDS));
    } catch (e) {
      out.textContent = `benchmark failed: ${e instanceof Error ? e.message : String(e)}`;
    } finally {
      button.disabled = false;
    }
  }, 50);
});

const meta = pad.classifier.model.metadata;
$('about').textContent = `Model ${String(meta.architecture)}, ${((meta.testAccuracy as number) * 100).toFixed(2)}% on the MNIST test set; running on ${pad.classifier.backend}. Nothing you draw or open leaves this page.`;
pad.read();
