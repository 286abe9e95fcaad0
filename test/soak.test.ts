// Long runs, shortened: memory must not grow with the number of calls or of classifiers.
// The full runs are `npm run soak` (10M classify, 1M classifyImage, 10k classifiers).
import { execFileSync } from 'node:child_process';
import { expect, it } from 'vitest';

it('keeps memory flat over many calls and many classifiers', () => {
  const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', 'tools/qa/soak.ts', '--classify', '600000', '--images', '50000', '--classifiers', '1500', '--json'], { encoding: 'utf8' });
  type Memory = { heapUsed: number; external: number };
  const { mismatches, phases } = JSON.parse(out) as { mismatches: number; phases: { phase: string; before: Memory; after: Memory }[] };
  expect(mismatches).toBe(0);
  expect(phases.map((p) => p.phase)).toEqual(['classify', 'classifyImage', 'create and dispose classifiers', 'create and dispose classifiers, again']);
  // Freed buffers leave external memory a few MB above its start, depending on GC timing; a leak of
  // only the results (40 B per classify, ~2.4 KB per classifyImage with its 28x28 ink map) would hold
  // 24 MB and 120 MB here.
  for (const p of phases.slice(0, 2)) {
    expect(p.after.heapUsed - p.before.heapUsed, p.phase).toBeLessThan(4 * 2 ** 20);
    expect(p.after.external - p.before.external, p.phase).toBeLessThan(8 * 2 ** 20);
  }
  // V8 frees disposed classifiers' wasm memories lazily, keeping a bounded pool (20-30 MB here, whether
  // 1,500 or 15,000 were made). A leak would keep at least a 64 KB page per classifier: 3,000 -> 192 MB.
  const [first, again] = [phases[2]!, phases[3]!];
  expect(again.after.heapUsed - first.before.heapUsed).toBeLessThan(4 * 2 ** 20);
  expect(again.after.external - first.before.external).toBeLessThan(64 * 2 ** 20);
});
