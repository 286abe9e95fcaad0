// <tinydigit-pad>: a drawing pad that reads what is drawn on it. Import 'tinydigit/element' (or load
// dist/tinydigit.iife.js with a plain <script>) and write <tinydigit-pad></tinydigit-pad>.
import { loadClassifierSync, type Classification, type Classifier, type DefaultModelName, type NumberReading } from './index.js';
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
 * `number` (detail: a {@link NumberReading}; needs `import 'tinydigit/number'`). Attributes: `width`,
 * `height` (CSS pixels, 8-4096, default 280), `mode` (`digit` or `number`), `stroke` (line width,
 * default width/15), `model` (`default` or `default-int8`).
 *
 * Keyboard: it takes focus; Escape clears it, Ctrl+Z (⌘Z) undoes the last stroke.
 * It has the role `img` and an accessible name (its `aria-label`, by default "Drawing pad for a digit"),
 * and announces each new reading in a polite live region. Styling: a visible border by default; the
 * custom properties `--tinydigit-pad-ink`, `--tinydigit-pad-background` and `--tinydigit-pad-border`, and
 * `::part(canvas)`. It draws at the screen's `devicePixelRatio`, so strokes stay sharp, and reads at one
 * pixel per CSS pixel (see {@link TinydigitPad.imageData}).
 */
export class TinydigitPad extends ElementBase {
  static observedAttributes = ['width', 'height', 'mode', 'stroke', 'model'];
  readonly #canvas: HTMLCanvasElement;
  readonly #ctx: CanvasRenderingContext2D;
  readonly #strokes: Point[][] = [];
  #current: Point[] | undefined;
  #pending = false;
  #classifier: Classifier | undefined;
  readonly #live: HTMLElement;
  #announced = '';
  readonly #warned = new Set<string>();
  /** How long the last read took, in milliseconds (canvas to result). */
  lastReadMs = 0;

  constructor() {
    super();
    this.#canvas = document.createElement('canvas');
    this.#canvas.setAttribute('part', 'canvas');
    // CSSOM, not a <style> element: works under a CSP without 'unsafe-inline'. The border (#767676 on
    // white: 4.5:1) makes the pad visible on a page of the same colour.
    this.#canvas.style.cssText = 'touch-action:none;cursor:crosshair;display:block;max-width:100%;box-sizing:border-box;background:var(--tinydigit-pad-background,#fff);border:2px solid var(--tinydigit-pad-border,#767676)';
    this.#ctx = this.#canvas.getContext('2d', { willReadFrequently: true })!;
    // the reading, for screen readers: visually hidden, announced politely once per change
    this.#live = document.createElement('span');
    this.#live.setAttribute('aria-live', 'polite');
    this.#live.style.cssText = 'position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%)';
    this.attachShadow({ mode: 'open' }).append(this.#canvas, this.#live);
    this.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') this.clear();
      else if ((e.ctrlKey || e.metaKey) && e.key === 'z') this.undo();
      else return;
      e.preventDefault();
    });
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

  connectedCallback(): void {
    if (!this.hasAttribute('tabindex')) this.tabIndex = 0;
    if (!this.hasAttribute('role')) this.setAttribute('role', 'img');
    if (!this.hasAttribute('aria-label') && !this.hasAttribute('aria-labelledby')) this.setAttribute('aria-label', 'Drawing pad for a digit');
    this.#resize();
    this.#redraw();
  }

  attributeChangedCallback(name: string): void {
    if (name === 'model') this.#classifier = undefined;
    if (name === 'width' || name === 'height') this.#resize();
    if (name === 'mode') void this.mode; // warns about a value it does not accept
    this.#redraw();
  }

  /** An attribute's value when the pad accepts it; else undefined (the default), with one console warning per value. */
  #accepted(name: string, ok: (value: string) => boolean, what: string): string | undefined {
    const v = this.getAttribute(name);
    if (v === null || ok(v)) return v ?? undefined;
    if (!this.#warned.has(name + v)) console.warn(`<tinydigit-pad> ${name}="${v}": not ${what}, using the default`);
    this.#warned.add(name + v);
    return undefined;
  }

