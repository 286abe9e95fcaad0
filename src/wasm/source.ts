// Where the wasm modules come from: their bytes, embedded in the bundle, compiled by ./modules.ts. The
// workerd bundle swaps this file for ./source.workerd.ts (tools/build.mjs). One function per module, so
// that a page that only preprocesses carries no kernel.
import { fromHex } from '../embedded-bytes.js';
import { PREPROCESS_WASM_HEX, SCALAR_WASM_HEX, SIMD_WASM_HEX } from '../generated/wasm.js';

/** The kernels with SIMD, without, and the preprocessing module. */
export type WasmName = 'simd' | 'scalar' | 'preprocess';

export function kernelSource(name: 'simd' | 'scalar'): Uint8Array<ArrayBuffer> | WebAssembly.Module {
  return fromHex(name === 'simd' ? SIMD_WASM_HEX : SCALAR_WASM_HEX);
}

export function preprocessSource(): Uint8Array<ArrayBuffer> | WebAssembly.Module {
  return fromHex(PREPROCESS_WASM_HEX);
}
