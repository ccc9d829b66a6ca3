import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../config/schema.ts';
import { configSchema, describeRange } from '../config/schema.ts';
import { PRESETS } from './presets.ts';

describe('presets', () => {
  it('are valid configs, uniquely named, each saying what to watch and why', () => {
    expect(new Set(PRESETS.map((p) => p.name)).size).toBe(PRESETS.length);
    expect(PRESETS.map((p) => p.name)).toEqual([
      'bn-paper',
      'high-lr',
      'tiny-batch',
      'relu-before-vs-after',
      'noisy-bn',
      'tiny-batch-ln',
      'lp-norms',
      'scales',
    ]);
    for (const p of PRESETS) {
      expect(parseConfig(p.config).notices, p.name).toEqual([]);
      expect(p.watch.length).toBeGreaterThan(20);
      expect(p.why.length).toBeGreaterThan(80);
    }
  });

  it('match the BN paper setup in bn-paper', () => {
    const { config } = parseConfig(PRESETS[0].config);
    expect([config.depth, config.width, config.activation, config.batchSize, config.init]).toEqual([3, 100, 'sigmoid', 60, 'gaussian']);
    expect(config.variants).toEqual(['none', 'before']);
  });
});

describe('the README', () => {
  it('documents every config field with its range', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    for (const field of Object.keys(configSchema) as (keyof typeof configSchema)[]) {
      const row = readme.split('\n').find((line) => line.startsWith(`| \`${field}\` |`));
      expect(row, field).toBeDefined();
      expect(row).toContain(describeRange(field));
    }
  });
});
