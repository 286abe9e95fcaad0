// Rewrites fields of a model file's metadata (the weights untouched, the checksum renewed):
// `npx tsx tools/train/set-metadata.ts FILE key=value ... -key ...` (values parsed as JSON when they can
// be; -key removes a key).
import { readFileSync, writeFileSync } from 'node:fs';
import { decodeModel, encodeModel } from '../../src/index.js';

const [file, ...pairs] = process.argv.slice(2);
if (!file || pairs.length === 0) throw new Error('usage: set-metadata.ts FILE key=value ...');
const model = decodeModel(readFileSync(file));
const metadata: Record<string, unknown> = { ...model.metadata };
for (const pair of pairs) {
  if (pair.startsWith('-')) {
    delete metadata[pair.slice(1)];
    continue;
  }
  const eq = pair.indexOf('=');
  if (eq < 1) throw new Error(`not key=value: ${pair}`);
  const value = pair.slice(eq + 1);
  try {
    metadata[pair.slice(0, eq)] = JSON.parse(value);
  } catch {
    metadata[pair.slice(0, eq)] = value;
  }
}
writeFileSync(file, encodeModel({ ...model, metadata: metadata as typeof model.metadata }));
