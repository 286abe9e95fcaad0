// Chooses and compiles the wasm module: SIMD where the runtime validates it, scalar otherwise.
import { EngineError } from './errors.js';
import { wasmSource } from './wasm-source.js';

/** Which build of the kernels a classifier runs on. Both give bit-identical results. */
export type Backend = 'wasm-simd' | 'wasm-scalar';

/** `'auto'` uses SIMD where available; `'on'` requires it (throws where missing); `'off'` never uses it. */
export type SimdOption = 'auto' | 'on' | 'off';

/** The module's exports (assembly/index.ts). */
export interface KernelExports {
  memory: WebAssembly.Memory;
  heapBase(): number;
  configure(table: number, layers: number, a: number, b: number, q: number, inputs: number, classes: number): void;
  classify(x: number, dst: number): number;
  classifyBatch(x: number, n: number, dst: number): number;
  checkBatch(x: number, n: number): number;
  errorIndex(): number;
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
const compiled: Partial<Record<Backend, WebAssembly.Module>> = {};

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

/** The compiled module for a backend; compiled once per process (it is under 4 KB, so sync is allowed). */
export function compileSync(backend: Backend): WebAssembly.Module {
  if (compiled[backend]) return compiled[backend];
  const source = wasmSource(backend === 'wasm-simd');
  return (compiled[backend] = source instanceof WebAssembly.Module ? source : new WebAssembly.Module(source));
}

export async function compileAsync(backend: Backend): Promise<WebAssembly.Module> {
  if (compiled[backend]) return compiled[backend];
  const source = wasmSource(backend === 'wasm-simd');
  return (compiled[backend] = source instanceof WebAssembly.Module ? source : await WebAssembly.compile(source));
}

export function instantiateSync(module: WebAssembly.Module): KernelExports {
  return new WebAssembly.Instance(module, {}).exports as unknown as KernelExports;
}
