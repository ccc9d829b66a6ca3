import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACTIVATIONS } from '../engine/activations.ts';
import { INIT_KINDS } from '../engine/init.ts';
import { INFERENCE_MODES } from '../engine/model.ts';
import { PLACEMENTS } from '../engine/spec.ts';
import { DATASETS, DEFAULT_CONFIG, type Config } from './config.ts';
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

  it('decodes any query string to a valid config plus notices, without throwing (10,000 runs)', () => {
    const key = fc.oneof(fc.constantFrom(...Object.keys(DEFAULT_CONFIG), 'preset', 'view', '__proto__', 'constructor'), fc.string());
    const value = fc.oneof(
      fc.string(),
      fc.constantFrom('NaN', 'Infinity', '-1', '1e308', '-0', '0x10', '<script>alert(1)</script>', 'none,none', ',,,', 'true', ''),
      fc.double().map(String),
      fc.string({ minLength: 5000, maxLength: 10_000 }),
    );
    const structured = fc.array(fc.tuple(key, value), { maxLength: 8 }).map((pairs) => new URLSearchParams(pairs).toString());
    fc.assert(
      fc.property(fc.oneof(fc.string(), structured), (query) => {
        const { config, notices } = configFromQuery(query);
        for (const [k, schema] of Object.entries(configSchema)) expect(schema.safeParse(config[k as keyof Config]).success).toBe(true);
        expect(config.trackLayer).toBeLessThanOrEqual(config.depth);
        expect(config.trackUnit).toBeLessThan(config.width);
        for (const n of notices) expect(typeof n.message).toBe('string');
      }),
      { numRuns: 10_000 },
    );
  });

  it('reads back exactly what it wrote, for any valid config (10,000 runs)', () => {
    const real = (min: number, max: number) => fc.double({ min, max, noNaN: true }).map((v) => v + 0);
    const valid: fc.Arbitrary<Config> = fc
      .record({
        dataset: fc.constantFrom(...DATASETS),
        standardize: fc.boolean(),
        depth: fc.integer({ min: 1, max: 6 }),
        width: fc.integer({ min: 8, max: 256 }),
        activation: fc.constantFrom(...ACTIVATIONS),
        init: fc.constantFrom(...INIT_KINDS),
        initSigma: real(1e-4, 10),
        variants: fc.shuffledSubarray([...PLACEMENTS], { minLength: 2, maxLength: 3 }),
        lr: real(1e-5, 100),
        momentum: real(0, 0.99),
        batchSize: fc.integer({ min: 1, max: 512 }),
        bnEps: real(1e-10, 1),
        bnMomentum: real(1e-4, 1),
        evalMode: fc.constantFrom(...INFERENCE_MODES),
        evalEvery: fc.integer({ min: 1, max: 100_000 }),
        evalBatchSize: fc.integer({ min: 1, max: 10_000 }),
        probeEvery: fc.integer({ min: 0, max: 10_000 }),
        inferEvery: fc.integer({ min: 0, max: 10_000 }),
        seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        trackLayer: fc.integer({ min: 1, max: 6 }),
        trackUnit: fc.integer({ min: 0, max: 255 }),
      })
      .map((c) => ({ ...c, trackLayer: Math.min(c.trackLayer, c.depth), trackUnit: Math.min(c.trackUnit, c.width - 1) }));
    fc.assert(
      fc.property(valid, (config) => {
        expect(configFromQuery(configToQuery(config))).toEqual({ config, notices: [] });
      }),
      { numRuns: 10_000 },
    );
  });
});
