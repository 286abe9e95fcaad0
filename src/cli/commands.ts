// The commands of the tinydigit command line, one function each: what they print, and their exit code.
import { fileURLToPath } from 'node:url';
import { formatBench, runBench } from '../bench/bench.js';
import { formatPoolBench, runPoolBench } from '../bench/pool-bench.js';
import { TinydigitError, type Polarity } from '../index.js';
import { createPool } from '../pool/node.js';
import { decodeImage, ImageFileError } from './decode-image.js';
import { loadModel, openModel, readFile } from './files.js';
import { createDemoServer } from './serve.js';
import '../number.js';

/** The options every command receives, parsed and checked by main.ts. */
export interface CommandOptions {
  json: boolean;
  model: string | undefined;
  polarity: Polarity;
  port: string | undefined;
  host: string;
  rounds: string;
}

/** A command's mistake in how it was called: printed with the usage, exit code 2. */
export class UsageError extends Error {}

/** A command: its positional arguments and the options in, its exit code out. */
export type Command = (args: string[], o: CommandOptions) => Promise<number>;

const pct = (v: number) => `${(v * 100).toFixed(1)}%`;

/** A file as the output names it (`-` is standard input). */
const shown = (file: string) => (file === '-' ? 'standard input' : file);

/** Whether an error is about one file (reported, and the command goes on) rather than a bug. */
const isFileError = (e: unknown): e is Error => e instanceof ImageFileError || e instanceof TinydigitError;

async function classify(args: string[], o: CommandOptions): Promise<number> {
  if (args.length === 0) throw new UsageError('classify needs at least one file');
  const clf = loadModel(o.model);
  let failed = 0;
  for (const file of args) {
    try {
      const r = clf.classifyImage(decodeImage(readFile(file)), { polarity: o.polarity });
      if (o.json) console.log(JSON.stringify(r ? { file, digit: r.digit, confidence: r.confidence, probabilities: Array.from(r.probabilities) } : { file, digit: null }));
      else console.log(r ? `${shown(file)}: ${r.digit} (${pct(r.confidence)})` : `${shown(file)}: no digit (no ink)`);
    } catch (e) {
      if (!isFileError(e)) throw e;
      failed++;
      console.error(`tinydigit: ${shown(file)}: ${e.message}`);
      if (o.json) console.log(JSON.stringify({ file, error: e.message }));
    }
  }
  return failed ? 1 : 0;
}

async function read(args: string[], o: CommandOptions): Promise<number> {
  if (args.length !== 1) throw new UsageError('read takes one file');
  const file = args[0]!;
  const clf = loadModel(o.model);
  let r;
  try {
    r = clf.readNumber(decodeImage(readFile(file)), { polarity: o.polarity });
  } catch (e) {
    if (!isFileError(e)) throw e;
    console.error(`tinydigit: ${shown(file)}: ${e.message}`);
    return 1;
  }
  if (o.json) console.log(JSON.stringify({ file, text: r.text, digits: r.digits.map(({ digit, confidence, box, lowConfidence }) => ({ digit, confidence, box, lowConfidence })) }));
  else console.log(`${r.text || '(no digits)'}${r.digits.length ? `  (${r.digits.map((d) => `${d.digit}: ${pct(d.confidence)}${d.lowConfidence ? ' low' : ''}`).join(', ')})` : ''}`);
  return 0;
}

async function info(args: string[], o: CommandOptions): Promise<number> {
  if (args.length > 1) throw new UsageError('info takes at most one model');
  if (args.length === 1 && o.model !== undefined) throw new UsageError('info takes its model as an argument or as --model, not both');
  const name = args[0] ?? o.model ?? 'default';
  const { bytes: file, classifier } = openModel(name);
  const m = classifier.model;
  const crc = new DataView(file.buffer, file.byteOffset, file.byteLength).getUint32(file.length - 4, true).toString(16).padStart(8, '0');
  const facts = { model: name, architecture: [m.inputs, ...m.layers.map((l) => l.outputs)].join('-'), input: `${m.inputHeight}x${m.inputWidth}`, weights: [...new Set(m.layers.map((l) => l.weightType))].join('+'), parameters: m.parameters, bytes: file.length, crc32: crc, metadata: m.metadata };
  if (o.json) {
    console.log(JSON.stringify(facts));
    return 0;
  }
  const acc = typeof m.metadata.testAccuracy === 'number' ? `${(m.metadata.testAccuracy * 100).toFixed(2)}% on ${String(m.metadata.testImages ?? '?')} MNIST test images` : 'not recorded';
  console.log([
    `model:        ${facts.model}`,
    `architecture: ${facts.architecture} (input ${facts.input}, ${facts.weights} weights, ${facts.parameters} parameters)`,
    `size:         ${facts.bytes} bytes, CRC-32 ${crc}`,
    `accuracy:     ${acc}`,
    `trained:      ${String(m.metadata.trainedAt ?? 'unknown')}, seed ${String(m.metadata.seed ?? '?')}`,
  ].join('\n'));
  return 0;
}

/** Serves the demo page until the server closes; exit code 1 when it cannot listen. */
function serve(_args: string[], o: CommandOptions): Promise<number> {
  const port = Number(o.port ?? process.env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be 0-65535, got ${o.port}`);
  // the page and the package's bundles it imports, all in dist/ beside this script
  const server = createDemoServer(fileURLToPath(new URL('./', import.meta.url)));
  return new Promise((done) => {
    server.on('error', (e) => {
      console.error(`tinydigit: cannot serve on ${o.host}:${port}: ${e.message}`);
      done(1);
    });
    server.on('close', () => done(0));
    server.listen(port, o.host, () => {
      const addr = server.address();
      const p = typeof addr === 'object' && addr ? addr.port : port;
      console.log(`tinydigit demo: http://${o.host.includes(':') ? `[${o.host}]` : o.host}:${p}/  (Ctrl-C to stop)`);
    });
  });
}

async function bench(_args: string[], o: CommandOptions): Promise<number> {
  const rounds = Number(o.rounds);
  if (!Number.isInteger(rounds) || rounds < 1 || rounds > 1000) throw new UsageError(`--rounds must be 1-1000, got ${o.rounds}`);
  const progress = (msg: string) => process.stderr.isTTY && process.stderr.write(`\r${msg}   `);
  const r = runBench(rounds, progress);
  let pool;
  try {
    pool = await runPoolBench(createPool, rounds, progress);
  } catch (e) {
    console.error(`tinydigit: bench failed: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
  if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
  process.stdout.write(o.json ? `${JSON.stringify({ ...r, pool })}\n` : formatBench(r) + formatPoolBench(pool));
  return 0;
}

export const COMMANDS: Readonly<Record<string, Command>> = { classify, read, info, serve, bench };
