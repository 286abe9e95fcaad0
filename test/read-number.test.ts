import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { encodeModel, InputError, loadClassifierSync, preprocess, type ImageLike } from '../src/index.js';
import { withDesk } from './helpers/desk.js';
import { randomModel } from './helpers/random-model.js';
import { fromBase64 } from '../src/embedded-bytes.js';
import { SECOND_READER_BASE64 } from '../src/generated/model-second-reader.js';
import '../src/number.js';
import { inkMapOf } from '../src/preprocess.js';
import { GROUP_FEATURES, readGroup } from '../src/read-number/grouping.js';
import { inkPieces, MAX_PIECES } from '../src/read-number/pieces.js';
import { composeRow, DEFAULT_COMPOSE, editDistance } from '../tools/shared/compose.js';
import { loadMnist, mnistImage } from '../tools/shared/mnist.js';
import { rng } from '../tools/shared/rng.js';
import { sample } from '../tools/realworld/sets.js';

const test = loadMnist('test');
const clf = loadClassifierSync();

/** Reads `rows` composed rows of 5 test digits; per-digit accuracy by edit distance, and isolated accuracy. */
function measure(seed: number, rows: number, minGap: number) {
  const r = rng(seed);
  let digits = 0;
  let read = 0;
  let isolated = 0;
  let exact = 0;
  for (let s = 0; s < rows; s++) {
    const idx = Array.from({ length: 5 }, () => Math.floor(r() * test.labels.length));
    const { image, text } = composeRow(test, idx, r, { ...DEFAULT_COMPOSE, minGap });
    const got = clf.readNumber(image).text;
    digits += 5;
    read += Math.max(0, 5 - editDistance(got, text));
    if (got === text) exact++;
    // alone, read as readNumber reads a group: one reading (classifyImage averages shifted views)
    for (const i of idx) if (clf.classify(preprocess(mnistImage(test.images, i))!).digit === test.labels[i]) isolated++;
  }
  return { perDigit: read / digits, isolated: isolated / digits, rows: exact / rows };
}

describe('readNumber on rows composed from MNIST test digits', () => {
  it('reads separated digits within 0.5 pt of isolated-digit accuracy', () => {
    const m = measure(1, 1000, 1);
    console.log(`readNumber, separated digits (gaps 1-8 px): per digit ${(m.perDigit * 100).toFixed(2)}%, isolated ${(m.isolated * 100).toFixed(2)}%, whole rows ${(m.rows * 100).toFixed(1)}%`);
    expect(m.perDigit).toBeGreaterThanOrEqual(m.isolated - 0.005);
  });

  it('reads rows where some digits touch (gaps -2 to 8 px) within 0.5 pt of isolated-digit accuracy', () => {
    const m = measure(2, 1000, -2);
    console.log(`readNumber, some digits touching: per digit ${(m.perDigit * 100).toFixed(2)}%, isolated ${(m.isolated * 100).toFixed(2)}%, whole rows ${(m.rows * 100).toFixed(1)}%`);
    // 97.56% against 98.06% isolated when measured (2026-11-26; 96.02% with cuts only at the thinnest columns
    // and hand-set grouping weights)
    expect(m.perDigit).toBeGreaterThanOrEqual(m.isolated - 0.005);
  });
});

describe("readNumber's second reader (models/second-reader-int8.tdm)", () => {
  it('comes with a grouping weight for every feature, in their order (models/second-reader.json)', () => {
    const { groupingWeights } = JSON.parse(readFileSync('models/second-reader.json', 'utf8'));
    expect(Object.keys(groupingWeights)).toEqual([...GROUP_FEATURES]);
    expect(Object.values(groupingWeights).every(Number.isFinite)).toBe(true);
  });

  it('tells a whole test digit from two touching ones and from half of one, and reads the digit', () => {
    const secondReader = loadClassifierSync({ model: fromBase64(SECOND_READER_BASE64) });
    const r = rng(9);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const oneDigit = (image: ImageLike) => 1 - secondReader.classify(preprocess(image)!).probabilities[10]!;
    let digitsRead = 0;
    const single: number[] = [];
    const pair: number[] = [];
    const half: number[] = [];
    for (let k = 0; k < 200; k++) {
      const i = Math.floor(r() * test.labels.length);
      const j = Math.floor(r() * test.labels.length);
      single.push(oneDigit(mnistImage(test.images, i)));
      const p = secondReader.classify(preprocess(mnistImage(test.images, i))!).probabilities.subarray(0, 10);
      if (p.indexOf(Math.max(...p)) === test.labels[i]) digitsRead++;
      pair.push(oneDigit(composeRow(test, [i, j], r, { digits: 2, minGap: -2, maxGap: 0, jitter: 0 }).image));
      const { data } = mnistImage(test.images, i);
      half.push(oneDigit({ data: data.map((v, p) => (p % 28 < 14 ? v : 0)), width: 28, height: 28 }));
    }
    console.log(`second reader: one digit ${mean(single).toFixed(3)}, two touching ${mean(pair).toFixed(3)}, half ${mean(half).toFixed(3)}; digit read right ${digitsRead} of 200`);
    expect(mean(single)).toBeGreaterThan(0.75);
    expect(digitsRead).toBeGreaterThan(180);
    expect(mean(pair)).toBeLessThan(0.25);
    expect(mean(half)).toBeLessThan(0.25);
  });
});

