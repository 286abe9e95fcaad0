// readNumber ships with its own entry point (src/number.ts, tinydigit/number): without it a classifier
// says so with a typed error; importing it (once, anywhere) lets every classifier read numbers.
import { describe, expect, it } from 'vitest';
import { EngineError, loadClassifierSync } from '../src/index.js';
import { loadMnist, mnistImage } from '../tools/shared/mnist.js';

describe('tinydigit/number', () => {
  it('readNumber without the entry point throws missing-import; after importing it, reads', async () => {
    const clf = loadClassifierSync();
    const image = mnistImage(loadMnist('test').images, 0);
    expect(() => clf.readNumber(image)).toThrow(EngineError);
    expect(() => clf.readNumber(image)).toThrow(/import 'tinydigit\/number'/);
    await import('../src/number.js');
    expect(clf.readNumber(image).text).toBe(String(clf.classifyImage(image)!.digit));
    // a classifier made before the import reads too, and one made after
    expect(loadClassifierSync().readNumber(image).digits).toHaveLength(1);
  });
});
