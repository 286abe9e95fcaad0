// The project's accuracy gate: the embedded default models on the 10k MNIST test set, each raw 28x28
// test image given to the public classifyImage as a 1-channel buffer.
import { describe, expect, it } from 'vitest';
import { loadClassifier } from '../src/index.js';
import { defaultF32ModelBytes } from '../src/models/default-f32.js';
import { evaluateImages } from '../tools/shared/evaluate.js';
import { loadMnist } from '../tools/shared/mnist.js';

describe('accuracy on the MNIST test set', () => {
  const test = loadMnist('test');

  it('the default network with f32 weights reaches 97.5%, the embedded default (int8) stays within 0.1 pt of it', async () => {
    const f32 = evaluateImages(await loadClassifier({ model: defaultF32ModelBytes() }), test);
    const int8 = evaluateImages(await loadClassifier(), test);
    console.log(`MNIST test accuracy: f32 ${(f32.accuracy * 100).toFixed(2)}%, int8 ${(int8.accuracy * 100).toFixed(2)}%`);
    expect(f32.count).toBe(10_000);
    expect(f32.accuracy).toBeGreaterThanOrEqual(0.975);
    expect(Math.abs(f32.accuracy - int8.accuracy)).toBeLessThanOrEqual(0.001);
  });

  it('the accuracy stored in each model file is the one measured here', async () => {
    for (const c of [await loadClassifier(), await loadClassifier({ model: defaultF32ModelBytes() })]) {
      expect(c.model.metadata.testAccuracy).toBe(evaluateImages(c, test).accuracy);
    }
  });
});
