// Run by npm test before the suites: the browsers the tests drive must be on the machine. Installs them
// with apt-get when missing (as root); otherwise fails loudly, never skips.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const NEEDED = [
  { pkg: 'chromium', binary: '/usr/bin/chromium' },
  { pkg: 'firefox-esr', binary: '/usr/bin/firefox-esr' },
];
const missing = NEEDED.filter((n) => !existsSync(n.binary));
if (missing.length) {
  const names = missing.map((m) => m.pkg);
  if (process.getuid?.() !== 0) {
    console.error(`\n*** npm test needs the Debian packages ${names.join(', ')} (for the browser tests), and cannot install them: not root.\n*** Install them (apt-get install ${names.join(' ')}) and run npm test again.\n`);
    process.exit(1);
  }
  console.error(`installing ${names.join(', ')} for the browser tests (apt-get)...`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  try {
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', '-qq', ...names], { stdio: 'inherit', env });
  } catch (e) {
    console.error(`\n*** apt-get could not install ${names.join(', ')}: ${e.message}\n*** The browser tests cannot run without them.\n`);
    process.exit(1);
  }
  for (const m of missing) {
    if (!existsSync(m.binary)) {
      console.error(`\n*** ${m.pkg} was installed but ${m.binary} is missing.\n`);
      process.exit(1);
    }
  }
}
