// Chooses and compiles the wasm modules: the kernels with SIMD where the runtime validates it, scalar
// otherwise; and the preprocessing module (one build for all).
import { EngineError, InputError } from '../errors.js';
import { SIMD_PROBE_HEX } from '../generated/simd-probe.js';
import { fromHex } from '../embedded-bytes.js';
import type { KernelExports } from './abi.js';
import { kernelSource, preprocessSource, type WasmName } from './source.js';

/** Which build of the kernels a classifier runs on. Both give bit-identical results. */
export type Backend = 'wasm-simd' | 'wasm-scalar';

/** `'auto'` uses SIMD where available; `'on'` requires it (throws where missing); `'off'` never uses it. */
export type SimdOption = 'auto' | 'on' | 'off';

let simdSupport: boolean | undefined;
const compiled: Partial<Record<WasmName, WebAssembly.Module>> = {};

/** Whether this runtime supports WebAssembly SIMD (checked once with a tiny validate-only probe). */
export function simdSupported(): boolean {
  return (simdSupport ??= WebAssembly.validate(fromHex(SIMD_PROBE_HEX)));
}

export function chooseBackend(simd: SimdOption = 'auto'): Backend {
  if (simd !== 'auto' && simd !== 'on' && simd !== 'off') {
    throw new InputError('bad-option', `simd must be 'auto', 'on' or 'off', got ${JSON.stringify(simd)}`);
  }
  if (simd === 'off') return 'wasm-scalar';
  if (simdSupported()) return 'wasm-simd';
  if (simd === 'on') throw new EngineError('simd-unsupported', 'this runtime does not support WebAssembly SIMD');
  return 'wasm-scalar';
}

const wasmName = (b: Backend): 'simd' | 'scalar' => (b === 'wasm-simd' ? 'simd' : 'scalar');

function compiledSync(name: WasmName, source: () => Uint8Array<ArrayBuffer> | WebAssembly.Module): WebAssembly.Module {
  if (compiled[name]) return compiled[name];
  const s = source();
  return (compiled[name] = s instanceof WebAssembly.Module ? s : new WebAssembly.Module(s));
}

/** A backend's compiled kernels. Once per process (each module is under 4 KB, so sync is allowed). */
export function compileSync(backend: Backend): WebAssembly.Module {
  const name = wasmName(backend);
  return compiledSync(name, () => kernelSource(name));
}

/** The compiled preprocessing module, once per process. */
export function compilePreprocessSync(): WebAssembly.Module {
  return compiledSync('preprocess', preprocessSource);
}

export async function compileAsync(backend: Backend): Promise<WebAssembly.Module> {
  const name = wasmName(backend);
  if (compiled[name]) return compiled[name];
  const source = kernelSource(name);
  return (compiled[name] = source instanceof WebAssembly.Module ? source : await WebAssembly.compile(source));
}

export function instantiateSync<T = KernelExports>(module: WebAssembly.Module): T {
  return new WebAssembly.Instance(module, {}).exports as unknown as T;
}
