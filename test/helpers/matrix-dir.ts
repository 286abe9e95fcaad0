import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';
import { loadMnist } from '../../tools/shared/mnist.js';

/** Raw MNIST test images every runtime of the matrix classifies. */
export const MATRIX_IMAGES = 200;

/**
 * A folder inside the packed-package project (so `tinydigit` resolves to the installed tarball) holding
 * test/fixtures/runtimes and images.bin. One per suite, so suites running at once never share files.
 */
export function matrixDir(name: string): string {
  const dir = join(inject('consumerDir'), name);
  mkdirSync(dir, { recursive: true });
  cpSync('test/fixtures/runtimes', dir, { recursive: true });
  writeFileSync(join(dir, 'images.bin'), loadMnist('test').images.pixels.subarray(0, MATRIX_IMAGES * 784));
  return dir;
}
