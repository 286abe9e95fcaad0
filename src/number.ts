// tinydigit/number: readNumber, with its code, its second reader and its grouping weights, which a page
// that only classifies does not ship. Importing it (once, anywhere) lets every Classifier read rows of
// digits: `classifier.readNumber(image)`.
import { fromBase64 } from './embedded-bytes.js';
import { SECOND_READER_BASE64 } from './generated/model-second-reader.js';
import { registerNumberReader } from './index.js';
import { readNumber } from './read-number/read-number.js';

registerNumberReader({ read: readNumber, secondReaderBytes: () => fromBase64(SECOND_READER_BASE64) });

export type { DigitReading, NumberReading, ReadNumberOptions } from './read-number/read-number.js';
export type { Box } from './read-number/pieces.js';