describe('readGroup', () => {
  it('says whether the network and the second reader, each alone, read the same digit', () => {
    const probs = (top: number, n = 10) => Float32Array.from({ length: n }, (_, d) => (d === top ? 0.82 : 0.02));
    expect(readGroup(probs(3), probs(3, 11)).result.readersAgree).toBe(true);
    // together they read 3 (0.82 x sqrt(0.02) beats 0.02 x sqrt(0.82)), but the second reader alone says 5
    const split = readGroup(probs(3), probs(5, 11)).result;
    expect(split.digit).toBe(3);
    expect(split.readersAgree).toBe(false);
    expect(readGroup(probs(3)).result.readersAgree).toBe(true);
  });
});

describe('readNumber', () => {
  it('gives boxes left to right and flags low confidence', () => {
    const { image, text } = composeRow(test, [0, 1, 2], rng(3), { ...DEFAULT_COMPOSE, minGap: 4, maxGap: 4, jitter: 0 });
    const res = clf.readNumber(image);
    expect(res.text).toBe(text);
    expect(res.digits.map((d) => d.box.x)).toEqual([...res.digits.map((d) => d.box.x)].sort((a, b) => a - b));
    for (const d of res.digits) {
      expect(d.box.height).toBeGreaterThan(15);
      expect(d.lowConfidence).toBe(false);
      expect(Object.keys(d).sort()).toEqual(['box', 'confidence', 'digit', 'isDigit', 'lowConfidence', 'probabilities']);
    }
    expect(clf.readNumber(image, { minConfidence: 1 }).digits.every((d) => d.lowConfidence || d.confidence === 1)).toBe(true);
  });

  it("leaves out specks above and below the row (a speck over a digit made the line height the photo's)", () => {
    const { image, text, spans } = composeRow(test, [0, 1, 2, 3, 4], rng(3), { ...DEFAULT_COMPOSE, minGap: 4, maxGap: 4, jitter: 0 });
    expect(clf.readNumber(image).text).toBe(text);
    // the row in the middle of a page three times its height, a dot of pencil 3 px wide far above the
    // second digit and one far below the fourth
    const { width, height } = image;
    const page = new Uint8Array(width * height * 3);
    page.set(image.data, width * height);
    const dot = (cx: number, cy: number) => {
      for (let y = cy - 1; y <= cy + 1; y++) page.fill(255, y * width + cx - 1, y * width + cx + 2);
    };
    dot(Math.round((spans[1]![0] + spans[1]![1]) / 2), 8);
    dot(Math.round((spans[3]![0] + spans[3]![1]) / 2), 3 * height - 8);
    expect(clf.readNumber({ data: page, width, height: 3 * height, channels: 1 }).text).toBe(text);
  });

  it('leaves out a desk along the side of a photographed sheet (it was cut into pieces read as 1s)', () => {
    const clf = loadClassifierSync();
    // validation photos of rows with a dark desk along one side (a ninth of the photo added)
    const readWithDesk = (i: number, side: 'bottom' | 'right') => {
      const { image, text } = sample('paper-rows', 'validation', i);
      return { text, got: clf.readNumber(withDesk(image, side)).text };
    };
    // both misread before
    for (const [i, side] of [[5, 'bottom'], [22, 'right']] as const) {
      const { text, got } = readWithDesk(i, side);
      expect(got, `row ${i}, desk ${side}`).toBe(text);
    }
    // read before as some 70 digits each, nearly all 1s: no more digits than the row holds
    for (const i of [7, 21]) {
      const { text, got } = readWithDesk(i, 'bottom');
      expect(got.length, `row ${i}`).toBeLessThanOrEqual(text.length);
    }
  });

  it('reads apart digits drawn on the pad that overlap by a stroke (cuts weigh less than MNIST rows alone taught)', () => {
    // pad-rows validation samples 574 and 944: a 1 drawn into the 2 after it, a 1 into the 3 after it (read
    // "72879" and "33062" with the cuts' weights as learned). Until the second reader of 2026-11-27 these
    // were samples 121 and 296 (a 4 drawn into an 8, read right by both weightings now; a flagged 1 run into
    // a 9's loop, now read as one 8 by both: docs/reading-numbers.md)
    for (const i of [574, 944]) {
      const s = sample('pad-rows', 'validation', i);
      expect(clf.readNumber(s.image).text, `sample ${i}`).toBe(s.text);
    }
  });

  it('reads a digit broken into pieces as one digit', () => {
    // test image 0 is a 7; erase two rows across its bar's stem junction and a column band through it
    const { data } = mnistImage(test.images, 0);
    const broken = Uint8Array.from(data);
    for (let x = 0; x < 28; x++) broken[13 * 28 + x] = broken[14 * 28 + x] = 0;
    const res = clf.readNumber({ data: broken, width: 28, height: 28 });
    expect(res.text).toBe('7');
  });

  it('parts touching strokes that share columns along the gap between them, not a straight cut', () => {
    // two strokes leaning right, three columns apart, so that their columns overlap by two; joined by a foot
    const w = 30;
    const data = new Uint8Array(w * 32);
    const left: number[] = [];
    const right: number[] = [];
    for (let y = 4; y < 28; y++) {
      const x = 4 + Math.round(((27 - y) * 5) / 23);
      for (let d = 0; d < 3; d++) {
        left.push(y * w + x + d);
        right.push(y * w + x + 5 + d);
      }
    }
    for (const p of [...left, ...right]) data[p] = 255;
    for (let x = 2; x <= 22; x++) data[28 * w + x] = 255;
    const { componentOf, pieces } = inkPieces(inkMapOf({ data, width: w, height: 32 }));
    expect(pieces.length).toBeGreaterThan(1);
    const pieceOf = (p: number) => pieces.findIndex((s) => s.components.includes(componentOf[p]!));
    // the pieces may cut a stroke across, but none may hold ink of both: a straight cut through the
    // columns they share would
    const leftPieces = new Set(left.map(pieceOf));
    expect(right.some((p) => leftPieces.has(pieceOf(p)))).toBe(false);
    expect(left.concat(right).every((p) => pieceOf(p) >= 0)).toBe(true);
  });

  it('reads with a model of another input size, without the second reader (which takes 20x20)', () => {
    const { image } = composeRow(test, [0, 1, 2], rng(3), { ...DEFAULT_COMPOSE, minGap: 4, maxGap: 4, jitter: 0 });
    const model = randomModel(3, [784, 16, 10], 28, 28);
    const res = loadClassifierSync({ model: encodeModel(model) }).readNumber(image);
    expect(res.digits.length).toBeGreaterThan(0);
    expect(res.text).toHaveLength(res.digits.length);
    for (const d of res.digits) expect(d.probabilities.length).toBe(10);
  });

  it('returns no digits for an empty image and refuses bad options', () => {
    expect(clf.readNumber({ data: new Uint8Array(100 * 40), width: 100, height: 40 })).toEqual({ text: '', digits: [] });
    expect(() => clf.readNumber({ data: new Uint8Array(4), width: 2, height: 2 }, { minConfidence: 2 })).toThrow(InputError);
    expect(() => clf.readNumber({ data: new Uint8Array(3), width: 2, height: 2 })).toThrow(InputError);
  });
});

