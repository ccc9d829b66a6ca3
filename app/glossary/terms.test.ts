import { describe, expect, it } from 'vitest';
import { TERMS } from './terms.ts';

describe('the glossary', () => {
  it('defines every term the issue lists', () => {
    const terms = Object.values(TERMS).map((t) => t.term);
    for (const t of [
      'internal covariate shift',
      'batch norm',
      'μ_B',
      'σ²_B',
      'ε',
      'γ',
      'β',
      'x̂',
      'running averages',
      'population statistics',
      'batch statistics',
      'momentum (of the running averages)',
      '‖G − G′‖',
      'cos(G, G′)',
      'effective β-smoothness',
      'loss range along the gradient',
      '15th–85th percentile band',
      'median',
      'saturated (sigmoid)',
      'heat strip',
      'LeCun initialization',
      'Glorot initialization',
      'He initialization',
      'init σ',
      'learning rate',
      'steps to 90 %',
      'standard error',
      'layer norm',
      'ℓ1 / ℓ∞ batch norm',
      'noisy BN',
    ]) {
      expect(terms).toContain(t);
    }
  });

  it('says each in one plain sentence first, and anything precise after', () => {
    for (const [id, t] of Object.entries(TERMS)) {
      expect(t.plain, id).toMatch(/^[A-Zμσεγβxℓ‖(].*[.!?]$/u);
      // One sentence: no full stop followed by a new sentence inside it.
      expect(t.plain.slice(0, -1), id).not.toMatch(/[.!?] [A-Z]/);
      expect(t.plain.length, id).toBeLessThan(200);
      if ('more' in t) expect(t.more, id).toMatch(/[.!?)]$/);
    }
  });
});
