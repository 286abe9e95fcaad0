// The contract between the TypeScript loader and the wasm modules: assembly/abi.ts, compiled here by
// AssemblyScript, exports each of its constants as a wasm global; src/wasm/abi.ts must hold the same
// names with the same values, and neither side any the other lacks.
import asc from 'assemblyscript/asc';
import { describe, expect, it } from 'vitest';
import * as abi from '../src/wasm/abi.js';

async function wasmConstants(): Promise<Record<string, number>> {
  const files: Record<string, Uint8Array> = {};
  let errors = '';
  const { error } = await asc.main(['assembly/abi.ts', '--outFile', 'abi.wasm', '--runtime', 'stub'], {
    writeFile: (name: string, contents: Uint8Array | string) => void (files[name] = contents as Uint8Array),
    stdout: { write: () => true },
    stderr: { write: (s: string | Uint8Array) => ((errors += String(s)), true) },
  } as Parameters<typeof asc.main>[1]);
  if (error) throw new Error(`assembly/abi.ts did not compile: ${error.message}\n${errors}`);
  const module = new WebAssembly.Module(new Uint8Array(files['abi.wasm']!));
  const exports = new WebAssembly.Instance(module, {}).exports;
  const globals = WebAssembly.Module.exports(module).filter((e) => e.kind === 'global');
  return Object.fromEntries(globals.map((g) => [g.name, (exports[g.name] as WebAssembly.Global).value as number]));
}

describe('the TypeScript / wasm contract', () => {
  it('assembly/abi.ts and src/wasm/abi.ts define the same constants with the same values', async () => {
    const wasm = await wasmConstants();
    const ts = Object.fromEntries(Object.entries(abi).filter(([, v]) => typeof v === 'number'));
    expect(Object.keys(wasm).length).toBeGreaterThan(20);
    expect(ts).toEqual(wasm);
  });
});
