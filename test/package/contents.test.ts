// What the published tarball holds (`npm pack --dry-run --json`), and that it depends on nothing at run
// time, so `npm audit --omit=dev` has nothing to find in it.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { systemBin } from '../helpers/system-bin.js';

const npm = systemBin('npm');
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));

/** Every file path package.json points at: bin and each exports target. */
function targets(node: unknown): string[] {
  if (typeof node === 'string') return [node];
  return node && typeof node === 'object' ? Object.values(node).flatMap(targets) : [];
}

describe('the published package', () => {
  const packed = JSON.parse(execFileSync(npm, ['pack', '--dry-run', '--json'], { encoding: 'utf8' }))[0] as { files: { path: string }[]; size: number };
  const files = packed.files.map((f) => f.path);

  it('holds only what `files` lists: dist/, the docs pages and demo picture, the README and the other top-level documents, package.json', () => {
    const top = ['README.md', 'LICENSE', 'CHANGELOG.md', 'CONTRIBUTING.md', 'SECURITY.md', 'package.json'];
    const docs = (f: string) => /^docs\/[\w-]+\.md$/.test(f) || f === 'docs/demo.png';
    expect(files.filter((f) => !f.startsWith('dist/') && !docs(f) && !top.includes(f))).toEqual([]);
    expect(top.every((f) => files.includes(f))).toBe(true);
    expect(files.filter((f) => /\.(map|ts)$/.test(f) && !f.endsWith('.d.ts'))).toEqual([]);
  });

  it('holds every file the README links to or shows, so that its links work on the package page', () => {
    const readme = readFileSync('README.md', 'utf8');
    const links = [...readme.matchAll(/\]\(([^)#\s]+)/g)].map((m) => m[1]!).filter((l) => !/^[a-z]+:/i.test(l));
    expect(links).toEqual(expect.arrayContaining(['docs/demo.png', 'SECURITY.md']));
    expect(links.filter((l) => !files.includes(l))).toEqual([]);
    // a user's document, read in minutes: measurements and diaries go to docs/
    expect(Buffer.byteLength(readme)).toBeLessThanOrEqual(15_000);
  });

  it('holds every file that bin and exports name', () => {
    const named = [...targets(pkg.bin), ...targets(pkg.exports)].map((p) => p.replace(/^\.\//, ''));
    expect(named.length).toBeGreaterThan(10);
    expect(named.filter((p) => !files.includes(p))).toEqual([]);
  });

  it('has no runtime dependency (the optional peer is for the trainer in the repository only)', () => {
    expect(pkg.dependencies).toBeUndefined();
    expect(pkg.optionalDependencies).toBeUndefined();
    expect(pkg.bundleDependencies ?? pkg.bundledDependencies).toBeUndefined();
    expect(Object.keys(pkg.peerDependencies ?? {})).toEqual(['@tensorflow/tfjs-node']);
    expect(pkg.peerDependenciesMeta['@tensorflow/tfjs-node'].optional).toBe(true);
    const bundles = files.filter((f) => /\.(c?js)$/.test(f) && !f.startsWith('dist/cli'));
    expect(bundles.length).toBeGreaterThan(5);
    // no bundle reaches for a package: only relative files and Node's built-ins
    for (const f of bundles) expect(readFileSync(f, 'utf8'), f).not.toMatch(/require\(["'](?![./]|node:)|from\s*["'](?![./]|node:)|import\(["'](?![./]|node:)/);
  });
});
