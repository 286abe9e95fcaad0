// The tinydigit command.
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { defaultModelBytes, loadClassifierSync, TinydigitError, type ClassifierOptions, type Polarity } from '../index.js';
import { formatBench, runBench } from '../bench/bench.js';
import { formatPoolBench, runPoolBench } from '../bench/pool-bench.js';
import { createPool } from '../pool/node.js';
import { decodeImage, ImageFileError } from './decode-image.js';
import { POLARITIES } from '../preprocess.js';
import { createDemoServer } from './serve.js';

const USAGE = `usage: tinydigit <command> [options]

  classify <files...>   the digit in each PNG or JPEG file, one line per file
  read <file>           a row of digits (a number) in a PNG or JPEG file
  info [model]          a model's architecture, size, checksum and accuracy
  serve                 the draw-a-digit demo page on http://127.0.0.1:8080
  bench                 latency and throughput on this machine

options:
  --json                machine-readable output (classify, read, info, bench)
  --model M             default, default-int8, or a .tdm model file (classify, read)
  --polarity P          auto, dark-on-light or light-on-dark (classify, read)
  --port N, --host H    where serve listens (default 8080 on 127.0.0.1; PORT in the environment too)
  --rounds N            bench rounds (default 15)
  -h, --help            this text`;

/** Files larger than this are refused before they are read. */
const MAX_FILE_BYTES = 128 << 20;

class UsageError extends Error {}

