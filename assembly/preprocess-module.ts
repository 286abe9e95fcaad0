// The preprocessing module's exports: one build for every runtime (plain scalar code, so it needs no
// SIMD), kept apart from the kernels so that each module stays under 4 KB. No imports.
export { inkLevels, inkMap } from "./preprocess";
export { flatten } from "./background";
export { fit } from "./fit";
export { shrink } from "./shrink";

/** First byte free for the loader's buffers. */
export function heapBase(): usize {
  return __heap_base;
}

// Our own abort (asconfig: --use abort=assembly/preprocess-module/abort): trap, so nothing is imported.
function abort(_message: usize, _file: usize, _line: u32, _column: u32): void {
  unreachable();
}
