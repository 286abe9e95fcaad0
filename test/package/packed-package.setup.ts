// vitest globalSetup: the package as users get it, made once per run. `npm pack`, then the tarball
// installed in a fresh project (build/consumer); the suites that test the published package (bundlers,
// runtimes) run from there, never against the source tree, so a missing `files` entry or a wrong
// `exports` path fails them.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { systemBin } from '../helpers/system-bin.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A project with the packed tinydigit installed in node_modules. */
    consumerDir: string;
    /** The tarball's file name, inside consumerDir. */
    tarball: string;
  }
}

export default function setup(project: TestProject): void {
  const npm = systemBin('npm');
  const app = resolve('build/consumer');
  rmSync(app, { recursive: true, force: true });
  mkdirSync(app, { recursive: true });
  const packed = JSON.parse(execFileSync(npm, ['pack', '--json', '--pack-destination', app], { encoding: 'utf8' }))[0] as { filename: string };
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  execFileSync(npm, ['install', '--no-audit', '--no-fund', '--no-package-lock', join(app, packed.filename)], { cwd: app, stdio: 'pipe' });
  project.provide('consumerDir', app);
  project.provide('tarball', packed.filename);
}