function readFile(path: string): Uint8Array {
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

function modelOption(m: string | undefined): ClassifierOptions['model'] {
  if (m === undefined || m === 'default' || m === 'default-int8') return m;
  return readFile(m);
}

const pct = (v: number) => `${(v * 100).toFixed(1)}%`;

function main(argv: string[]): number {
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
  const [command, ...args] = positionals;
  if (o.help) {
    console.log(USAGE);
    return 0;
  }
  if (command === undefined) throw new UsageError('no command given');
  const polarity = o.polarity as Polarity;
  if (!POLARITIES.includes(polarity)) throw new UsageError(`--polarity must be ${POLARITIES.join(', ')}, got ${polarity}`);
  switch (command) {
    case 'classify': {
      if (args.length === 0) throw new UsageError('classify needs at least one file');
      const clf = loadClassifierSync({ model: modelOption(o.model) });
      let failed = 0;
      for (const file of args) {
        try {
          const r = clf.classifyImage(decodeImage(readFile(file)), { polarity });
          if (o.json) console.log(JSON.stringify(r ? { file, digit: r.digit, confidence: r.confidence, probabilities: Array.from(r.probabilities) } : { file, digit: null }));
          else console.log(r ? `${file}: ${r.digit} (${pct(r.confidence)})` : `${file}: no digit (no ink)`);
        } catch (e) {
          if (!(e instanceof ImageFileError || e instanceof TinydigitError)) throw e;
          failed++;
          console.error(`tinydigit: ${file}: ${e.message}`);
          if (o.json) console.log(JSON.stringify({ file, error: e.message }));
        }
      }
      return failed ? 1 : 0;
    }
    case 'read': {
      if (args.length !== 1) throw new UsageError('read takes one file');
      const file = args[0]!;
      const clf = loadClassifierSync({ model: modelOption(o.model) });
      let r;
      try {
        r = clf.readNumber(decodeImage(readFile(file)), { polarity });
      } catch (e) {
        if (!(e instanceof ImageFileError || e instanceof TinydigitError)) throw e;
        console.error(`tinydigit: ${file}: ${e.message}`);
        return 1;
      }
      if (o.json) console.log(JSON.stringify({ file, text: r.text, digits: r.digits.map(({ digit, confidence, box, lowConfidence }) => ({ digit, confidence, box, lowConfidence })) }));
      else console.log(`${r.text || '(no digits)'}${r.digits.length ? `  (${r.digits.map((d) => `${d.digit}: ${pct(d.confidence)}${d.lowConfidence ? ' low' : ''}`).join(', ')})` : ''}`);
      return 0;
    }
    case 'info': {
      if (args.length > 1) throw new UsageError('info takes at most one model');
      const name = args[0] ?? 'default';
      const file = name === 'default' || name === 'default-int8' ? defaultModelBytes(name) : readFile(name);
      const clf = loadClassifierSync({ model: file });
      const crc = new DataView(file.buffer, file.byteOffset, file.byteLength).getUint32(file.length - 4, true).toString(16).padStart(8, '0');
      const m = clf.model;
      const info = { model: name, architecture: [m.inputs, ...m.layers.map((l) => l.outputs)].join('-'), input: `${m.inputHeight}x${m.inputWidth}`, weights: [...new Set(m.layers.map((l) => l.weightType))].join('+'), parameters: m.parameters, bytes: file.length, crc32: crc, metadata: m.metadata };
      if (o.json) console.log(JSON.stringify(info));
      else {
        const acc = typeof m.metadata.testAccuracy === 'number' ? `${(m.metadata.testAccuracy * 100).toFixed(2)}% on ${String(m.metadata.testImages ?? '?')} MNIST test images` : 'not recorded';
        console.log([`model:        ${info.model}`, `architecture: ${info.architecture} (input ${info.input}, ${info.weights} weights, ${info.parameters} parameters)`, `size:         ${info.bytes} bytes, CRC-32 ${crc}`, `accuracy:     ${acc}`, `trained:      ${String(m.metadata.trainedAt ?? 'unknown')}, seed ${String(m.metadata.seed ?? '?')}`].join('\n'));
      }
      return 0;
    }
    case 'serve': {
      const port = Number(o.port ?? process.env.PORT ?? 8080);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be 0-65535, got ${o.port}`);
      const root = fileURLToPath(new URL('./demo/', import.meta.url));
      const server = createDemoServer(root);
      server.on('error', (e) => {
        console.error(`tinydigit: cannot serve on ${o.host}:${port}: ${e.message}`);
        process.exit(1);
      });
      server.listen(port, o.host, () => {
        const addr = server.address();
        const p = typeof addr === 'object' && addr ? addr.port : port;
        console.log(`tinydigit demo: http://${o.host.includes(':') ? `[${o.host}]` : o.host}:${p}/  (Ctrl-C to stop)`);
      });
      return -1;
    }
    case 'bench': {
      const rounds = Number(o.rounds);
      if (!Number.isInteger(rounds) || rounds < 1 || rounds > 1000) throw new UsageError(`--rounds must be 1-1000, got ${o.rounds}`);
      const progress = (msg: string) => process.stderr.isTTY && process.stderr.write(`\r${msg}   `);
      const r = runBench(rounds, progress);
      // The pool part is asynchronous: its result comes after main() returns.
      runPoolBench(createPool, rounds, progress).then(
        (pool) => {
          if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
          process.stdout.write(o.json ? `${JSON.stringify({ ...r, pool })}\n` : formatBench(r) + formatPoolBench(pool));
          process.exitCode = 0;
        },
        (e: unknown) => {
          console.error(`tinydigit: bench failed: ${e instanceof Error ? e.message : String(e)}`);
          process.exitCode = 1;
        },
      );
      return -1;
    }
    default:
      throw new UsageError(`unknown command '${command}'`);
  }
}

try {
  const code = main(process.argv.slice(2));
  if (code >= 0) process.exitCode = code;
} catch (e) {
  if (e instanceof UsageError) {
    console.error(`tinydigit: ${e.message}\n\n${USAGE}`);
    process.exitCode = 2;
  } else if (e instanceof TinydigitError || e instanceof ImageFileError) {
    console.error(`tinydigit: ${e.message}`);
    process.exitCode = 1;
  } else {
    throw e;
  }
}
