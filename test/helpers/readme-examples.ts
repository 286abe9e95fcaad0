import { readFileSync } from 'node:fs';

/** The README's code blocks marked `<!-- example: NAME -->`, by name: run as they stand by the tests. */
export function readmeExamples(readme = readFileSync('README.md', 'utf8')): Record<string, string> {
  const found: Record<string, string> = {};
  for (const m of readme.matchAll(/<!-- example: ([\w-]+) -->\n```\w*\n([\s\S]*?)```/g)) found[m[1]!] = m[2]!;
  return found;
}
