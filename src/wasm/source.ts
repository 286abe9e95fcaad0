// Where the wasm modules come from: their bytes, embedded in the bundle, compiled by src/engine.ts. The
// workerd bundle swaps this file for src/wasm-source.workerd.ts (tools/build.mjs).
import { fromHex } from '../embedded-bytes.js';
import { PREPROCESS_WASM_HEX, SCALAR_WASM_HEX, SIMD_WASM_HEX } from '../generated/wasm.js';

/** The kernels with SIMD, without, and the preprocessing module. */
export type WasmName = 'simd' | 'scalar' | 'preprocess';

const HEX: Record<WasmName, string> = { simd: SIMD_WASM_HEX, scalar: SCALAR_WASM_HEX, preprocess: PREPROCESS_WASM_HEX };

export function wasmSource(name: WasmName): Uint8Array<ArrayBuffer> | WebAssembly.Module {
  return fromHex(HEX[name]);
}
