// tinydigit's speed and size targets (issue "Benchmark and speed", README), each measured for
// `npm run bench:compare`: the built CLI's `tinydigit bench --json` (dist/cli.js) in a child process
// (int8 batches, canvas, pool), the import to the first result in fresh processes, and the built sizes.
// bench:compare supplies its own single-digit and batch f32 figures, taken interleaved with the other
// libraries.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BenchReport } from '../../src/bench/bench.js';
import type { PoolBench } from '../../src/bench/pool-bench.js';
import { median } from '../../src/bench/bench.js';
import { librarySize } from './size.js';

export interface TargetResult {
  target: string;
  measured: string;
  /** Measured against the target, as "times the target": 1 or more is met (goal / time, rate / goal). */
  ratio: number;
  met: boolean;
}

/**
 * From the start of a fresh Node process's module, through `import` of the bundle, to a first result
 * (median of `runs` processes). A module file rather than `node -e`: with -e, Node sets up its module
 * loader on the first import, which an application pays before its own code runs (~3 ms here).
 */
export function importToFirstResultMs(runs: number): number {
  const dir = mkdtempSync(join(tmpdir(), 'tinydigit-cold-'));
  const script = join(dir, 'cold.mjs');
  writeFileSync(script, `const t0 = performance.now();
const { loadClassifierSync } = await import(${JSON.stringify(pathToFileURL(resolve('dist/index.js')).href)});
loadClassifierSync().classify(new Float32Array(400));
console.log(performance.now() - t0);
`);
  try {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) times.push(Number(execFileSync(process.execPath, [script], { encoding: 'utf8' })));
    return median(times);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const atMost = (target: string, value: number, goal: number, measured: string): TargetResult => ({ target, measured, ratio: goal / value, met: value <= goal });
const atLeast = (target: string, value: number, goal: number, measured: string): TargetResult => ({ target, measured, ratio: value / goal, met: value >= goal });

/** Runs the CLI's bench (`rounds` rounds) and the cold-start processes; needs `npm run build` first. */
export async function measureTargets(rounds: number, compare: { singleF32Ns: number; batchF32PerSecond: number }): Promise<TargetResult[]> {
  const bench = JSON.parse(execFileSync(process.execPath, ['dist/cli.js', 'bench', '--json', '--rounds', String(rounds)], { encoding: 'utf8' })) as BenchReport & { pool: PoolBench };
  const int8 = bench.kernels.find((k) => k.kernel === 'SIMD int8');
  if (!int8) throw new Error(`tinydigit bench ran no SIMD int8 kernel here: ${bench.kernels.map((k) => k.kernel).join(', ')}`);
  const coldMs = importToFirstResultMs(Math.max(5, rounds));
  const size = await librarySize();
  const { pool } = bench;
  const poolX = pool.poolDigitsPerSecond / pool.oneCoreDigitsPerSecond;
  const sharedX = pool.sharedPoolDigitsPerSecond === null ? null : pool.sharedPoolDigitsPerSecond / pool.oneCoreDigitsPerSecond;
  const largestWasm = Math.max(size.simdWasmBytes, size.scalarWasmBytes, size.preprocessWasmBytes);
  const ms = (x: number) => `${x.toFixed(2)} ms`;
  const rate = (x: number) => `${(x / 1e6).toFixed(3)} M digits/s`;
  return [
    atMost('one digit, f32, through classify: ≤ 1.0 µs', compare.singleF32Ns, 1000, `${(compare.singleF32Ns / 1e3).toFixed(2)} µs`),
    atLeast('batch, one core, f32: ≥ 1.5 M digits/s', compare.batchF32PerSecond, 1.5e6, rate(compare.batchF32PerSecond)),
    atLeast('batch, one core, int8: ≥ 2.5 M digits/s', int8.batchDigitsPerSecond, 2.5e6, rate(int8.batchDigitsPerSecond)),
    atLeast(`worker pool (${pool.workers} workers, ${pool.digits} digits): ≥ 1.8x one core`, poolX, 1.8, `x${poolX.toFixed(2)} (SharedArrayBuffer inputs: ${sharedX === null ? 'n/a' : `x${sharedX.toFixed(2)}`})`),
    atMost('cold start, import → first result: ≤ 2 ms', coldMs, 2, `${ms(coldMs)} (load → first classify: ${ms(bench.coldStartMs)})`),
    atMost('each wasm module: ≤ 4 KB', largestWasm, 4096, `${size.simdWasmBytes} / ${size.scalarWasmBytes} / ${size.preprocessWasmBytes} B`),
    atMost('library, JS + wasm, min+gzip, without models: ≤ 8 KB', size.libraryGzip, 8192, `${size.libraryGzip} B`),
    atMost('280x280 RGBA canvas → digit: ≤ 50 µs', bench.canvasToDigitUs, 50, `${bench.canvasToDigitUs.toFixed(1)} µs (transparent, as the pad draws: ${bench.padToDigitUs.toFixed(1)} µs)`),
  ];
}

export function targetsTable(targets: TargetResult[]): string {
  return [
    '| target | measured | of the target | met |',
    '| --- | --- | --- | --- |',
    ...targets.map((t) => `| ${t.target} | ${t.measured} | x${t.ratio.toFixed(2)} | ${t.met ? 'yes' : '**no**'} |`),
  ].join('\n');
}