  /** The classifier reading the pad (loaded on first use). */
  get classifier(): Classifier {
    const model = this.#accepted('model', isDefaultModelName, 'default or default-int8') as DefaultModelName | undefined;
    return (this.#classifier ??= loadClassifierSync({ model }));
  }

  get mode(): 'digit' | 'number' {
    return this.#accepted('mode', (v) => v === 'digit' || v === 'number', 'digit or number') === 'number' ? 'number' : 'digit';
  }

  /** Sets the `mode` attribute (React 19 sets a custom element's props as properties). */
  set mode(value: 'digit' | 'number') {
    this.setAttribute('mode', value);
  }

  /**
   * The drawing as the pad reads it: ImageData at one pixel per CSS pixel whatever the screen's
   * devicePixelRatio (transparent background, alpha = ink). On a high-density screen the strokes are
   * drawn again at that size, so a phone's 3x backing store costs no more to read than a desktop's and
   * gives the same pixels.
   */
  imageData(): ImageData {
    if (this.#scale === 1) return this.#ctx.getImageData(0, 0, this.#canvas.width, this.#canvas.height);
    const w = Math.round(this.#canvas.width / this.#scale);
    const h = Math.round(this.#canvas.height / this.#scale);
    const c = (this.#readingCtx ??= document.createElement('canvas').getContext('2d', { willReadFrequently: true })!);
    if (c.canvas.width !== w || c.canvas.height !== h) [c.canvas.width, c.canvas.height] = [w, h];
    this.#paint(c, 1);
    return c.getImageData(0, 0, w, h);
  }

  /** Where imageData() draws the strokes again on a high-density screen. */
  #readingCtx: CanvasRenderingContext2D | undefined;

  /** Reads the pad now and dispatches the event; returns what it read. */
  read(): Classification | NumberReading | null {
    this.#pending = false;
    const t0 = performance.now();
    if (this.mode === 'number') {
      const r = this.classifier.readNumber(this.imageData());
      this.lastReadMs = performance.now() - t0;
      this.#announce(r.text ? `read ${r.text}` : 'empty');
      this.dispatchEvent(new CustomEvent<NumberReading>('number', { detail: r, bubbles: true, composed: true }));
      return r;
    }
    const r = this.classifier.classifyImage(this.imageData());
    this.lastReadMs = performance.now() - t0;
    this.#announce(r ? (r.isDigit ? `read ${r.digit}` : 'not a digit') : 'empty');
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

  /** Says the reading in the live region, when it changed (not on every stroke that keeps it). */
  #announce(text: string): void {
    if (text === this.#announced) return;
    this.#announced = text;
    this.#live.textContent = text;
  }

  #schedule(): void {
    if (this.#pending) return;
    this.#pending = true;
    requestAnimationFrame(() => this.#pending && this.read());
  }

  #resize(): void {
    const size = (name: string) => Number(this.#accepted(name, (v) => /^\d+$/.test(v) && +v >= 8 && +v <= 4096, 'an integer from 8 to 4096') ?? 280);
    // the backing store at the screen's resolution, shown at the CSS size: sharp strokes on phones
    const dpr = Math.min(4, Math.max(1, globalThis.devicePixelRatio || 1));
    const [w, h] = [size('width'), size('height')];
    this.#canvas.width = Math.round(w * dpr);
    this.#canvas.height = Math.round(h * dpr);
    this.#canvas.style.width = `${w}px`;
    this.#canvas.style.height = `${h}px`;
    this.#scale = dpr;
  }

  #scale = 1;

  #point(e: PointerEvent): Point {
    // in CSS pixels of the pad (strokes are kept there; drawing scales them to the backing store)
    const c = this.#canvas;
    const r = c.getBoundingClientRect();
    return [((e.clientX - r.left - c.clientLeft) * c.width) / c.clientWidth / this.#scale, ((e.clientY - r.top - c.clientTop) * c.height) / c.clientHeight / this.#scale];
  }

  #redraw(): void {
    this.#paint(this.#ctx, this.#scale);
  }

  /** The strokes drawn into c at `scale` backing-store pixels per CSS pixel, on a cleared canvas. */
  #paint(c: CanvasRenderingContext2D, scale: number): void {
    c.setTransform(1, 0, 0, 1, 0, 0);
    c.clearRect(0, 0, c.canvas.width, c.canvas.height);
    c.setTransform(scale, 0, 0, scale, 0, 0);
    const width = c.canvas.width / scale;
    const height = c.canvas.height / scale;
    c.lineCap = 'round';
    c.lineJoin = 'round';
    const stroke = this.#accepted('stroke', (v) => /^\d+(\.\d+)?$/.test(v) && +v >= 1 && +v <= 256, 'a line width from 1 to 256');
    c.lineWidth = stroke ? +stroke : Math.max(2, Math.min(width, height) / 15);
    // the ink is read by its alpha, whatever its colour
    c.strokeStyle = this.isConnected ? getComputedStyle(this).getPropertyValue('--tinydigit-pad-ink').trim() || '#000' : '#000';
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
