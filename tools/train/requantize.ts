// The int8 model of a trained f32 one again, with other bits per weight, without training again:
// `npx tsx tools/train/requantize.ts F32.tdm OUT.tdm --bits 5,8,8`. Writes what `npm run train -- ...
// --int8-bits B` writes for the same f32 weights: the metadata's training command says so, and its test
// accuracy is measured (MNIST test, through the public API).
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { decodeModel, encodeModel, loadClassifierSync, quantizeModel } from '../../src/index.js';
import { evaluateImages } from '../shared/evaluate.js';
import { loadMnist } from '../shared/mnist.js';
import { numberOption } from '../shared/options.js';

const { values, positionals } = parseArgs({ options: { bits: { type: 'string', default: '8' } }, allowPositionals: true });
const [from, to] = positionals;
if (!from || !to || positionals.length !== 2) {
  console.error('usage: npx tsx tools/train/requantize.ts F32.tdm OUT.tdm [--bits B | --bits B1,B2,...]');
  process.exit(2);
}
const bits = values.bits!.split(',').map((b) => numberOption('bits', b, 2, 8, true));
const f32 = decodeModel(readFileSync(from));
if (f32.layers.some((l) => l.weightType !== 'f32')) throw new Error(`${from}: not an f32 model`);
const int8 = quantizeModel(f32, { bits: bits.length === 1 ? bits[0] : bits });
const test = loadMnist('test');
const accuracy = evaluateImages(loadClassifierSync({ model: int8 }), test).accuracy;
const training = String(f32.metadata.training ?? '').replace(/ --int8-bits \S+/, '');
const metadata = { ...f32.metadata, weightType: 'int8', testAccuracy: accuracy, testImages: test.labels.length, ...(training && { training: `${training} --int8-bits ${values.bits}` }) };
writeFileSync(to, encodeModel({ ...int8, metadata }));
console.log(`${to}: ${bits.join(',')} bits per weight, MNIST test ${(accuracy * 100).toFixed(2)}% (f32 ${((f32.metadata.testAccuracy as number) * 100).toFixed(2)}%)`);
