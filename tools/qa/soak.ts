// npm run soak -- [--classify N] [--images M] [--classifiers K] [--json]: long runs in one process, with
// memory measured before and after each phase (after a full GC: run under node --expose-gc).
import { parseArgs } from 'node:util';
import { loadClassifierSync, preprocess } from '../../src/index.js';
import { defaultF32ModelBytes } from '../../src/models/default-f32.js';
import { loadMnist, mnistImage } from '../shared/mnist.js';
import { numberOption } from '../shared/options.js';

const { values } = parseArgs({
  options: {
    classify: { type: 'string', default: '10000000' },
    images: { type: 'string', default: '1000000' },
    classifiers: { type: 'string', default: '10000' },
    json: { type: 'boolean', default: false },
  },
});
const count = (name: string, v: string) => numberOption(name, v, 0, Number.MAX_SAFE_INTEGER, true);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) {
  console.error('soak measures memory after a full GC: run it as npm run soak (node --expose-gc)');
  process.exit(2);
}
const memory = () => {
  gc();
  const m = process.memoryUsage();
  return { heapUsed: m.heapUsed, external: m.external, rss: m.rss };
};

const test = loadMnist('test');
const images = Array.from({ length: 256 }, (_, i) => mnistImage(test.images, i));
const inputs = images.map((img) => preprocess(img)!);
const phases: { phase: string; calls: number; seconds: number; before: ReturnType<typeof memory>; after: ReturnType<typeof memory> }[] = [];

function phase(name: string, calls: number, run: () => void): void {
  const before = memory();
  const t = performance.now();
  run();
  phases.push({ phase: name, calls, seconds: (performance.now() - t) / 1000, before, after: memory() });
}

const clf = loadClassifierSync();
const expected = inputs.map((x) => clf.classify(x).digit);
// classifyImage averages shifted views: its own first answers are what later calls must repeat
const expectedImage = images.map((img) => clf.classifyImage(img)!.digit);
let mismatches = 0;
phase('classify', count('classify', values.classify), () => {
  const n = count('classify', values.classify);
  for (let i = 0; i < n; i++) if (clf.classify(inputs[i & 255]!).digit !== expected[i & 255]) mismatches++;
});
phase('classifyImage', count('images', values.images), () => {
  const n = count('images', values.images);
  for (let i = 0; i < n; i++) if (clf.classifyImage(images[i & 255]!)!.digit !== expectedImage[i & 255]) mismatches++;
});
// Twice: V8 frees the wasm memories of disposed classifiers lazily, up to a bounded pool (about 20 MB
// here, the same after 1,500 or 15,000), so it is the second round that must stay flat.
// Both embedded-size models, int8 (the default) and f32.
const defaultF32 = defaultF32ModelBytes();
for (const round of ['', ', again']) {
  phase(`create and dispose classifiers${round}`, count('classifiers', values.classifiers), () => {
    const n = count('classifiers', values.classifiers);
    for (let i = 0; i < n; i++) {
      const c = loadClassifierSync({ model: i % 2 ? 'default' : defaultF32 });
      if (c.classify(inputs[i & 255]!).digit < 0) mismatches++;
      c.dispose();
    }
  });
}

if (values.json) console.log(JSON.stringify({ mismatches, phases }));
else {
  const mb = (n: number) => `${(n / 2 ** 20).toFixed(1)} MB`;
  for (const p of phases) {
    console.log(`${p.phase}: ${p.calls} calls in ${p.seconds.toFixed(1)} s; heap ${mb(p.before.heapUsed)} -> ${mb(p.after.heapUsed)}, external (wasm) ${mb(p.before.external)} -> ${mb(p.after.external)}, rss ${mb(p.before.rss)} -> ${mb(p.after.rss)}`);
  }
  console.log(`results that changed between calls: ${mismatches}`);
}
process.exit(mismatches ? 1 : 0);
