// Choosing and compiling the wasm modules (src/wasm/modules.ts).
import { describe, expect, it } from 'vitest';
import { InputError } from '../src/index.js';
import { chooseBackend, compileAsync, compilePreprocessSync, compileSync, instantiateSync, simdSupported } from '../src/wasm/modules.js';

describe('the wasm modules', () => {
  it('uses SIMD where the runtime validates the probe, scalar when asked, and refuses other options', () => {
    // Node 20's V8 has SIMD; a V8 without it is test/scalar-runtime.test.ts
    expect(simdSupported()).toBe(true);
    expect(chooseBackend()).toBe('wasm-simd');
    expect(chooseBackend('auto')).toBe('wasm-simd');
    expect(chooseBackend('on')).toBe('wasm-simd');
    expect(chooseBackend('off')).toBe('wasm-scalar');
    expect(() => chooseBackend('yes' as 'on')).toThrow(InputError);
  });

  it('compiles each module once, imports nothing, and exports what the loader calls', async () => {
    for (const which of ['wasm-simd', 'wasm-scalar', 'preprocess'] as const) {
      const m = which === 'preprocess' ? compilePreprocessSync() : compileSync(which);
      expect(which === 'preprocess' ? compilePreprocessSync() : compileSync(which)).toBe(m);
      if (which !== 'preprocess') expect(await compileAsync(which)).toBe(m);
      expect(WebAssembly.Module.imports(m)).toEqual([]);
      const names = WebAssembly.Module.exports(m).map((e) => e.name).sort();
      const expected = which === 'preprocess'
        ? ['fit', 'flatten', 'heapBase', 'inkLevels', 'inkMap', 'memory', 'shrink']
        : ['classify', 'classifyBatch', 'configure', 'errorIndex', 'heapBase', 'layoutWeights', 'layoutWeightsI8', 'memory'];
      expect(names).toEqual(expected);
      expect(instantiateSync<{ memory: WebAssembly.Memory }>(m).memory).toBeInstanceOf(WebAssembly.Memory);
    }
  });
});
