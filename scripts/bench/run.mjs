#!/usr/bin/env node
// Bundles the benchmark with esbuild and runs it in one Node process. A bundle, because TensorFlow.js's
// ES modules import without file extensions, which Node cannot resolve; resolving "module" first also
// keeps one copy of tfjs-core, so the gradients registered by register_all_gradients are the ones used.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const outfile = join(mkdtempSync(join(tmpdir(), 'shift-lab-bench-')), 'bench.mjs');
await build({
  entryPoints: ['scripts/bench/bench.ts'],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  mainFields: ['module', 'main'],
  outfile,
  logLevel: 'warning',
  // The emscripten loader inside tfjs-backend-wasm expects CommonJS globals.
  banner: {
    js: [
      "import { createRequire as __cr } from 'node:module';",
      "import { fileURLToPath as __fu } from 'node:url';",
      "import { dirname as __dn } from 'node:path';",
      'const require = __cr(import.meta.url);',
      'const __filename = __fu(import.meta.url);',
      'const __dirname = __dn(__filename);',
    ].join(' '),
  },
});
const result = spawnSync(process.execPath, [outfile, ...process.argv.slice(2)], { stdio: 'inherit', env: { ...process.env, SHIFT_LAB_ROOT: process.cwd() } });
process.exit(result.status ?? 1);
