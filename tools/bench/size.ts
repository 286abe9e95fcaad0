// What the library weighs as a web page ships it: the package's entry bundled and minified by esbuild,
// gzipped (level 9). "Without models" replaces the embedded models (the two default models and
// readNumber's second reader) by empty strings.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';

export const gzipSize = (bytes: Uint8Array | string): number => gzipSync(bytes, { level: 9 }).length;

const noModels: esbuild.Plugin = {
  name: 'no-models',
  setup(b) {
    b.onResolve({ filter: /generated\/models\.js$/ }, () => ({ path: 'models', namespace: 'no-models' }));
    // the generated file with its models' base64 emptied (readNumber's grouping weights stay: they are code-sized)
    const contents = () => {
      const source = readFileSync('src/generated/models.ts', 'utf8');
      const emptied = source.replace(/(_BASE64(?:: string)? = )'[^']*'/g, "$1''");
      if (emptied.length > source.length / 10) throw new Error('src/generated/models.ts: the models were not found to leave out');
      return emptied;
    };
    b.onLoad({ filter: /.*/, namespace: 'no-models' }, () => ({ contents: contents(), loader: 'ts', resolveDir: 'src/generated' }));
  },
};

/** min+gzip bytes of `code` (an ES module importing whatever it needs), bundled for browsers. */
export async function bundleSize(code: string, withoutModels = false): Promise<number> {
  const r = await esbuild.build({
    stdin: { contents: code, resolveDir: process.cwd(), loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
    plugins: withoutModels ? [noModels] : [],
  });
  return gzipSize(r.outputFiles[0]!.contents);
}

export interface LibrarySize {
  /** The whole API (src/index.ts) with its three wasm modules embedded, without the default models. */
  libraryGzip: number;
  /** The same, with the embedded models. */
  withModelsGzip: number;
  simdWasmBytes: number;
  scalarWasmBytes: number;
  preprocessWasmBytes: number;
}

/** Sizes of the built library (run after tools/build.mjs). */
export async function librarySize(): Promise<LibrarySize> {
  const entry = "export * from './src/index.ts';";
  return {
    libraryGzip: await bundleSize(entry, true),
    withModelsGzip: await bundleSize(entry),
    simdWasmBytes: readFileSync('build/tinydigit.simd.wasm').length,
    scalarWasmBytes: readFileSync('build/tinydigit.scalar.wasm').length,
    preprocessWasmBytes: readFileSync('build/tinydigit.preprocess.wasm').length,
  };
}
