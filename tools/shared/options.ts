// A numeric command-line option of the tools (train, train:second-reader, soak, bench:compare,
// bench:kernels, read-number:validation): its value, or a clear line on stderr and exit code 2.

/** `v` as a number in [min, max] (an integer when `integer`), else exits naming `--name`. */
export function numberOption(name: string, v: string | undefined, min: number, max: number, integer = false): number {
  const n = Number(v);
  if (!Number.isFinite(n) || n < min || n > max || (integer && !Number.isInteger(n))) {
    console.error(`--${name} must be ${integer ? 'an integer' : 'a number'} in [${min}, ${max}], got ${v}`);
    process.exit(2);
  }
  return n;
}
