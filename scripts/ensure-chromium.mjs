#!/usr/bin/env node
// Makes sure Debian's Chromium is at /usr/bin/chromium for the e2e tests (Playwright's own download fails here).
// As root with apt-get it installs the package; elsewhere it says what to run and fails.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (existsSync(path)) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = existsSync('/usr/bin/apt-get');
if (!isRoot || !hasApt) {
  console.error(
    `e2e tests need Chromium at ${path}, and it is missing.\n` +
      (hasApt ? '  Install it with:  sudo apt-get install -y chromium\n' : '  Install Chromium with your package manager,\n') +
      '  or point CHROMIUM_PATH at an existing Chromium binary.',
  );
  process.exit(1);
}
console.log(`Chromium is missing at ${path}: installing Debian's chromium with apt-get…`);
try {
  execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', { stdio: 'inherit' });
} catch {
  console.error('apt-get could not install chromium; install it by hand: apt-get install -y chromium');
  process.exit(1);
}
if (!existsSync(path)) {
  console.error(`apt-get finished but ${path} is still missing.`);
  process.exit(1);
}
