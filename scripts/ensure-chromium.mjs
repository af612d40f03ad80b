#!/usr/bin/env node
// Makes sure the browser tests have a Chromium: $CHROMIUM_PATH, else /usr/bin/chromium, else Debian's
// `chromium` package installed with apt-get when running as root. Browser downloads (`npx playwright
// install`) are never used. Prints the path it found; exits 1 with one line saying what to run otherwise.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium'].filter(Boolean);
const found = () => candidates.find((p) => existsSync(p));

if (!found()) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = existsSync('/usr/bin/apt-get');
  if (isRoot && hasApt) {
    console.log('No Chromium found: installing Debian\'s chromium package with apt-get …');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    try {
      execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
      execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium', 'libvulkan1'], { stdio: 'inherit', env });
    } catch {
      // Fall through to the message below.
    }
  }
}

const path = found();
if (!path) {
  console.error('Chromium not found: run `sudo apt-get install -y chromium` (or set CHROMIUM_PATH to a Chromium binary) and try again.');
  process.exit(1);
}
console.log(`Browser tests use ${path}`);
