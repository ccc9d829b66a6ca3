import { DEFAULT_LINK_UI } from './linkUi.ts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../src/config/index.ts';
import { readLink } from './linkStart.ts';

const texts = (query: string) => readLink(query).notices.map((n) => n.text);

describe('a page opened from a link', () => {
  it('quotes an unknown 100,000-character preset in 40 characters, as every other parameter', () => {
    const { config, notices } = readLink(`?preset=${'x'.repeat(100_000)}`);
    expect(config).toEqual(DEFAULT_CONFIG);
    expect(notices).toEqual([{ text: `Unknown preset "${'x'.repeat(40)}…" in the link; using the defaults.`, kind: 'warning' }]);
  });

  it('says what it ignored and what it uses when the tracked layer or unit is not valid', () => {
    for (const bad of ['abc', '0', '7', '1.5', '-1', '']) {
      const start = readLink(`?trackLayer=${bad}`);
      expect(start.config.trackLayer).toBe(DEFAULT_CONFIG.trackLayer);
      expect(texts(`?trackLayer=${bad}`)).toEqual([expect.stringMatching(/^Link: trackLayer: .* is not valid .*; using 3$/)]);
    }
    expect(texts('?trackUnit=256')).toEqual([expect.stringMatching(/^Link: trackUnit: 256 is not valid .*; using 0$/)]);
  });

  it('says so when the tracked layer or unit is moved into the network', () => {
    const start = readLink('?trackLayer=5&trackUnit=120');
    expect([start.config.trackLayer, start.config.trackUnit]).toEqual([3, 0]);
    expect(texts('?trackLayer=5&trackUnit=120')).toEqual([
      'Link: trackLayer 5 exceeds depth 3; tracking layer 3',
      'Link: trackUnit 120 exceeds width 100; tracking unit 0',
    ]);
  });

  it('tracks what the link asks for in the model the link builds, with no notice', () => {
    const start = readLink('?depth=6&width=200&trackLayer=5&trackUnit=150');
    expect([start.config.trackLayer, start.config.trackUnit]).toEqual([5, 150]);
    expect(start.notices).toEqual([]);
  });

  it('takes the last value of every repeated parameter, config or not, with a notice', () => {
    const query =
      '?view=lab&present=0&lr=0.1&preset=nothing&panel=drift&hide=nav&area=1&section=bias&view=chain&present=1&lr=0.2&preset=relu-before-vs-after&panel=curves&hide=controls&area=10&section=shift';
    const start = readLink(query);
    expect(start.view).toBe('chain');
    expect(start.section).toBe('shift');
    expect(start.ui).toEqual({ ...DEFAULT_LINK_UI, present: true, panel: 'curves', hide: ['controls'] });
    expect(start.config.lr).toBe(0.2);
    expect(start.config.momentum).toBe(0.9);
    expect(start.scaling.areaUnit).toBe(10);
    const repeats = texts(query).filter((t) => t.includes('is given 2 times'));
    expect(repeats).toHaveLength(8);
    expect(repeats).toContain('Link: "preset" is given 2 times; using the last value, "relu-before-vs-after".');
  });

  it('uses every tracked layer and unit a link gives, or names it in a notice (2,000 links)', () => {
    const value = fc.oneof(fc.integer({ min: -3, max: 300 }).map(String), fc.string({ maxLength: 6 }), fc.constantFrom('1e2', '2.5', 'NaN', ''));
    const link = fc.record({
      depth: fc.option(fc.integer({ min: 1, max: 6 })),
      width: fc.option(fc.integer({ min: 8, max: 256 })),
      trackLayer: value,
      trackUnit: value,
      preset: fc.option(fc.constantFrom('bn-paper', 'scales')),
    });
    fc.assert(
      fc.property(link, (l) => {
        const pairs = Object.entries(l).filter(([, v]) => v !== null) as [string, string][];
        const query = new URLSearchParams(pairs.map(([k, v]) => [k, String(v)])).toString();
        const start = readLink(query);
        const said = start.notices.map((n) => n.text).join('\n');
        const used = (text: string, value: number) => text.trim() !== '' && Number(text) === value;
        if (!used(l.trackLayer, start.config.trackLayer)) expect(said).toMatch(/trackLayer/);
        if (!used(l.trackUnit, start.config.trackUnit)) expect(said).toMatch(/trackUnit/);
      }),
      { numRuns: 2000 },
    );
  });
});
