import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACTIVATIONS, INFERENCE_MODES, INIT_KINDS, PLACEMENTS } from '../src/engine/index.ts';
import { DATASETS, DEFAULT_CONFIG, parseConfig, type Config } from '../src/config/index.ts';
import { findPreset, PRESETS } from '../src/experiment/index.ts';
import { readLink } from './linkStart.ts';
import { DEFAULT_LINK_UI } from './linkUi.ts';
import { queryFor, shareQuery } from './shareQuery.ts';
import { initialState } from './store/store.ts';

describe('queryFor', () => {
  it('omits defaults and keeps the view, the changed config and the parallel flag, after the link version', () => {
    expect(queryFor('story', DEFAULT_CONFIG, null)).toBe('');
    expect(queryFor('lab', DEFAULT_CONFIG, null)).toBe('?v=1&view=lab');
    expect(queryFor('lab', { ...DEFAULT_CONFIG, lr: 0.25 }, null)).toBe('?v=1&view=lab&lr=0.25');
    expect(queryFor('scaling', DEFAULT_CONFIG, null)).toBe('?v=1&view=scaling');
    expect(queryFor('chain', { ...DEFAULT_CONFIG, lr: 0.25 }, '1')).toBe('?v=1&view=chain&lr=0.25&parallel=1');
  });

  it('names the story when it carries settings, since a link with settings and no view opens the lab', () => {
    expect(queryFor('story', { ...DEFAULT_CONFIG, lr: 0.25 }, null)).toBe('?v=1&view=story&lr=0.25');
    expect(queryFor('story', DEFAULT_CONFIG, null, 'shift')).toBe('?v=1&view=story&section=shift');
  });

  it('carries presenter mode, the full-screen panel and the classroom flags', () => {
    expect(queryFor('story', DEFAULT_CONFIG, null, 'bias', { ...DEFAULT_LINK_UI, present: true, panel: 'bias', hide: ['nav', 'controls'] })).toBe(
      '?v=1&view=story&section=bias&present=1&panel=bias&hide=nav,controls',
    );
  });

  it('carries the embedding, the locks and the theme', () => {
    expect(queryFor('lab', DEFAULT_CONFIG, null, 'opening', { ...DEFAULT_LINK_UI, panel: 'curves', embed: true, lock: ['run', 'data'], theme: 'dark' })).toBe(
      '?v=1&view=lab&panel=curves&embed=1&lock=run,data&theme=dark',
    );
  });
});

describe('the share link', () => {
  const real = (min: number, max: number) => fc.double({ min, max, noNaN: true }).map((v) => v + 0);
  /** Any subset of fields, each set to any valid value. */
  const changes: fc.Arbitrary<Partial<Config>> = fc.record(
    {
      dataset: fc.constantFrom(...DATASETS),
      standardize: fc.boolean(),
      depth: fc.integer({ min: 1, max: 6 }),
      width: fc.integer({ min: 8, max: 256 }),
      activation: fc.constantFrom(...ACTIVATIONS),
      init: fc.constantFrom(...INIT_KINDS),
      initSigma: real(1e-4, 10),
      variants: fc.shuffledSubarray([...PLACEMENTS], { minLength: 2, maxLength: 4 }),
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
    },
    { requiredKeys: [] },
  );
  /** A preset (or the defaults) with a few fields changed, its tracked unit kept inside its network. */
  const configs: fc.Arbitrary<Config> = fc.tuple(fc.constantFrom(undefined, ...PRESETS), changes).map(([preset, changed]) => {
    const c = { ...parseConfig(preset?.config ?? {}).config, ...changed };
    return { ...c, trackLayer: Math.min(c.trackLayer, c.depth), trackUnit: Math.min(c.trackUnit, c.width - 1) };
  });
  const views = fc.constantFrom(...(['story', 'lab', 'chain', 'scaling'] as const));

  it('reads back to exactly the same config and view, from a preset with any fields changed (3,000 runs)', () => {
    fc.assert(
      fc.property(configs, views, (config, view) => {
        const query = shareQuery({ ...initialState(config), view }, null);
        const start = readLink(query);
        expect(start.config).toEqual(config);
        expect(start.view).toBe(view);
        expect(start.notices.filter((n) => n.kind === 'warning')).toEqual([]);
        expect(query.length).toBeLessThanOrEqual(queryFor(view, config, null).length);
      }),
      { numRuns: 3_000 },
    );
  });

  it('names a preset and only what differs from it', () => {
    const noisy = parseConfig(findPreset('noisy-bn')?.config ?? {}).config;
    expect(shareQuery({ ...initialState({ ...noisy, seed: 7 }), view: 'lab' }, null)).toBe('?v=1&view=lab&preset=noisy-bn&seed=7');
    expect(shareQuery({ ...initialState(), view: 'lab' }, null)).toBe('?v=1&view=lab');
  });

  it('for the class, leaves presenter mode out and keeps the rest of the page state', () => {
    const s = { ...initialState({ ...DEFAULT_CONFIG, seed: 3 }), view: 'story' as const, section: 'bias' as const, presenting: true, hidden: ['nav' as const] };
    expect(shareQuery(s, '0')).toBe('?v=1&view=story&section=bias&seed=3&present=1&hide=nav&parallel=0');
    expect(shareQuery(s, '0', true)).toBe('?v=1&view=story&section=bias&seed=3&hide=nav&parallel=0');
  });
});
