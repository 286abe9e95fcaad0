// readNumber: a row of handwritten digits, left to right. The ink is cut into pieces (pieces.ts), and the
// pieces are grouped into digits the way the readers find most convincing (grouping.ts).
// What it shares with the library comes through ../index.js, so that tinydigit/number's bundle imports it
// rather than carrying copies (the same error classes, one preprocessing instance).
import { hasInk, inkMapOf, InputError, type Classification, type ImageLike, type Polarity } from '../index.js';
import { bestGrouping, readGroup } from './grouping.js';
import { inkPieces, type Box } from './pieces.js';

/**
 * A group counts as a digit from this confidence (`isDigit`; below it, `lowConfidence` too). Chosen on
 * validation rows for readNumber's own reading of a group (one view, weighed by the second reader);
 * classifyImage's DIGIT_MIN_CONFIDENCE is for its average over shifted views.
 */
const GROUP_MIN_CONFIDENCE = 0.4;

/** One digit read by {@link Classifier.readNumber}. */
export interface DigitReading extends Classification {
  /**
   * Whether the group looks like one digit: its confidence at least 0.4 (readNumber's own threshold, for
   * its one reading of a group; classifyImage's is `DIGIT_MIN_CONFIDENCE`, 0.45).
   */
  isDigit: boolean;
  /** Where the digit's ink is in the image, in pixels. */
  box: Box;
  /**
   * True when the confidence is below `minConfidence`, the group does not look like a digit, or the
   * network and the second reader, each alone, read different digits: shown, but worth a second look.
   */
  lowConfidence: boolean;
}

/** The digits of a row, left to right. */
export interface NumberReading {
  /** The digits as a string, e.g. "90210" (empty when the image holds no ink). */
  text: string;
  digits: DigitReading[];
}

export interface ReadNumberOptions {
  polarity?: Polarity;
  /** Digits below this confidence are flagged `lowConfidence` (default 0.5). */
  minConfidence?: number;
}

/** What readNumber needs of a classifier. */
export interface Reader {
  classify(input: Float32Array): Classification;
  readonly model: { inputWidth: number; inputHeight: number; classes: number };
}

/**
 * Reads a row of digits with `classifier`; with a model of 20x20 inputs and 10 classes, the second reader
 * (from `secondReader`, asked for only then) weighs each group too.
 */
export function readNumber(classifier: Reader, secondReader: () => Reader, image: ImageLike, options: ReadNumberOptions = {}): NumberReading {
  const minConfidence = options.minConfidence ?? 0.5;
  if (typeof minConfidence !== 'number' || !(minConfidence >= 0 && minConfidence <= 1)) {
    throw new InputError('bad-option', `minConfidence must be a number in [0, 1], got ${String(minConfidence)}`);
  }
  const map = inkMapOf(image, options.polarity ?? 'auto');
  if (!hasInk(map)) return { text: '', digits: [] };
  const { componentOf, pieces, lineHeight } = inkPieces(map);
  const { inputWidth, inputHeight, classes } = classifier.model;
  const second = inputWidth === 20 && inputHeight === 20 && classes === 10 ? secondReader() : undefined;
  const read = (x: Float32Array) => readGroup(classifier.classify(x).probabilities, second?.classify(x).probabilities);
  const digits: DigitReading[] = bestGrouping(map, componentOf, pieces, lineHeight, inputWidth, inputHeight, read).map(({ region: s, result: { readersAgree, ...r } }) => ({
    ...r,
    isDigit: r.confidence >= GROUP_MIN_CONFIDENCE,
    // in the image's pixels (a large image is read shrunk by map.scale)
    box: { x: s.x0 * map.scale, y: s.y0 * map.scale, width: (s.x1 - s.x0 + 1) * map.scale, height: (s.y1 - s.y0 + 1) * map.scale },
    lowConfidence: r.confidence < minConfidence || r.confidence < GROUP_MIN_CONFIDENCE || !readersAgree,
  }));
  return { text: digits.map((d) => d.digit).join(''), digits };
}
