// The size budget, as xxhash-wasm keeps one: each wasm module under 4 KB (the largest a browser's main
// thread may compile synchronously), and the library as shipped (minified + gzip, without the default
// models) under a fixed budget, so that growth is a decision, not an accident. Issue #6 asks for 8 KB;
// the library is 13.3 KB today (8.9 KB of JS, of which the model-file checks are the most; the rest
// the three wasm modules in hex), so the budget below guards against growth and does not claim the
// target. History: 12,600 -> 13,000 (+0.3 KB: native base64, the module's layoutWeights and the trusted
// decode of the embedded models bought the cold start down from ~16 ms to ~2 ms) -> 13,100 (+0.1 KB: the
// code around readNumber's verifier model) -> 12,800: the wasm modules embedded as hex instead of base64
// (-0.8 KB gzipped) paid for faster preprocessing and int8 layers (+1.5 KB of wasm) -> 13,250 (+0.4
// KB: readNumber cuts touching digits along seams, touching digits +0.3 pt on validation rows) -> 13,350
// (+0.1 KB: readNumber's second reader also reads the digit, and readNumber reads with models of other
// input sizes; touching test digits 94.8% -> 96.0%, separated 97.3% -> 97.8%).
import { describe, expect, it } from 'vitest';
import { librarySize } from '../tools/size.js';

const WASM_LIMIT = 4096;
const LIBRARY_BUDGET = 13_350;

describe('size budget', () => {
  it(`each wasm module is at most ${WASM_LIMIT} bytes, and the library at most ${LIBRARY_BUDGET} bytes gzipped without models`, async () => {
    const size = await librarySize();
    console.log(`size: simd.wasm ${size.simdWasmBytes} B, scalar.wasm ${size.scalarWasmBytes} B, preprocess.wasm ${size.preprocessWasmBytes} B; library min+gzip ${size.libraryGzip} B without models, ${size.withModelsGzip} B with the embedded models (both default models and the verifier)`);
    expect(size.simdWasmBytes).toBeLessThanOrEqual(WASM_LIMIT);
    expect(size.scalarWasmBytes).toBeLessThanOrEqual(WASM_LIMIT);
    expect(size.preprocessWasmBytes).toBeLessThanOrEqual(WASM_LIMIT);
    expect(size.libraryGzip).toBeLessThanOrEqual(LIBRARY_BUDGET);
    expect(size.withModelsGzip).toBeGreaterThan(size.libraryGzip);
  });
});
