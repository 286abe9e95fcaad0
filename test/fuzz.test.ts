// Property tests over hostile model files, inputs and images (tools/qa/fuzz-cases.ts), at a size that keeps
// npm test quick; `npm run fuzz -- --runs N` runs the same properties longer.
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { PROPERTIES } from '../tools/qa/fuzz-cases.js';

describe('fuzz', () => {
  for (const [name, property] of Object.entries(PROPERTIES)) {
    it(name, () => {
      fc.assert(property, { numRuns: 300, seed: 20261123 });
    });
  }
});
