// <tinydigit-pad>: a drawing pad that reads what is drawn on it. Import 'tinydigit/element' (or load
// dist/tinydigit.iife.js with a plain <script>) and write <tinydigit-pad></tinydigit-pad>.
import { loadClassifierSync, type Classification, type Classifier, type NumberReading } from './index.js';
import { isDefaultModelName } from './model/names.js';

type Point = [number, number];

/**
 * HTMLElement where there is a DOM; elsewhere (server-side rendering in Node) a plain class, so that
 * importing the element does not throw there. It registers only where custom elements exist.
 */
const ElementBase = (typeof HTMLElement === 'undefined' ? class {} : HTMLElement) as typeof HTMLElement;

/**
 * A canvas to draw digits on with a mouse, pen or finger. After each stroke (and while drawing) it
 * dispatches `digit` (detail: a {@link Classification}, or `null` when empty) or, with `mode="number"`,
 * `number` (detail: a {@link NumberReading}). Attributes: `width`, `height` (pixels, default 280),
 * `mode` (`digit` or `number`), `stroke` (line width, default width/15), `model` (`default` or `default-int8`).
 */
export class TinydigitPad extends ElementBase {
  static observedAttributes = ['width', 'height', 'mode', 'stroke', 'model'];
  readonly #canvas: HTMLCanvasElement;
  readonly #ctx: CanvasRenderingContext2D;
  readonly #strokes: Point[][] = [];
  #current: Point[] | undefined;
  #pending = false;
  #classifier: Classifier | undefined;
  /** How long the last read took, in milliseconds (canvas to result). */
  lastReadMs = 0;

  constructor() {
    super();
    this.#canvas = document.createElement('canvas');
    // CSSOM, not a <style> element: works under a CSP without 'unsafe-inline'.
    Object.assign(this.#canvas.style, { touchAction: 'none', cursor: 'crosshair', display: 'block', maxWidth: '100%', background: '#fff' });
    this.#ctx = this.#canvas.getContext('2d', { willReadFrequently: true })!;
    this.attachShadow({ mode: 'open' }).append(this.#canvas);
    this.#canvas.addEventListener('pointerdown', (e) => {
      this.#canvas.setPointerCapture(e.pointerId);
      this.#current = [this.#point(e)];
      this.#strokes.push(this.#current);
      this.#redraw();
    });
    this.#canvas.addEventListener('pointermove', (e) => {
      if (!this.#current) return;
      for (const ev of e.getCoalescedEvents?.() ?? [e]) this.#current.push(this.#point(ev));
      this.#redraw();
      this.#schedule();
    });
    const end = () => {
      if (!this.#current) return;
      this.#current = undefined;
      this.read();
    };
    this.#canvas.addEventListener('pointerup', end);
    this.#canvas.addEventListener('pointercancel', end);
    this.#resize();
  }

  attributeChangedCallback(name: string): void {
    if (name === 'model') this.#classifier = undefined;
    if (name === 'width' || name === 'height') this.#resize();
    this.#redraw();
  }

  /** The classifier reading the pad (loaded on first use). */
  get classifier(): Classifier {
    const name = this.getAttribute('model');
    const m = isDefaultModelName(name) ? name : 'default';
    return (this.#classifier ??= loadClassifierSync({ model: m }));
  }

  get mode(): 'digit' | 'number' {
    return this.getAttribute('mode') === 'number' ? 'number' : 'digit';
  }

  /** The drawing as ImageData (transparent background, alpha = ink). */
  imageData(): ImageData {
    return this.#ctx.getImageData(0, 0, this.#canvas.width, this.#canvas.height);
  }

  /** Reads the pad now and dispatches the event; returns what it read. */
  read(): Classification | NumberReading | null {
    this.#pending = false;
    const t0 = performance.now();
    if (this.mode === 'number') {
      const r = this.classifier.readNumber(this.imageData());
      this.lastReadMs = performance.now() - t0;
      this.dispatchEvent(new CustomEvent<NumberReading>('number', { detail: r, bubbles: true, composed: true }));
      return r;
    }
    const r = this.classifier.classifyImage(this.imageData());
    this.lastReadMs = performance.now() - t0;
    this.dispatchEvent(new CustomEvent<Classification | null>('digit', { detail: r, bubbles: true, composed: true }));
    return r;
  }

  clear(): void {
    this.#strokes.length = 0;
    this.#redraw();
    this.read();
  }

  undo(): void {
    this.#strokes.pop();
    this.#redraw();
    this.read();
  }

  #schedule(): void {
    if (this.#pending) return;
    this.#pending = true;
    requestAnimationFrame(() => this.#pending && this.read());
  }

  #resize(): void {
    const size = (name: string) => {
      const v = Number(this.getAttribute(name) ?? 280);
      return Number.isInteger(v) && v >= 8 && v <= 4096 ? v : 280;
    };
    this.#canvas.width = size('width');
    this.#canvas.height = size('height');
  }

  #point(e: PointerEvent): Point {
    const r = this.#canvas.getBoundingClientRect();
    return [((e.clientX - r.left) * this.#canvas.width) / r.width, ((e.clientY - r.top) * this.#canvas.height) / r.height];
  }

  #redraw(): void {
    const { width, height } = this.#canvas;
    const c = this.#ctx;
    c.clearRect(0, 0, width, height);
    c.lineCap = 'round';
    c.lineJoin = 'round';
    c.lineWidth = Number(this.getAttribute('stroke')) || Math.max(2, Math.min(width, height) / 15);
    c.strokeStyle = '#000';
    for (const s of this.#strokes) {
      c.beginPath();
      c.moveTo(s[0]![0], s[0]![1]);
      for (const [x, y] of s) c.lineTo(x, y);
      if (s.length === 1) c.lineTo(s[0]![0] + 0.1, s[0]![1]);
      c.stroke();
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tinydigit-pad': TinydigitPad;
  }
  interface HTMLElementEventMap {
    digit: CustomEvent<Classification | null>;
    number: CustomEvent<NumberReading>;
  }
}

if (typeof customElements !== 'undefined' && !customElements.get('tinydigit-pad')) customElements.define('tinydigit-pad', TinydigitPad);
