// Cloudflare workerd (and wrangler) refuses to compile wasm from bytes: there the kernels are .wasm files
// imported as modules, which the runtime compiles ahead of time. Bundled in place of src/wasm-source.ts.
import simd from './tinydigit.simd.wasm';
import scalar from './tinydigit.scalar.wasm';

export function wasmSource(useSimd: boolean): WebAssembly.Module {
  return useSimd ? simd : scalar;
}
