// npm run fuzz -- --runs N [--seed S]: the fuzz properties of tools/qa/fuzz-cases.ts, N cases each, with
// the slowest case (a hang would show there) and memory before and after. Exit 1 on any failure.
import { parseArgs } from 'node:util';
import fc from 'fast-check';
import { PROPERTIES } from './fuzz-cases.js';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '10000' }, seed: { type: 'string', default: String(Date.now() % 2 ** 31) } } });
const runs = Number(values.runs);
const seed = Number(values.seed);
if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(seed)) {
  console.error('usage: npm run fuzz -- --runs N [--seed S]');
  process.exit(2);
}
const mb = (n: number) => `${(n / 2 ** 20).toFixed(1)} MB`;
const before = process.memoryUsage();
let cases = 0;
let failures = 0;
console.log(`fuzz: ${Object.keys(PROPERTIES).length} properties x ${runs} cases, seed ${seed}`);
for (const [name, property] of Object.entries(PROPERTIES)) {
  let slowest = 0;
  let caseStart = 0;
  const timed = property
    .beforeEach((previous) => {
      previous();
      caseStart = performance.now();
    })
    .afterEach((previous) => {
      previous();
      slowest = Math.max(slowest, performance.now() - caseStart);
    });
  const started = performance.now();
  const result = fc.check(timed, { numRuns: runs, seed });
  const total = performance.now() - started;
  cases += result.numRuns;
  if (result.failed) {
    failures++;
    console.log(`FAIL ${name}: ${result.counterexample ? JSON.stringify(result.counterexample).slice(0, 300) : ''} ${String(result.errorInstance ?? '')}`);
  } else {
    console.log(`ok   ${name}: ${result.numRuns} cases in ${(total / 1000).toFixed(1)} s, slowest case ${slowest.toFixed(1)} ms`);
  }
}
const after = process.memoryUsage();
console.log(`${cases} cases, ${failures} failing properties; memory: rss ${mb(before.rss)} -> ${mb(after.rss)}, heap ${mb(before.heapUsed)} -> ${mb(after.heapUsed)}`);
process.exit(failures ? 1 : 0);
