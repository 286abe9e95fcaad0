// Reading the files named on the command line: images and model files, with errors in the tool's words.
import { readFileSync, statSync } from 'node:fs';
import { defaultModelBytes, loadClassifierSync, TinydigitError, type Classifier } from '../index.js';
import { defaultF32ModelBytes } from '../models/default-f32.js';
import { DEFAULT_MODEL_NAMES, isDefaultModelName } from '../model/names.js';
import { ImageFileError } from './decode-image.js';

/** Files larger than this are refused before they are read. */
const MAX_FILE_BYTES = 128 << 20;

/** A file named on the command line that cannot be used: the message names it. */
export class FileError extends Error {
  constructor(file: string, why: string) {
    super(`${file === '-' ? 'standard input' : file}: ${why}`);
  }
}

/**
 * A file's bytes (`-`: standard input), or an {@link ImageFileError} saying why not (missing, a directory,
 * unreadable, too large).
 */
export function readFile(path: string): Uint8Array {
  if (path === '-') {
    const bytes = readFileSync(0);
    if (bytes.length > MAX_FILE_BYTES) throw new ImageFileError(`more than the ${MAX_FILE_BYTES >> 20} MB this command reads`);
    return bytes;
  }
  let size: number;
  try {
    const st = statSync(path);
    if (st.isDirectory()) throw new ImageFileError('is a directory');
    size = st.size;
  } catch (e) {
    if (e instanceof ImageFileError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new ImageFileError(code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (e as Error).message);
  }
  if (size > MAX_FILE_BYTES) throw new ImageFileError(`${size} bytes is larger than the ${MAX_FILE_BYTES >> 20} MB this command reads`);
  try {
    return readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new ImageFileError(code === 'EACCES' ? 'permission denied' : (e as Error).message);
  }
}

/** The models the command knows by name: the library's embedded ones, and the default network's f32 twin. */
export const MODEL_NAMES = [...DEFAULT_MODEL_NAMES, 'default-f32'] as const;

/** A model file's bytes, by one of {@link MODEL_NAMES} or by its path; a {@link FileError} names it. */
export function modelBytes(name: string): Uint8Array {
  if (isDefaultModelName(name)) return defaultModelBytes(name);
  if (name === 'default-f32') return defaultF32ModelBytes();
  try {
    return readFile(name);
  } catch (e) {
    if (e instanceof ImageFileError) throw new FileError(name, e.message);
    throw e;
  }
}

/** A model by name or path: its file's bytes and a classifier on them; a file that is not a model gets a {@link FileError}. */
export function openModel(name: string): { bytes: Uint8Array; classifier: Classifier } {
  const bytes = modelBytes(name);
  try {
    return { bytes, classifier: loadClassifierSync({ model: bytes }) };
  } catch (e) {
    if (e instanceof TinydigitError) throw new FileError(name, e.message);
    throw e;
  }
}

/** A classifier for `--model` (absent: the default). */
export function loadModel(name: string | undefined): Classifier {
  return name === undefined || isDefaultModelName(name) ? loadClassifierSync({ model: name }) : openModel(name).classifier;
}
