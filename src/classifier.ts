import { DEFAULT_MODEL_NAMES, defaultModelBytes, isDefaultModelName, type DefaultModelName } from './model/embedded.js';
import { STATUS_BAD_INPUT, type KernelExports } from './wasm/abi.js';
import { compileAsync, compileSync, chooseBackend, instantiateSync, type Backend, type SimdOption } from './wasm/modules.js';
import { EngineError, InputError } from './errors.js';
import { growMemory, memoryBytes, planMemory, writeModel, type MemoryPlan } from './wasm/layout.js';
import type { Activation, Model, ModelMetadata, WeightType } from './model/model.js';
import { copyModel, decodeModel, decodeModelFile } from './model/format.js';
import { preprocess, type ImageLike, type Polarity } from './preprocess.js';
import type { NumberReading, ReadNumberOptions } from './read-number/read-number.js';
import { averageViews, VIEW_SHIFTS, writeShiftedViews } from './shifted-views.js';

/** Options of {@link loadClassifier} and {@link loadClassifierSync}. */
export interface ClassifierOptions {
  /**
   * The model: `'default'` (the embedded 400-25-15-10 with int8 weights, used when absent; `'default-int8'`
   * names it too), a model file's bytes (`defaultF32ModelBytes()` from `tinydigit/models/default-f32` for
   * its f32 twin), or an already decoded {@link Model}.
   */
  model?: DefaultModelName | Uint8Array | ArrayBuffer | Model;
  /** Use the SIMD build: `'auto'` (default) where supported, `'on'` or fail, `'off'` never. */
  simd?: SimdOption;
}

/** The result of classifying one input. */
export interface Classification {
  /** The most probable class (for the digit models, the digit 0-9). */
  digit: number;
  /** Its probability. */
  confidence: number;
  /** One probability per class, summing to 1. */
  probabilities: Float32Array;
  /**
   * Whether it looks like one digit: `confidence` at least {@link DIGIT_MIN_CONFIDENCE}. The default
   * models were trained to be unsure of what is not a digit (letters, symbols, scribbles, two digits
   * over each other), so such images mostly come out false.
   */
  isDigit: boolean;
}

/**
 * The confidence from which a reading counts as a digit ({@link Classification.isDigit}); chosen on
 * validation data: under 1% of MNIST's validation digits read by classifyImage fall below it (0.8%).
 */
export const DIGIT_MIN_CONFIDENCE = 0.45;

/** Options of {@link Classifier.classifyImage}. */
export interface ClassifyImageOptions {
  /** See {@link PreprocessOptions.polarity}. */
  polarity?: Polarity;
  /** Return `null` for an image that is not one digit (`isDigit` false), as for an empty one. Default false. */
  digitsOnly?: boolean;
}

/** @internal What tinydigit/number registers: readNumber, and its second reader's model file. */
export interface NumberReader {
  read(classifier: Classifier, secondReader: () => Classifier, image: ImageLike, options: ReadNumberOptions): NumberReading;
  secondReaderBytes(): Uint8Array;
}

let numberReader: NumberReader | undefined;

/** @internal Called by tinydigit/number when it is imported. */
export function registerNumberReader(reader: NumberReader): void {
  numberReader = reader;
}

/** What a classifier runs: the model's shape and its metadata. */
export interface ModelInfo {
  inputHeight: number;
  inputWidth: number;
  /** Values per input: inputHeight * inputWidth. */
  inputs: number;
  /** Probabilities per input (10 for digits). */
  classes: number;
  layers: { inputs: number; outputs: number; activation: Activation; weightType: WeightType }[];
  /** Weights and biases, all layers. */
  parameters: number;
  metadata: ModelMetadata;
}

/**
 * Inputs per call of the kernel's batch loop: bounds the wasm memory a batch needs (~1.7 MB), and keeps
 * the inputs just copied in the CPU's cache while the kernel reads them (4,096 was ~5% slower).
 */
/** @internal */
export const BATCH_CHUNK = 1024;

function isArrayLikeOfNumbers(x: unknown): x is ArrayLike<number> {
  return ArrayBuffer.isView(x) ? !(x instanceof DataView) : Array.isArray(x);
}

/**
 * @internal Checks a batch's arguments (shared by Classifier.classifyBatch and the pool): inputs of `size`
 * values laid end to end, and `out`, when given, a Float32Array of `classes` values per input. Returns
 * the number of inputs.
 */
