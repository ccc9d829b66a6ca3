import { describe, expect, it } from 'vitest';
import { SECTIONS } from '../sections.ts';
import { demoConfig, demoPace, DEMOS } from './demoSpecs.ts';

describe('section demos', () => {
  it('each build a valid config from their preset, at the seed asked for', () => {
    for (const [id, spec] of Object.entries(DEMOS)) {
      expect(SECTIONS.map((s) => s.id)).toContain(id);
      const config = demoConfig(spec, 7);
      expect(config.seed).toBe(7);
      expect(config.variants.length).toBeGreaterThanOrEqual(2);
    }
  });
  it('run at a watchable pace: each takes 8 to 15 seconds', () => {
    for (const spec of Object.values(DEMOS)) {
      expect(spec.steps / demoPace(spec)).toBeGreaterThanOrEqual(8);
      expect(spec.steps / demoPace(spec)).toBeLessThanOrEqual(15);
    }
  });
  it('draw test accuracy often enough to show the first steps where a chart plots it', () => {
    expect(demoConfig(DEMOS.opening!, 1).evalEvery).toBe(25);
    expect(demoConfig(DEMOS.rates!, 1).lr).toBe(10);
  });
});
