// Where the wasm modules come from: their bytes, embedded in the bundle, compiled by src/engine.ts. The
// workerd bundle swaps this file for src/wasm-source.workerd.ts (tools/build.mjs).
import { fromBase64 } from './base64.js';
import { PREPROCESS_WASM_BASE64, SCALAR_WASM_BASE64, SIMD_WASM_BASE64 } from './generated/wasm.js';

/** The kernels with SIMD, without, and the preprocessing module. */
export type WasmName = 'simd' | 'scalar' | 'preprocess';

const BASE64: Record<WasmName, string> = { simd: SIMD_WASM_BASE64, scalar: SCALAR_WASM_BASE64, preprocess: PREPROCESS_WASM_BASE64 };

export function wasmSource(name: WasmName): Uint8Array<ArrayBuffer> | WebAssembly.Module {
  return fromBase64(BASE64[name]);
}
