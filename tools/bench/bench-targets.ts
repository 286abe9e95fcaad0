// tinydigit's speed and size targets (the issues on batch speed and on what a page ships), each measured
// for `npm run bench:compare`: the built CLI's `tinydigit bench --json` (dist/cli.js) in a child process
// (canvas, pool), the import to the first result in fresh processes, and the built sizes. bench:compare
// supplies the single-digit and batch figures, its own and onnxruntime-node's, taken interleaved.
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

/** Cold start, medians over fresh processes: the whole, and where it goes. */
export interface ColdStart {
  /** From the start of the process's module, through `import` of the bundle, to a first result. */
  totalMs: number;
  /** `import` of the bundle. */
  importMs: number;
  /** `import` of an empty module file, in processes of its own: what Node's loader costs any import. */
  emptyImportMs: number;
  /** `loadClassifierSync()`: the embedded model decoded, the kernels compiled and instantiated, the weights laid out. */
  loadMs: number;
  /** The first `classify` call. */
  firstClassifyMs: number;
}

/**
 * Cold start (median of `runs` fresh Node processes each). A module file rather than `node -e`: with -e,
 * Node sets up its module loader on the first import, which an application pays before its own code runs
 * (~3 ms here).
 */
export function coldStart(runs: number): ColdStart {
  const dir = mkdtempSync(join(tmpdir(), 'tinydigit-cold-'));
  const script = join(dir, 'cold.mjs');
  const empty = join(dir, 'empty.mjs');
  writeFileSync(script, `const t0 = performance.now();
const { loadClassifierSync } = await import(${JSON.stringify(pathToFileURL(resolve('dist/index.js')).href)});
const t1 = performance.now();
const classifier = loadClassifierSync();
const t2 = performance.now();
classifier.classify(new Float32Array(400));
const t3 = performance.now();
console.log(JSON.stringify([t3 - t0, t1 - t0, t2 - t1, t3 - t2]));
`);
  writeFileSync(join(dir, 'nothing.mjs'), 'export const nothing = 0;\n');
  writeFileSync(empty, `const t0 = performance.now();\nawait import('./nothing.mjs');\nconsole.log(performance.now() - t0);\n`);
  try {
    const runsOf = <T>(file: string): T[] => Array.from({ length: runs }, () => JSON.parse(execFileSync(process.execPath, [file], { encoding: 'utf8' })) as T);
    const parts = runsOf<number[]>(script);
    const at = (k: number) => median(parts.map((p) => p[k]!));
    return { totalMs: at(0), importMs: at(1), loadMs: at(2), firstClassifyMs: at(3), emptyImportMs: median(runsOf<number>(empty)) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const atMost = (target: string, value: number, goal: number, measured: string): TargetResult => ({ target, measured, ratio: goal / value, met: value <= goal });
const atLeast = (target: string, value: number, goal: number, measured: string): TargetResult => ({ target, measured, ratio: value / goal, met: value >= goal });

/** What bench:compare measured interleaved with the other libraries, in the same run. */
export interface CompareFigures {
  singleF32Ns: number;
  batchF32PerSecond: number;
  /** The default (int8) model's batch of 1,024, in its batchInput() view. */
  batchInt8PerSecond: number;
  ortNodeSingleNs: number;
  ortNodeBatchPerSecond: number;
}

/** Runs the CLI's bench (`rounds` rounds) and the cold-start processes; needs `npm run build` first. */
export async function measureTargets(rounds: number, compare: CompareFigures): Promise<TargetResult[]> {
  const bench = JSON.parse(execFileSync(process.execPath, ['dist/cli.js', 'bench', '--json', '--rounds', String(rounds)], { encoding: 'utf8' })) as BenchReport & { pool: PoolBench };
  const cold = coldStart(Math.max(15, rounds));
  const size = await librarySize();
  const { pool } = bench;
  const poolX = pool.poolDigitsPerSecond / pool.oneCoreDigitsPerSecond;
  const sharedX = pool.sharedPoolDigitsPerSecond === null ? null : pool.sharedPoolDigitsPerSecond / pool.oneCoreDigitsPerSecond;
  const largestWasm = Math.max(size.simdWasmBytes, size.scalarWasmBytes, size.preprocessWasmBytes);
  const ms = (x: number) => `${x.toFixed(2)} ms`;
  const rate = (x: number) => `${(x / 1e6).toFixed(3)} M digits/s`;
  const ortSingleX = compare.ortNodeSingleNs / compare.singleF32Ns;
  const ortBatchX = compare.batchInt8PerSecond / compare.ortNodeBatchPerSecond;
  return [
    atLeast('one digit, f32, API included: ≥ 15x as fast as onnxruntime-node', ortSingleX, 15, `${(compare.singleF32Ns / 1e3).toFixed(2)} µs: x${ortSingleX.toFixed(1)}`),
    atLeast('batch of 1,024, one core, int8: ≥ 1.0x onnxruntime-node, 1 thread (goal 1.3x)', ortBatchX, 1, `${rate(compare.batchInt8PerSecond)} vs ${rate(compare.ortNodeBatchPerSecond)}: x${ortBatchX.toFixed(2)}`),
    atLeast('batch of 1,024, one core, f32: ≥ 3 M digits/s', compare.batchF32PerSecond, 3e6, rate(compare.batchF32PerSecond)),
    atLeast(`worker pool (${pool.workers} workers, ${pool.digits} digits): ≥ 1.8x one core`, poolX, 1.8, `x${poolX.toFixed(2)} (SharedArrayBuffer inputs: ${sharedX === null ? 'n/a' : `x${sharedX.toFixed(2)}`})`),
    atMost('280x280 pad canvas → digit: ≤ 50 µs', bench.padToDigitUs, 50, `${bench.padToDigitUs.toFixed(1)} µs (transparent, as the pad draws; opaque, dark on white: ${bench.canvasToDigitUs.toFixed(1)} µs)`),
    atMost('cold start, import → first result: ≤ 2 ms', cold.totalMs, 2, `${ms(cold.totalMs)}: import ${ms(cold.importMs)} (an empty module's: ${ms(cold.emptyImportMs)}), load ${ms(cold.loadMs)}, first classify ${ms(cold.firstClassifyMs)}`),
    atMost('each wasm module: ≤ 4 KB', largestWasm, 4096, `${size.simdWasmBytes} / ${size.scalarWasmBytes} / ${size.preprocessWasmBytes} B`),
    atMost('library, JS + wasm, min+gzip, without models: ≤ 8 KB', size.libraryGzip, 8192, `${size.libraryGzip} B`),
  ];
}

export function targetsTable(targets: TargetResult[]): string {
  return [
    '| target | measured | of the target | met |',
    '| --- | --- | --- | --- |',
    ...targets.map((t) => `| ${t.target} | ${t.measured} | x${t.ratio.toFixed(2)} | ${t.met ? 'yes' : '**no**'} |`),
  ].join('\n');
}
