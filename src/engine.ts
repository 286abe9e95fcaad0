// Chooses and compiles the wasm modules: the kernels with SIMD where the runtime validates it, scalar
// otherwise; and the preprocessing module (one build for all).
import { EngineError } from './errors.js';
import { wasmSource, type WasmName } from './wasm-source.js';

/** Which build of the kernels a classifier runs on. Both give bit-identical results. */
export type Backend = 'wasm-simd' | 'wasm-scalar';

/** `'auto'` uses SIMD where available; `'on'` requires it (throws where missing); `'off'` never uses it. */
export type SimdOption = 'auto' | 'on' | 'off';

/** The kernel module's exports (assembly/index.ts). */
export interface KernelExports {
  memory: WebAssembly.Memory;
  heapBase(): number;
  configure(table: number, layers: number, a: number, b: number, q: number, idx: number, inputs: number, classes: number): void;
  classify(x: number, dst: number): number;
  classifyBatch(x: number, n: number, dst: number): number;
  errorIndex(): number;
  layoutWeights(src: number, dst: number, inputs: number, outputs: number, outPad: number): void;
  layoutWeightsI8(src: number, dst: number, inputs: number, outputs: number, outPad: number): void;
}

/** The preprocessing module's exports (assembly/preprocess-module.ts). */
export interface PreprocessExports {
  memory: WebAssembly.Memory;
  heapBase(): number;
  inkMap(src: number, w: number, h: number, channels: number, polarity: number, ink: number): void;
  inkLevels(ink: number, w: number, h: number, out: number): void;
  fit(ink: number, w: number, h: number, bg: number, contrast: number, tmp: number, dst: number, outW: number, outH: number): number;
}

/** Status codes returned by the kernels. */
export const BAD_INPUT = -1;
export const NOT_FINITE = -2;

// (func (result v128) i32.const 0 i8x16.splat i32.const 0 i8x16.splat i32x4.dot_i16x8_s): validates only
// where the whole SIMD proposal is implemented, dot_i16x8_s being one of its last additions.
const SIMD_PROBE = new Uint8Array([
  0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 15, 1, 13, 0, 65, 0, 253, 15, 65, 0, 253, 15, 253,
  186, 1, 11,
]);

let simdSupport: boolean | undefined;
const compiled: Partial<Record<WasmName, WebAssembly.Module>> = {};

/** Whether this runtime supports WebAssembly SIMD (checked once with a tiny validate-only probe). */
export function simdSupported(): boolean {
  return (simdSupport ??= WebAssembly.validate(SIMD_PROBE));
}

export function chooseBackend(simd: SimdOption = 'auto'): Backend {
  if (simd !== 'auto' && simd !== 'on' && simd !== 'off') {
    throw new EngineError('bad-option', `simd must be 'auto', 'on' or 'off', got ${JSON.stringify(simd)}`);
  }
  if (simd === 'off') return 'wasm-scalar';
  if (simdSupported()) return 'wasm-simd';
  if (simd === 'on') throw new EngineError('simd-unsupported', 'this runtime does not support WebAssembly SIMD');
  return 'wasm-scalar';
}

const wasmName = (m: Backend | 'preprocess'): WasmName => (m === 'wasm-simd' ? 'simd' : m === 'wasm-scalar' ? 'scalar' : 'preprocess');

/** A compiled module: a backend's kernels, or the preprocessing. Once per process (each is under 4 KB, so sync is allowed). */
export function compileSync(which: Backend | 'preprocess'): WebAssembly.Module {
  const name = wasmName(which);
  if (compiled[name]) return compiled[name];
  const source = wasmSource(name);
  return (compiled[name] = source instanceof WebAssembly.Module ? source : new WebAssembly.Module(source));
}

export async function compileAsync(which: Backend | 'preprocess'): Promise<WebAssembly.Module> {
  const name = wasmName(which);
  if (compiled[name]) return compiled[name];
  const source = wasmSource(name);
  return (compiled[name] = source instanceof WebAssembly.Module ? source : await WebAssembly.compile(source));
}

export function instantiateSync<T = KernelExports>(module: WebAssembly.Module): T {
  return new WebAssembly.Instance(module, {}).exports as unknown as T;
}
