// Cloudflare workerd (and wrangler) refuses to compile wasm from bytes: there the modules are .wasm files
// imported as modules, which the runtime compiles ahead of time. Bundled in place of ./source.ts.
import simd from './tinydigit.simd.wasm';
import scalar from './tinydigit.scalar.wasm';
import preprocess from './tinydigit.preprocess.wasm';

export function kernelSource(name: 'simd' | 'scalar'): WebAssembly.Module {
  return name === 'simd' ? simd : scalar;
}

export function preprocessSource(): WebAssembly.Module {
  return preprocess;
}
