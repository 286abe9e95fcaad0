// The MNIST test set, once, for the models chosen on validation: `npx tsx tools/train/measure-test.ts
// FILE.tdm ...` measures each model through the public API (classifyImage on the raw 28x28 test images)
// and records testAccuracy and testImages in its metadata (the weights untouched, the checksum renewed).
import { readFileSync, writeFileSync } from 'node:fs';
import { decodeModel, encodeModel, loadClassifierSync } from '../../src/index.js';
import { evaluateImages } from '../shared/evaluate.js';
import { loadMnist } from '../shared/mnist.js';

const files = process.argv.slice(2);
if (files.length === 0 || files.some((f) => f.startsWith('-'))) {
  console.error('usage: npx tsx tools/train/measure-test.ts FILE.tdm [FILE.tdm ...]');
  process.exit(2);
}
const test = loadMnist('test');
for (const file of files) {
  const model = decodeModel(readFileSync(file));
  const accuracy = evaluateImages(loadClassifierSync({ model }), test).accuracy;
  writeFileSync(file, encodeModel({ ...model, metadata: { ...model.metadata, testAccuracy: accuracy, testImages: test.labels.length } }));
  console.log(`${file}: MNIST test ${(accuracy * 100).toFixed(2)}% of ${test.labels.length} (classifyImage on the raw images)`);
}