export function checkBatch(inputs: unknown, out: unknown, size: number, classes: number): number {
  if (!isArrayLikeOfNumbers(inputs)) throw new InputError('bad-type', 'inputs must be a Float32Array (or an array of numbers)');
  if (inputs.length % size !== 0) throw new InputError('bad-length', `inputs has ${inputs.length} values, not a multiple of the model's ${size}`);
  const n = inputs.length / size;
  if (out !== undefined && (!(out instanceof Float32Array) || out.length !== n * classes)) {
    throw new InputError('bad-output', `out must be a Float32Array of ${n * classes} values (${n} inputs x ${classes})`);
  }
  return n;
}

function slice(values: ArrayLike<number>, start: number, end: number): ArrayLike<number> {
  return ArrayBuffer.isView(values) ? (values as Float32Array).subarray(start, end) : Array.prototype.slice.call(values, start, end);
}

/** A Classification from probabilities and the class read (by default the first most probable). */
function reading(probabilities: Float32Array, digit?: number): Classification {
  if (digit === undefined) {
    digit = 0;
    for (let j = 1; j < probabilities.length; j++) if (probabilities[j]! > probabilities[digit]!) digit = j;
  }
  return { digit, confidence: probabilities[digit]!, probabilities, isDigit: probabilities[digit]! >= DIGIT_MIN_CONFIDENCE };
}

/** Wasm memory buffers that batchInput() views were made of and that have since been replaced (detached). */
const retiredBuffers = new WeakSet<ArrayBufferLike>();

/**
 * A loaded model, ready to classify inputs of its size (20x20 for the default models; row-major, ink
 * 1.0, background 0.0).
 * Create with {@link loadClassifier} or {@link loadClassifierSync}.
 */
export class Classifier {
  /** The kernel build in use. */
  readonly backend: Backend;
  /** The model's shape and metadata. */
  readonly model: ModelInfo;
  #k: KernelExports | undefined;
  #secondReader: Classifier | undefined;
  readonly #plan: MemoryPlan;
  #capacity = 0;
  #f32!: Float32Array;
  #in = 0;
  #out = 0;
  /** batchInput()'s region (a byte address; 0 before the first call) and how many inputs it holds. */
  #view = 0;
  #viewInputs = 0;

  /** @internal Use loadClassifier / loadClassifierSync. */
  constructor(exports: KernelExports, backend: Backend, model: Model) {
    this.backend = backend;
    const last = model.layers[model.layers.length - 1]!;
    this.model = Object.freeze({
      inputHeight: model.inputHeight,
      inputWidth: model.inputWidth,
      inputs: model.inputHeight * model.inputWidth,
      classes: last.outputs,
      layers: model.layers.map(({ inputs, outputs, activation, weightType }) => ({ inputs, outputs, activation, weightType })),
      parameters: model.layers.reduce((s, l) => s + l.inputs * l.outputs + l.outputs, 0),
      metadata: model.metadata,
    });
    this.#k = exports;
    this.#plan = planMemory(model, exports.heapBase());
    writeModel(exports.memory, this.#plan, model, exports);
    this.#reserve(1);
    const p = this.#plan;
    exports.configure(p.table, model.layers.length, p.bufA, p.bufB, p.qBuf, p.idxBuf, this.model.inputs, this.model.classes);
  }

  #kernel(): KernelExports {
    if (!this.#k) throw new EngineError('disposed', 'this classifier has been disposed');
    return this.#k;
  }

  /** Makes room for `n` inputs and their outputs in wasm memory. */
  #reserve(n: number): void {
    if (n <= this.#capacity) return;
    const k = this.#kernel();
    growMemory(k.memory, memoryBytes(this.#plan, this.model.classes, n));
    this.#capacity = n;
    this.#f32 = new Float32Array(k.memory.buffer);
    this.#in = this.#plan.io;
    this.#out = this.#plan.io + 4 * n * this.#plan.inStride;
  }

  /** Copies inputs [start, start + n) into the input region, one stride apart. */
  #write(inputs: ArrayLike<number>, start: number, n: number): void {
    const size = this.model.inputs;
    const stride = this.#plan.inStride;
    const base = this.#in >> 2;
    if (stride === size) this.#f32.set(slice(inputs, start * size, (start + n) * size), base);
    else for (let i = 0; i < n; i++) this.#f32.set(slice(inputs, (start + i) * size, (start + i + 1) * size), base + i * stride);
  }

  /** Explains why the input at slot `slot` of the inputs at `at` (a byte address) was refused. */
  #inputError(at: number, slot: number, index?: number): InputError {
    const base = (at >> 2) + slot * this.#plan.inStride;
    const where = index === undefined ? 'input' : `input ${index}`;
    for (let i = 0; i < this.model.inputs; i++) {
      const v = this.#f32[base + i]!;
      if (!Number.isFinite(v)) return new InputError('not-finite', `${where}[${i}] is ${v}; values must be finite, in [0, 1]`, index);
      if (v < 0 || v > 1) return new InputError('out-of-range', `${where}[${i}] is ${v}; values must lie in [0, 1]`, index);
    }
    return new InputError('out-of-range', `${where} has a value outside [0, 1]`, index);
  }

  #notFinite(index?: number): EngineError {
    const where = index === undefined ? '' : ` for input ${index}`;
    return new EngineError('not-finite-output', `the model's values overflowed${where}: its weights are too large`);
  }

