// The int8 model of a trained f32 one again, with other bits per weight, without training again:
// `npx tsx tools/train/requantize.ts F32.tdm OUT.tdm --bits 5,8,8`. Writes what `npm run train -- ...
// --int8-bits B` writes for the same f32 weights: the metadata's training command says so. It prints the
// validation accuracy (the last 5,000 MNIST training images, through the public API); the test set is
// measured once, for the model chosen, by tools/train/measure-test.ts.
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { decodeModel, encodeModel, loadClassifierSync, quantizeModel, type Model } from '../../src/index.js';
import { evaluateImages } from '../shared/evaluate.js';
import { loadMnist, validationSplit } from '../shared/mnist.js';
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
const validation = validationSplit(loadMnist('train'));
const accuracy = (m: Model) => evaluateImages(loadClassifierSync({ model: m }), validation).accuracy;
const training = String(f32.metadata.training ?? '').replace(/ --int8-bits \S+/, '');
// The f32 model's test figures are not this model's: left out until measure-test.ts measures them.
const { testAccuracy: _a, testImages: _i, ...kept } = f32.metadata;
const metadata = { ...kept, weightType: 'int8', ...(training && { training: `${training} --int8-bits ${values.bits}` }) };
writeFileSync(to, encodeModel({ ...int8, metadata }));
console.log(`${to}: ${bits.join(',')} bits per weight, MNIST validation through classifyImage ${(accuracy(int8) * 100).toFixed(2)}% (f32 ${(accuracy(f32) * 100).toFixed(2)}%)`);
