// Accuracy the way users get it: raw images through the public API (classifyImage).
import type { Classifier } from '../../src/index.js';
import { mnistImage, type MnistSplit } from './mnist.js';

export interface Evaluation {
  accuracy: number;
  correct: number;
  count: number;
  /** confusion[truth * 10 + predicted]; an image read as empty counts under predicted = -1, not here. */
  confusion: Uint32Array;
  /** Predicted digit per image, -1 when classifyImage returned null. */
  predictions: Int8Array;
}

export function evaluateImages(classifier: Classifier, split: MnistSplit, limit = split.labels.length): Evaluation {
  const confusion = new Uint32Array(100);
  const predictions = new Int8Array(limit);
  let correct = 0;
  for (let i = 0; i < limit; i++) {
    const r = classifier.classifyImage(mnistImage(split.images, i));
    const p = r ? r.digit : -1;
    predictions[i] = p;
    const t = split.labels[i]!;
    if (p === t) correct++;
    if (p >= 0) confusion[t * 10 + p]!++;
  }
  return { accuracy: correct / limit, correct, count: limit, confusion, predictions };
}
