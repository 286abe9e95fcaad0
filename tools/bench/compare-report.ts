// What npm run bench:compare writes: the Markdown tables and the SVG bar chart of one run.
import { targetsTable, type TargetResult } from './bench-targets.js';

export interface CompareResult {
  name: string;
  singleMedianNs: number;
  batchDigitsPerSecond: number;
  shippedBytesGzip: number;
  shipped: string;
  singleVsTinydigit: number;
  batchVsTinydigit: number;
  sizeVsTinydigit: number;
}

export interface CompareReport {
  date: string;
  machine: string;
  rounds: number;
  batch: number;
  versions: Record<string, string>;
  results: CompareResult[];
  targets: TargetResult[];
}

const kb = (b: number) => (b < 1e6 ? `${(b / 1024).toFixed(1)} KB` : `${(b / 1024 / 1024).toFixed(1)} MB`);
const us = (ns: number) => (ns < 1e4 ? `${(ns / 1e3).toFixed(2)} µs` : `${(ns / 1e3).toFixed(0)} µs`);
const times = (x: number) => (x >= 10 ? `${x.toFixed(0)}x` : `${x.toFixed(2)}x`);

/** The libraries table, its footnote, and the targets table. */
export function compareMarkdown(report: CompareReport): string {
  return [
    `| library | one digit (median) | tinydigit is | batch of ${report.batch} | tinydigit is | shipped (min+gzip) |`,
    '| --- | --- | --- | --- | --- | --- |',
    ...report.results.map((r, k) =>
      k === 0
        ? `| **${r.name}** | **${us(r.singleMedianNs)}** | | **${(r.batchDigitsPerSecond / 1e6).toFixed(3)} M digits/s** | | **${kb(r.shippedBytesGzip)}** |`
        : `| ${r.name} | ${us(r.singleMedianNs)} | ${times(r.singleVsTinydigit)} as fast | ${(r.batchDigitsPerSecond / 1e6).toFixed(3)} M digits/s | ${times(1 / r.batchVsTinydigit)} as fast | ${kb(r.shippedBytesGzip)} |`,
    ),
    '',
    `<sub>${report.date}, ${report.machine}; medians of ${report.rounds} rounds, all libraries interleaved in one process (\`npm run bench:compare\`), ` +
      `the default model's weights in each. One digit: each library's call for one 400-value input, API included (onnxruntime's is async and awaited). ` +
      `"tinydigit is Nx as fast": the library's time over tinydigit's (below 1: the library is faster). ` +
      `Shipped: ${report.results.map((r) => `${r.name}: ${r.shipped}`).join('; ')}.</sub>`,
    '',
    `tinydigit against its targets, the same run (one digit and batches, against onnxruntime-node: the table above; canvas and pool: \`tinydigit bench --rounds ${report.rounds}\` ` +
      `in a child process; cold start: median of 15 fresh Node processes timing \`import\` of the bundle to the first \`classify\` result, and each part's median; an empty module's \`import\`, in 15 processes of its own, is what Node's loader costs any import; sizes: the build):`,
    '',
    targetsTable(report.targets),
  ].join('\n');
}

/** A bar chart of single-digit latency, log scale. */
export function latencySvg(results: CompareResult[]): string {
  const W = 640;
  const rowH = 34;
  const maxNs = Math.max(...results.map((r) => r.singleMedianNs));
  const minNs = Math.min(...results.map((r) => r.singleMedianNs));
  const x = (ns: number) => 250 + ((Math.log10(ns) - Math.log10(minNs / 2)) / (Math.log10(maxNs * 1.5) - Math.log10(minNs / 2))) * (W - 330);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${60 + rowH * results.length}" font-family="sans-serif" font-size="13">
<rect width="100%" height="100%" fill="#fff"/>
<text x="10" y="22" font-size="15" font-weight="bold">One digit, median latency (log scale; shorter is faster)</text>
${results
  .map((r, k) => {
    const y = 40 + k * rowH;
    return `<text x="240" y="${y + 18}" text-anchor="end">${r.name}</text><rect x="250" y="${y + 4}" width="${(x(r.singleMedianNs) - 250).toFixed(1)}" height="20" fill="${k === 0 ? '#2a7de1' : '#999'}"/><text x="${(x(r.singleMedianNs) + 6).toFixed(1)}" y="${y + 18}">${us(r.singleMedianNs)}</text>`;
  })
  .join('\n')}
</svg>
`;
}
