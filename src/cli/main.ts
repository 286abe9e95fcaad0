// The tinydigit command: parses the command line and runs one of the commands (commands.ts).
import { parseArgs } from 'node:util';
import { TinydigitError, type Polarity } from '../index.js';
import { POLARITIES } from '../preprocess.js';
import { COMMANDS, UsageError, type CommandOptions } from './commands.js';
import { ImageFileError } from './decode-image.js';
import { MODEL_NAMES } from './files.js';

const USAGE = `usage: tinydigit <command> [options]

  classify <files...>   the digit in each PNG or JPEG file, one line per file
  read <file>           a row of digits (a number) in a PNG or JPEG file
  info [model]          a model's architecture, size, checksum and accuracy (a name or a .tdm file)
  serve                 the draw-a-digit demo page on http://127.0.0.1:8080
  bench                 latency and throughput on this machine

options:
  --json                machine-readable output (classify, read, info, bench)
  --model M             ${MODEL_NAMES.join(', ')} or a .tdm model file (classify, read; default: int8 weights)
  --polarity P          ${POLARITIES.join(', ')} (classify, read)
  --port N, --host H    where serve listens (default 8080 on 127.0.0.1; PORT in the environment too)
  --rounds N            bench rounds (default 15)
  -h, --help            this text`;

/** The command line's command, its arguments and options; `help` when only the usage was asked for. */
function parse(argv: string[]): { command: string; args: string[]; options: CommandOptions } | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        model: { type: 'string' },
        polarity: { type: 'string', default: 'auto' },
        port: { type: 'string' },
        host: { type: 'string', default: '127.0.0.1' },
        rounds: { type: 'string', default: '15' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const { values: o, positionals } = parsed;
  if (o.help) return 'help';
  const [command, ...args] = positionals;
  if (command === undefined) throw new UsageError('no command given');
  if (!Object.hasOwn(COMMANDS, command)) throw new UsageError(`unknown command '${command}'`);
  const polarity = o.polarity as Polarity;
  if (!POLARITIES.includes(polarity)) throw new UsageError(`--polarity must be ${POLARITIES.join(', ')}, got ${polarity}`);
  return { command, args, options: { json: o.json, model: o.model, polarity, port: o.port, host: o.host, rounds: o.rounds } };
}

async function main(argv: string[]): Promise<number> {
  const parsed = parse(argv);
  if (parsed === 'help') {
    console.log(USAGE);
    return 0;
  }
  return COMMANDS[parsed.command]!(parsed.args, parsed.options);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    if (e instanceof UsageError) {
      console.error(`tinydigit: ${e.message}\n\n${USAGE}`);
      process.exitCode = 2;
    } else if (e instanceof TinydigitError || e instanceof ImageFileError) {
      console.error(`tinydigit: ${e.message}`);
      process.exitCode = 1;
    } else {
      throw e;
    }
  },
);
