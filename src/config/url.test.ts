import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from './config.ts';
import { configSchema } from './schema.ts';
import { configFromQuery, configToQuery } from './url.ts';

describe('config in the URL', () => {
  it('writes only what differs from the defaults and reads it back', () => {
    const config = { ...DEFAULT_CONFIG, lr: 0.05, variants: ['none', 'before', 'after'] as const, standardize: true, seed: 42 };
    const query = configToQuery({ ...config, variants: [...config.variants] });
    expect(query).toBe('standardize=true&variants=none%2Cbefore%2Cafter&lr=0.05&seed=42');
    expect(configFromQuery(query)).toEqual({ config: { ...config, variants: ['none', 'before', 'after'] }, notices: [] });
    expect(configToQuery(DEFAULT_CONFIG)).toBe('');
  });

  it('turns bad values into defaults with a notice naming each', () => {
    const { config, notices } = configFromQuery('?lr=abc&batchSize=9999&activation=swish&standardize=maybe&zoom=2&preset=bn-paper', ['preset']);
    expect(config).toEqual(DEFAULT_CONFIG);
    expect(notices.map((n) => n.field)).toEqual(['lr', 'batchSize', 'activation', 'standardize', 'zoom']);
  });

  it('never fails, whatever the query string', () => {
    fc.assert(
      fc.property(fc.string(), (query) => {
        const { config } = configFromQuery(query);
        for (const [key, schema] of Object.entries(configSchema)) expect(schema.safeParse(config[key as keyof typeof config]).success).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
