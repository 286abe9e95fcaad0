// What the library weighs as a web page ships it: the package's entry bundled and minified by esbuild,
// gzipped (level 9). "Without models" replaces the embedded model (the default, int8) and its metadata by
// empty strings.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';

export const gzipSize = (bytes: Uint8Array | string): number => gzipSync(bytes, { level: 9 }).length;

/** Leaves the embedded models out: each generated model module with its base64 (or hex) emptied. */
const noModels: esbuild.Plugin = {
  name: 'no-models',
  setup(b) {
    let emptied = 0;
    b.onLoad({ filter: /[\\/]src[\\/]generated[\\/]model-[\w-]+\.ts$/ }, (args) => {
      emptied++;
      const contents = readFileSync(args.path, 'utf8')
        .replace(/(_(?:BASE64|HEX): string = )'[^']*'/, "$1''")
        // a sparse model's metadata, embedded as text beside it
        .replace(/(_METADATA: readonly \[number, string\] = \[\d+, )"(?:[^"\\]|\\.)*"/, '$1""');
      return { contents, loader: 'ts' };
    });
    b.onEnd(() => {
      if (emptied === 0) throw new Error('no embedded model found to leave out (src/generated/model-*.ts)');
    });
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
  /** The whole API (src/index.ts) with its three wasm modules embedded, without the embedded model. */
  libraryGzip: number;
  /** The same, with the embedded model (the default, int8 weights). */
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
