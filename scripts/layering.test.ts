import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function ruleIds(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.map((m) => m.ruleId ?? m.message);
}

describe('the layering lint rule', () => {
  it('rejects React, the store, app/ and d3-selection imports in src/', async () => {
    for (const source of [
      "import React from 'react';",
      "import { create } from 'zustand';",
      "import { x } from '../../app/App.tsx';",
      "import { select } from 'd3-selection';",
    ]) {
      expect(await ruleIds(`${source}\nexport const y = 1;\n`, 'src/engine/example.ts')).toContain('no-restricted-imports');
    }
  });

  it('rejects DOM globals and Math.random in src/', async () => {
    expect(await ruleIds('export const w = document.body;\n', 'src/engine/example.ts')).toContain('no-restricted-globals');
    expect(await ruleIds('export const r = Math.random();\n', 'src/data/example.ts')).toContain('no-restricted-properties');
  });

  it('lets the worker entry use worker globals and app/ use React', async () => {
    expect(await ruleIds("self.postMessage('x');\n", 'src/worker/trainer.worker.ts')).toEqual([]);
    expect(await ruleIds("import { useState } from 'react';\nexport const f = useState;\n", 'app/Example.tsx')).toEqual([]);
  });

  it("refuses app/ imports that reach past a layer's index.ts into src/", async () => {
    for (const [source, file] of [
      ["import { parseConfig } from '../../src/config/schema.ts';", 'app/panels/Example.tsx'],
      ["import type { Placement } from '../src/engine/spec.ts';", 'app/Example.tsx'],
      ["import { wasmKernelsOn } from '../../src/engine/wasm/kernels.ts';", 'app/panels/Example.tsx'],
      ["export { SnapshotReader } from '../../../src/experiment/snapshotReader.ts';", 'app/story/views/Example.ts'],
      ["import { parseConfig } from '../../src/config';", 'app/panels/Example.tsx'],
    ]) {
      expect(await ruleIds(`${source}\nexport const y = 1;\n`, file)).toContain('no-restricted-imports');
    }
  });

  it("lets app/ import each layer's index.ts, and its own modules at any depth", async () => {
    for (const [source, file] of [
      ["import { parseConfig } from '../../src/config/index.ts';\nexport const y = parseConfig;", 'app/panels/Example.tsx'],
      ["import type { Placement } from '../src/engine/index.ts';\nexport type Y = Placement;", 'app/Example.tsx'],
      ["import { SnapshotReader } from '../../../src/experiment/index.ts';\nexport const y = SnapshotReader;", 'app/story/views/Example.ts'],
      ["import { SECTION_VIEWS } from './views/index.ts';\nexport const y = SECTION_VIEWS;", 'app/story/Example.tsx'],
      ["import { notify } from '../store/store.ts';\nexport const y = notify;", 'app/panels/Example.tsx'],
    ]) {
      expect(await ruleIds(`${source}\n`, file)).toEqual([]);
    }
  });
});
