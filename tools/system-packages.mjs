// Run by npm test before the suites: what the tests drive must be on the machine: the browsers,
// libjpeg-turbo's cjpeg and djpeg (JPEGs of every kind, and a reference decoder), and for the Raspberry
// Pi stand-in qemu-user-static with the arm64 and armhf C libraries that the official arm Node binaries
// link against (Debian multiarch; armv7 Node also needs libatomic). Installs what is missing with
// apt-get (as root); otherwise fails loudly, never skips.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const NEEDED = [
  { pkg: 'chromium', file: '/usr/bin/chromium', for: 'the browser tests' },
  { pkg: 'firefox-esr', file: '/usr/bin/firefox-esr', for: 'the browser tests' },
  { pkg: 'qemu-user-static', file: '/usr/bin/qemu-aarch64-static', for: 'the arm runtimes' },
  { pkg: 'libjpeg-turbo-progs', file: '/usr/bin/djpeg', for: 'the JPEG decoder test (libjpeg-turbo makes and decodes its JPEGs)' },
  { pkg: 'libstdc++6:arm64', file: '/usr/lib/aarch64-linux-gnu/libstdc++.so.6', arch: 'arm64', for: 'arm64 Node' },
  { pkg: 'libstdc++6:armhf', file: '/usr/lib/arm-linux-gnueabihf/libstdc++.so.6', arch: 'armhf', for: 'armv7 Node' },
  { pkg: 'libatomic1:armhf', file: '/usr/lib/arm-linux-gnueabihf/libatomic.so.1', arch: 'armhf', for: 'armv7 Node' },
];
const missing = NEEDED.filter((n) => !existsSync(n.file));
if (missing.length) {
  const names = missing.map((m) => m.pkg);
  const why = [...new Set(missing.map((m) => m.for))].join(', ');
  if (process.getuid?.() !== 0) {
    console.error(`\n*** npm test needs the Debian packages ${names.join(', ')} (for ${why}), and cannot install them: not root.\n*** Install them (dpkg --add-architecture arm64; dpkg --add-architecture armhf; apt-get update; apt-get install ${names.join(' ')}) and run npm test again.\n`);
    process.exit(1);
  }
  console.error(`installing ${names.join(', ')} for ${why} (apt-get)...`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  try {
    for (const arch of new Set(missing.map((m) => m.arch).filter(Boolean))) execFileSync('dpkg', ['--add-architecture', arch], { stdio: 'inherit' });
    try {
      execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    } catch {
      // One index out of sync on a mirror fails the whole update; the others are still fresh: go on, and
      // let the install say whether what is needed can be had.
      console.error('apt-get update reported errors (above); installing from the indexes it has.');
    }
    execFileSync('apt-get', ['install', '-y', '-qq', ...names], { stdio: 'inherit', env });
  } catch (e) {
    console.error(`\n*** apt-get could not install ${names.join(', ')}: ${e.message}\n*** ${why} cannot run without them.\n`);
    process.exit(1);
  }
  for (const m of missing) {
    if (!existsSync(m.file)) {
      console.error(`\n*** ${m.pkg} was installed but ${m.file} is missing.\n`);
      process.exit(1);
    }
  }
}
