import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from './config.ts';
import { configSchema, describeRange, parseConfig, quote } from './schema.ts';

describe('config schema', () => {
  it('fills missing fields with defaults and keeps valid ones', () => {
    const { config, notices } = parseConfig({ lr: 0.1, variants: ['before', 'after'], depth: 2 });
    expect(notices).toEqual([]);
    expect(config).toEqual({ ...DEFAULT_CONFIG, lr: 0.1, variants: ['before', 'after'], depth: 2, trackLayer: 2 });
  });

  it('replaces each bad field by its default with a notice that names it', () => {
    const { config, notices } = parseConfig({ lr: -1, batchSize: 0.5, variants: ['none', 'none'], activation: 'swish', bogus: 1 });
    expect(config.lr).toBe(DEFAULT_CONFIG.lr);
    expect(config.batchSize).toBe(DEFAULT_CONFIG.batchSize);
    expect(config.variants).toEqual(DEFAULT_CONFIG.variants);
    expect(config.activation).toBe(DEFAULT_CONFIG.activation);
    expect(notices.map((n) => n.field)).toEqual(['lr', 'batchSize', 'variants', 'activation', 'bogus']);
    expect(notices[0].message).toMatch(/^lr: -1 is not valid/);
  });

  it('moves a tracked layer or unit that the model does not have, saying so when it was asked for', () => {
    const explicit = parseConfig({ depth: 2, width: 8, trackLayer: 5, trackUnit: 30 });
    expect([explicit.config.trackLayer, explicit.config.trackUnit]).toEqual([2, 0]);
    expect(explicit.notices.map((n) => n.field)).toEqual(['trackLayer', 'trackUnit']);
  });

  it('always yields a valid config, whatever it is given', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...Object.keys(configSchema), 'x'), fc.anything()), (input) => {
        const { config } = parseConfig(input);
        for (const [key, schema] of Object.entries(configSchema)) {
          expect(schema.safeParse(config[key as keyof typeof config]).success).toBe(true);
        }
        expect(config.trackLayer).toBeLessThanOrEqual(config.depth);
        expect(config.trackUnit).toBeLessThan(config.width);
      }),
      { numRuns: 120 },
    );
    expect(parseConfig(null).notices).toHaveLength(1);
    expect(parseConfig([1, 2]).config).toEqual(DEFAULT_CONFIG);
  });

  it('describes every range for the docs', () => {
    expect(describeRange('batchSize')).toBe('integer in [1, 512]');
    expect(describeRange('variants')).toBe(
      '2–4 distinct of none, before, after, noisy, ln-before, ln-after, l1-before, l1-after, l2-before, l2-after, linf-before, linf-after',
    );
    expect(describeRange('evalMode')).toBe('one of batch, running, population');
  });
});

describe('notices about long values', () => {
  it('quote at most 40 characters of what was given, with its length', () => {
    const { notices } = parseConfig({ activation: 'x'.repeat(10_000), ['k'.repeat(500)]: 1 });
    expect(notices).toHaveLength(2);
    for (const n of notices) expect(n.message.length).toBeLessThan(200);
    expect(notices[0].message).toContain('(10002 characters)');
    expect(quote('short')).toBe('"short"');
  });
});
