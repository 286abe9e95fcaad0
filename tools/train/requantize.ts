// The int8 model of a trained f32 one again, with other bits per weight, without training again:
// `npx tsx tools/train/requantize.ts F32.tdm OUT.tdm --bits 5,8,8`. Writes what `npm run train -- ...
// --int8-bits B` writes for the same f32 weights: the metadata's training command says so. It prints the
// validation accuracy (the last 5,000 MNIST training images, through the public API) of a digit
// classifier; the test set is measured once, for the model chosen, by tools/train/measure-test.ts.
// An int8 model (readNumber's second reader, whose f32 weights are not kept) is requantized from its
// weights times their scales: rounded twice, which its metadata's int8Bits says.
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { decodeModel, encodeModel, loadClassifierSync, quantizeModel, type DenseLayer, type Model } from '../../src/index.js';
import { evaluateImages } from '../shared/evaluate.js';
import { loadMnist, validationSplit } from '../shared/mnist.js';
import { numberOption } from '../shared/options.js';

const { values, positionals } = parseArgs({ options: { bits: { type: 'string', default: '8' } }, allowPositionals: true });
const [from, to] = positionals;
if (!from || !to || positionals.length !== 2) {
  console.error('usage: npx tsx tools/train/requantize.ts MODEL.tdm OUT.tdm [--bits B | --bits B1,B2,...]');
  process.exit(2);
}
const bits = values.bits!.split(',').map((b) => numberOption('bits', b, 2, 8, true));
const source = decodeModel(readFileSync(from));
const fromInt8 = source.layers.some((l) => l.weightType === 'int8');
const f32: Model = { ...source, layers: source.layers.map(dequantized) };
const int8 = quantizeModel(f32, { bits: bits.length === 1 ? bits[0] : bits });
const training = String(f32.metadata.training ?? '').replace(/ --int8-bits \S+/, '');
// The f32 model's test figures are not this model's: left out until measure-test.ts measures them.
const { testAccuracy: _a, testImages: _i, ...kept } = f32.metadata;
const metadata = {
  ...kept,
  weightType: 'int8',
  ...(training && { training: `${training} --int8-bits ${values.bits}` }),
  ...(fromInt8 && { int8Bits: `${values.bits}, requantized from ${String(source.metadata.int8Bits ?? '8')}` }),
};
writeFileSync(to, encodeModel({ ...int8, metadata }));
let report = '';
// a digit classifier's accuracy; readNumber's second reader has 11 classes
if (f32.layers.at(-1)!.outputs === 10) {
  const validation = validationSplit(loadMnist('train'));
  const accuracy = (m: Model) => (evaluateImages(loadClassifierSync({ model: m }), validation).accuracy * 100).toFixed(2);
  report = `, MNIST validation through classifyImage ${accuracy(int8)}% (${fromInt8 ? 'before' : 'f32'} ${accuracy(f32)}%)`;
}
console.log(`${to}: ${bits.join(',')} bits per weight${report}`);

/** A layer with f32 weights: as it is, or an int8 layer's weights times their output's scale. */
function dequantized(l: DenseLayer): DenseLayer {
  if (l.weightType === 'f32') return l;
  const weights = Float32Array.from(l.weights, (w, k) => w * l.scales[Math.floor(k / l.inputs)]!);
  return { inputs: l.inputs, outputs: l.outputs, activation: l.activation, weightType: 'f32', weights, biases: l.biases };
}
