// Where the kernels come from: their bytes, embedded in the bundle, compiled by src/engine.ts. The workerd
// bundle swaps this file for src/wasm-source.workerd.ts (tools/build.mjs).
import { fromBase64 } from './base64.js';
import { SCALAR_WASM_BASE64, SIMD_WASM_BASE64 } from './generated/wasm.js';

export function wasmSource(simd: boolean): Uint8Array<ArrayBuffer> | WebAssembly.Module {
  return fromBase64(simd ? SIMD_WASM_BASE64 : SCALAR_WASM_BASE64);
}
