// The tinydigit command: parses the command line and runs one of the commands (commands.ts).
import { parseArgs } from 'node:util';
import { TinydigitError, type Polarity } from '../index.js';
import { POLARITIES } from '../preprocess.js';
import { COMMANDS, UsageError, type CommandOptions } from './commands.js';
import { ImageFileError } from './decode-image.js';
import { FileError } from './files.js';
import { commandUsage, suggestion, usage } from './usage.js';

/** Set by the build from package.json. */
declare const TINYDIGIT_VERSION: string;

const OPTIONS = {
  json: { type: 'boolean', default: false },
  model: { type: 'string' },
  polarity: { type: 'string', default: 'auto' },
  port: { type: 'string' },
  host: { type: 'string', default: '127.0.0.1' },
  rounds: { type: 'string', default: '15' },
  help: { type: 'boolean', short: 'h', default: false },
  version: { type: 'boolean', short: 'v', default: false },
} as const;

/** parseArgs's complaint, in this command's words, with a suggestion for a mistyped option. */
function optionError(e: Error & { code?: string }): UsageError {
  const option = /'(-[^' ]+)/.exec(e.message)?.[1];
  if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option) {
    const near = suggestion(option.replace(/^-+/, ''), Object.keys(OPTIONS));
    return new UsageError(`unknown option ${option}${near ? ` (did you mean --${near}?)` : ''}`);
  }
  if (e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option) return new UsageError(`${option} needs a value`);
  return new UsageError(e.message);
}

type Parsed = { run: 'help' | 'version'; command?: string } | { run: 'command'; command: string; args: string[]; options: CommandOptions };

/** The command line's command, its arguments and options, or a request for help or the version. */
function parse(argv: string[]): Parsed {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: OPTIONS });
  } catch (e) {
    throw optionError(e as Error);
  }
  const { values: o, positionals } = parsed;
  const [command, ...args] = positionals;
  if (command !== undefined && !Object.hasOwn(COMMANDS, command)) {
    const near = suggestion(command, Object.keys(COMMANDS));
    throw new UsageError(`unknown command '${command}'${near ? ` (did you mean '${near}'?)` : ''}`);
  }
  if (o.help) return { run: 'help', ...(command === undefined ? {} : { command }) };
  if (o.version) return { run: 'version' };
  if (command === undefined) throw new UsageError('no command given');
  const polarity = o.polarity as Polarity;
  if (!POLARITIES.includes(polarity)) throw new UsageError(`--polarity must be ${POLARITIES.join(', ')}, got ${polarity}`);
  return { run: 'command', command, args, options: { json: o.json, model: o.model, polarity, port: o.port, host: o.host, rounds: o.rounds } };
}

/** The command named on the command line, if any: usage errors show its help. */
const namedCommand = (argv: string[]) => argv.find((a) => Object.hasOwn(COMMANDS, a));

async function main(argv: string[]): Promise<number> {
  const parsed = parse(argv);
  if (parsed.run === 'help') console.log(parsed.command ? commandUsage(parsed.command) : usage());
  else if (parsed.run === 'version') console.log(`tinydigit ${TINYDIGIT_VERSION}`);
  else return COMMANDS[parsed.command]!(parsed.args, parsed.options);
  return 0;
}

const argv = process.argv.slice(2);
main(argv).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    if (e instanceof UsageError) {
      const command = namedCommand(argv);
      console.error(`tinydigit: ${e.message}\n\n${command ? commandUsage(command) : usage()}`);
      process.exitCode = 2;
    } else if (e instanceof TinydigitError || e instanceof ImageFileError || e instanceof FileError) {
      console.error(`tinydigit: ${e.message}`);
      process.exitCode = 1;
    } else {
      throw e;
    }
  },
);
