import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * A command from beside this Node (npm, npx): node_modules/.bin holds an old npm 6 (a dependency of
 * @as-pect/cli's), which would shadow it inside npm scripts.
 */
export function systemBin(name: string): string {
  const beside = join(dirname(process.execPath), name);
  return existsSync(beside) ? beside : name;
}