  #checkInputs(inputs: unknown, what: string): asserts inputs is ArrayLike<number> {
    if (!isArrayLikeOfNumbers(inputs)) throw new InputError('bad-type', `${what} must be a Float32Array (or an array of numbers)`);
  }

  /**
   * Classifies one input: `inputs` values (400 for the default models), row-major, each in [0, 1].
   * @throws {InputError} wrong type or length (`bad-type`, `bad-length`), NaN or ±Infinity
   * (`not-finite`), a value outside [0, 1] (`out-of-range`).
   */
  classify(input: ArrayLike<number>): Classification {
    const k = this.#kernel();
    this.#checkInputs(input, 'input');
    if (input.length !== this.model.inputs) {
      throw new InputError('bad-length', `input has ${input.length} values, the model takes ${this.model.inputs}`);
    }
    // The common case without a view: one digit of exactly the model's inputs.
    if (input instanceof Float32Array) this.#f32.set(input, this.#in >> 2);
    else this.#write(input, 0, 1);
    const digit = k.classify(this.#in, this.#out);
    if (digit < 0) throw digit === STATUS_BAD_INPUT ? this.#inputError(this.#in, 0) : this.#notFinite();
    const o = this.#out >> 2;
    return reading(this.#f32.slice(o, o + this.model.classes), digit);
  }

  /** classifyImage's reading of a preprocessed input: its shifted views' readings averaged (see shifted-views.ts), one batch. */
  #classifyShifted(input: Float32Array): Classification {
    const k = this.#kernel();
    const n = VIEW_SHIFTS.length / 2;
    this.#reserve(n);
    writeShiftedViews(input, this.model.inputWidth, this.model.inputHeight, this.#f32, this.#in >> 2, this.#plan.inStride);
    const readings = new Float32Array(n * this.model.classes);
    this.#run(k, this.#in, n, 0, readings);
    return reading(averageViews(readings, n, this.model.classes));
  }

  /**
   * Classifies n inputs laid end to end (`n * inputs` values) and returns their probabilities laid end
   * to end (`n * classes` values), written into `out` when given (its length must be exactly that).
   * A bad input throws {@link InputError} with its `index` (the first bad one), and leaves `out`
   * untouched.
   */
  classifyBatch(inputs: ArrayLike<number>, out?: Float32Array): Float32Array {
    const k = this.#kernel();
    const classes = this.model.classes;
    if (inputs instanceof Float32Array && inputs.length === 0 && retiredBuffers.has(inputs.buffer)) {
      throw new InputError('bad-type', 'inputs is a batchInput() view since replaced by a larger one');
    }
    const n = checkBatch(inputs, out, this.model.inputs, classes);
    const result = out ?? new Float32Array(n * classes);
    if (n === 0) return result;
    const size = this.model.inputs;
    // where the inputs lie in wasm memory when they are (whole inputs of) the batchInput() view: read there
    let at = -1;
    if (inputs instanceof Float32Array && inputs.buffer === this.#f32.buffer) {
      const rel = inputs.byteOffset - this.#view;
      if (rel >= 0 && rel % (4 * size) === 0 && rel + inputs.byteLength <= 4 * size * this.#viewInputs) at = inputs.byteOffset;
      else inputs = inputs.slice(); // not on an input's boundary: copied as any other array
    }
    this.#reserve(Math.min(n, BATCH_CHUNK));
    // Over several chunks, the results wait apart until every chunk has passed, so that a bad input
    // leaves `out` untouched (each input is copied into the module once, or read where it lies).
    const dst = out !== undefined && n > BATCH_CHUNK ? new Float32Array(n * classes) : result;
    for (let start = 0; start < n; start += BATCH_CHUNK) {
      const m = Math.min(BATCH_CHUNK, n - start);
      if (at < 0) this.#write(inputs, start, m);
      this.#run(k, at < 0 ? this.#in : at + 4 * size * start, m, start, dst);
    }
    if (dst !== result) result.set(dst);
    return result;
  }

  /** Classifies the m inputs at `at` in wasm memory (inputs start.. of the batch) into dst from start * classes. */
  #run(k: KernelExports, at: number, m: number, start: number, dst: Float32Array): void {
    const classes = this.model.classes;
    const status = k.classifyBatch(at, m, this.#out);
    if (status < 0) {
      const i = k.errorIndex();
      throw status === STATUS_BAD_INPUT ? this.#inputError(at, i, start + i) : this.#notFinite(start + i);
    }
    const o = this.#out >> 2;
    dst.set(this.#f32.subarray(o, o + m * classes), start * classes);
  }

  /**
   * Room for `n` inputs laid end to end (`n * inputs` values) in the classifier's own memory. Fill it
   * and pass it, or a `subarray` of whole inputs of it, to {@link classifyBatch}, which then reads the
   * inputs where they lie instead of copying them in: for inputs made one at a time anyway (preprocessed
   * images, a camera's frames), one copy of the batch less. Nothing else writes there: the values stay
   * as you leave them. The view stays valid until a `batchInput` for more inputs than any before (the
   * memory grows: a new view holds the old one's values, the old one reads as empty, and classifyBatch
   * refuses it). For a model whose inputs are not a multiple of 8, it is an ordinary array (copied in).
   * @throws {InputError} `bad-option` when n is not an integer from 1 to 1,048,576.
   */
  batchInput(n: number): Float32Array {
    const k = this.#kernel();
    if (!Number.isInteger(n) || n < 1 || n > 1 << 20) throw new InputError('bad-option', `n must be an integer from 1 to 1048576, got ${n}`);
    const size = this.model.inputs;
    if (this.#plan.inStride !== size) return new Float32Array(n * size);
    if (n > this.#viewInputs) {
      const before = this.#f32.buffer;
      // after the copied batches' region at its largest, so that classifyBatch never grows the memory
      this.#reserve(BATCH_CHUNK);
      this.#view = memoryBytes(this.#plan, this.model.classes, BATCH_CHUNK);
      growMemory(k.memory, this.#view + 4 * size * n);
      this.#f32 = new Float32Array(k.memory.buffer);
      this.#viewInputs = n;
      if (this.#f32.buffer !== before) retiredBuffers.add(before);
    }
    return new Float32Array(this.#f32.buffer, this.#view, n * size);
  }

  /**
   * Preprocesses an image (see {@link preprocess}) to the model's input size and classifies it: the
   * probabilities of the input and of eight copies of it shifted by one or two pixels, averaged (and
   * raised to the power 1.5, normalised, so that the confidence stays calibrated). Nine readings in one
   * batch read more digits right than one; `classify(preprocess(image))` is the one reading.
   * Returns `null` when the image holds no ink (an empty canvas is not a digit), and with `digitsOnly`
   * when what it holds is not one digit.
   */
  classifyImage(image: ImageLike, options: ClassifyImageOptions = {}): Classification | null {
    this.#kernel();
    if (options.digitsOnly !== undefined && typeof options.digitsOnly !== 'boolean') throw new InputError('bad-option', 'digitsOnly must be true or false');
    const input = preprocess(image, { polarity: options.polarity ?? 'auto', width: this.model.inputWidth, height: this.model.inputHeight });
    const r = input && this.#classifyShifted(input);
    return r && (r.isDigit || !options.digitsOnly) ? r : null;
  }

  /**
   * Reads a row of handwritten digits (a zip code, an amount) left to right: the ink is split into
   * pieces (connected components; components wide enough to be touching digits cut into slices along
   * seams of least ink), and the pieces are grouped into digits the way the readers find most
   * convincing (so a 5 whose bar is detached is read as one 5). Each digit goes through the same
   * preprocessing as {@link classifyImage}. With a model of 20x20 inputs and 10 classes (the default
   * ones), a second embedded reader trained on such groups judges each group too (its digit, and whether
   * it is one whole digit), and a digit's probabilities are the classifier's times the square root of
   * the second reader's, normalised; with another model, the model alone.
   * Low-confidence digits are flagged, not dropped. Needs `import 'tinydigit/number'` (its code and second
   * reader ship with that entry point).
   * @throws {EngineError} `missing-import` when tinydigit/number was not imported.
   */
  readNumber(image: ImageLike, options: ReadNumberOptions = {}): NumberReading {
    this.#kernel();
    const reader = numberReader;
    if (!reader) {
      throw new EngineError('missing-import', "readNumber needs import 'tinydigit/number' (once, anywhere)");
    }
    return reader.read(this, () => this.#loadSecondReader(reader.secondReaderBytes), image, options);
  }

  /**
   * readNumber's second reader (20x20 input): the digit of a group of ink pieces (classes 0-9), or that it
   * is two touching digits or a part of one (class 10); on the same kernel build, loaded on first use.
   */
  #loadSecondReader(bytes: () => Uint8Array): Classifier {
    return (this.#secondReader ??= new Classifier(instantiateSync(compileSync(this.backend)), this.backend, decodeModelFile(bytes(), true)));
  }

  /** Releases the wasm instance and its memory. Any later call throws an {@link EngineError} (`disposed`). */
  dispose(): void {
    this.#secondReader?.dispose();
    this.#secondReader = undefined;
    this.#k = undefined;
    this.#f32 = new Float32Array(0);
    this.#capacity = 0;
  }
}

function resolveModel(options: ClassifierOptions): Model {
  const m = options.model ?? 'default';
  if (typeof m === 'string') {
    if (!isDefaultModelName(m)) {
      throw new InputError('bad-option', `model must be ${DEFAULT_MODEL_NAMES.map((n) => `'${n}'`).join(' or ')}, model bytes or a Model, got '${m}'`);
    }
    return decodeModelFile(defaultModelBytes(m), true);
  }
  // A Model object is validated by the same checks as a file, and copied.
  return m instanceof Uint8Array || m instanceof ArrayBuffer || ArrayBuffer.isView(m) ? decodeModel(m) : copyModel(m as Model);
}

function checkOptions(options: unknown): ClassifierOptions {
  if (options === undefined) return {};
  if (options === null || typeof options !== 'object') throw new InputError('bad-option', 'options must be an object');
  return options as ClassifierOptions;
}

/** What a classifier is made of: a compiled kernel module, its build, and a checked model of its own. */
export interface ClassifierParts {
  module: WebAssembly.Module;
  backend: Backend;
  model: Model;
}

/**
 * @internal The parts of the classifier `options` name, each checked (the same errors as
 * loadClassifierSync). tinydigit/pool sends them to its workers, which so embed no model and compile nothing.
 */
export function classifierParts(options?: ClassifierOptions): ClassifierParts {
  const o = checkOptions(options);
  const backend = chooseBackend(o.simd);
  const model = resolveModel(o);
  return { module: compileSync(backend), backend, model };
}

/** @internal A classifier from its parts (a pool's worker makes its own from the page's). */
export function classifierFromParts(parts: ClassifierParts): Classifier {
  return new Classifier(instantiateSync(parts.module), parts.backend, parts.model);
}

/** Loads a classifier without awaiting anything (the wasm module is small enough for sync compilation). */
export function loadClassifierSync(options?: ClassifierOptions): Classifier {
  return classifierFromParts(classifierParts(options));
}

/** Loads a classifier, compiling the wasm module asynchronously the first time. */
export async function loadClassifier(options?: ClassifierOptions): Promise<Classifier> {
  const o = checkOptions(options);
  const backend = chooseBackend(o.simd);
  const model = resolveModel(o);
  const module = await compileAsync(backend);
  return new Classifier(instantiateSync(module), backend, model);
}
