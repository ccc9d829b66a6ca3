import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../config/config.ts';
import { parseConfig } from '../config/schema.ts';
import { configToQuery } from '../config/url.ts';
import { compactConfigQuery, presetBase } from './presetQuery.ts';
import { findPreset, PRESETS } from './presets.ts';

const presetConfig = (name: string) => parseConfig(findPreset(name)?.config ?? {}).config;

describe('the compact share query', () => {
  it('is empty for the defaults, and the defaults are the bn-paper preset, so that preset needs no name', () => {
    expect(compactConfigQuery(DEFAULT_CONFIG)).toBe('');
    expect(compactConfigQuery(presetConfig('bn-paper'))).toBe('');
  });

  it('names a preset alone when the config is that preset, unless its changes from the defaults are shorter', () => {
    expect(compactConfigQuery(presetConfig('noisy-bn'))).toBe('preset=noisy-bn');
    expect(compactConfigQuery(presetConfig('scales'))).toBe('preset=scales');
    expect(compactConfigQuery(presetConfig('high-lr'))).toBe('lr=10');
    for (const p of PRESETS) expect(compactConfigQuery(presetConfig(p.name)).length, p.name).toBeLessThanOrEqual(`preset=${p.name}`.length);
  });

  it('adds only the fields that differ from the preset', () => {
    expect(compactConfigQuery({ ...presetConfig('tiny-batch'), seed: 7, lr: 0.1 })).toBe('preset=tiny-batch&lr=0.1&seed=7');
  });

  it('keeps the defaults form when a preset would make the link longer', () => {
    expect(compactConfigQuery({ ...DEFAULT_CONFIG, seed: 7 })).toBe('seed=7');
    expect(compactConfigQuery({ ...DEFAULT_CONFIG, dataset: 'blobs' })).toBe('dataset=blobs');
  });

  it('picks the preset that gives the shortest link, never longer than the defaults form', () => {
    // tiny-batch-ln and relu-before-vs-after share ReLU, He init and momentum 0.9: the nearer one wins.
    const config = { ...presetConfig('tiny-batch-ln'), batchSize: 60, lr: 0.05, variants: ['none', 'before', 'after'] as const };
    expect(compactConfigQuery(config)).toBe('preset=relu-before-vs-after');
    for (const p of PRESETS) {
      const c = { ...presetConfig(p.name), seed: 42 };
      expect(compactConfigQuery(c).length).toBeLessThanOrEqual(configToQuery(c).length);
    }
  });

  it('measures a preset against the defaults under its fields, as the link reader spreads them', () => {
    const scales = findPreset('scales');
    expect(scales).toBeDefined();
    if (scales) expect(presetBase(scales)).toEqual({ ...DEFAULT_CONFIG, ...scales.config });
  });
});