describe('readNumber on noise', () => {
  it('reads a bounded number of pieces from a long strip of specks', () => {
    // 4096x12 of sparse specks: thousands of components, of which only the largest are read
    const w = 4096;
    const h = 12;
    const data = new Uint8Array(w * h);
    const rand = rng(5);
    for (let i = 0; i < data.length; i++) if (Math.floor(rand() * 256) > 200) data[i] = 255;
    const image = { data, width: w, height: h };
    const { pieces } = inkPieces(inkMapOf(image));
    expect(pieces.length).toBeLessThanOrEqual(MAX_PIECES);
    expect(pieces.length).toBeGreaterThan(0);
    const r = clf.readNumber(image);
    expect(r.digits.length).toBeLessThanOrEqual(pieces.length);
    for (const d of r.digits) expect(d.probabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
  });

  it('cuts one long connected scribble into a bounded number of pieces', () => {
    // a wave 4,000 px long and 30 px high, 3 px thick: one component, wide enough for hundreds of digits
    const w = 4000;
    const h = 40;
    const data = new Uint8Array(w * h);
    for (let x = 0; x < w; x++) {
      const y = Math.round(20 + 14 * Math.sin(x / 6));
      for (let d = -1; d <= 1; d++) data[(y + d) * w + x] = 255;
    }
    const image = { data, width: w, height: h };
    const { pieces } = inkPieces(inkMapOf(image));
    expect(pieces.length).toBeGreaterThan(MAX_PIECES / 2);
    expect(pieces.length).toBeLessThanOrEqual(MAX_PIECES);
    const r = clf.readNumber(image);
    expect(r.digits.length).toBeGreaterThan(0);
    expect(r.digits.length).toBeLessThanOrEqual(pieces.length);
  });
});
