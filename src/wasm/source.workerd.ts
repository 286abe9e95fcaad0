// Cloudflare workerd (and wrangler) refuses to compile wasm from bytes: there the modules are .wasm files
// imported as modules, which the runtime compiles ahead of time. Bundled in place of src/wasm-source.ts.
import simd from './tinydigit.simd.wasm';
import scalar from './tinydigit.scalar.wasm';
import preprocess from './tinydigit.preprocess.wasm';
import type { WasmName } from './source.js';

const MODULES: Record<WasmName, WebAssembly.Module> = { simd, scalar, preprocess };

export function wasmSource(name: WasmName): WebAssembly.Module {
  return MODULES[name];
}
