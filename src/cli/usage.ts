// What the tinydigit command says about itself: the overall usage, each command's help, and suggestions
// for a mistyped command or option.
import { POLARITIES } from '../preprocess.js';
import { editDistance } from './edit-distance.js';
import { MODEL_NAMES } from './files.js';

/** Each command: its synopsis, what it does, and the options it takes. */
export const COMMAND_HELP: Readonly<Record<string, { synopsis: string; summary: string; options: readonly string[] }>> = {
  classify: { synopsis: 'classify <files...>', summary: 'the digit in each PNG or JPEG file, one line per file (- reads standard input)', options: ['json', 'model', 'polarity'] },
  read: { synopsis: 'read <file>', summary: 'a row of digits (a number) in a PNG or JPEG file (- reads standard input)', options: ['json', 'model', 'polarity'] },
  info: { synopsis: 'info [model]', summary: "a model's architecture, size, checksum and accuracy (a name or a .tdm file; --model too)", options: ['json', 'model'] },
  serve: { synopsis: 'serve', summary: 'the draw-a-digit demo page on http://127.0.0.1:8080', options: ['port', 'host'] },
  bench: { synopsis: 'bench', summary: 'latency and throughput on this machine', options: ['json', 'rounds'] },
};

const OPTION_HELP: Readonly<Record<string, string>> = {
  json: '--json                machine-readable output',
  model: `--model M             ${MODEL_NAMES.join(', ')} or a .tdm model file (default: the int8 weights)`,
  polarity: `--polarity P          ${POLARITIES.join(', ')}`,
  port: '--port N              where serve listens (default 8080; PORT in the environment too)',
  host: '--host H              the address serve listens on (default 127.0.0.1)',
  rounds: '--rounds N            bench rounds (default 15)',
};

/** The usage of the whole command. */
export function usage(): string {
  const commands = Object.values(COMMAND_HELP).map((c) => `  ${c.synopsis.padEnd(22)}${c.summary}`);
  return [
    'usage: tinydigit <command> [options]',
    '',
    ...commands,
    '',
    'options:',
    ...Object.keys(OPTION_HELP).map((o) => `  ${OPTION_HELP[o]}`),
    '  -h, --help            this text; tinydigit <command> --help for one command',
    '  -v, --version         the version',
  ].join('\n');
}

/** One command's help. */
export function commandUsage(command: string): string {
  const c = COMMAND_HELP[command]!;
  return [`usage: tinydigit ${c.synopsis} [options]`, '', `  ${c.summary}`, '', 'options:', ...c.options.map((o) => `  ${OPTION_HELP[o]}`), '  -h, --help            this text'].join('\n');
}

/** The closest of `candidates` to `word`, when it is close enough to be a likely typo. */
export function suggestion(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let distance = Infinity;
  for (const c of candidates) {
    const dd = editDistance(word, c);
    if (dd < distance) [best, distance] = [c, dd];
  }
  return best !== undefined && distance <= Math.max(1, Math.floor(best.length / 3)) ? best : undefined;
}
