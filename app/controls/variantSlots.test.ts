import { describe, expect, it } from 'vitest';
import { PLACEMENTS } from '../../src/engine/index.ts';
import { nextUnused, PLACEMENT_GROUPS, replaceSlot } from './variantSlots.ts';

describe('variant slots', () => {
  it('offer every placement exactly once in the grouped menu', () => {
    const listed = PLACEMENT_GROUPS.flatMap((g) => g.placements);
    expect([...listed].sort()).toEqual([...PLACEMENTS].sort());
  });

  it('set one slot, swapping when the placement sat in another, so variants stay distinct', () => {
    expect(replaceSlot(['none', 'before'], 1, 'ln-before')).toEqual(['none', 'ln-before']);
    expect(replaceSlot(['none', 'before', 'l1-after'], 0, 'l1-after')).toEqual(['l1-after', 'before', 'none']);
    expect(replaceSlot(['none', 'before'], 0, 'none')).toEqual(['none', 'before']);
  });

  it('add the first placement no slot holds', () => {
    expect(nextUnused(['none', 'before'], PLACEMENTS)).toBe('after');
    expect(nextUnused(['after', 'none'], PLACEMENTS)).toBe('before');
    expect(() => nextUnused(PLACEMENTS, PLACEMENTS)).toThrow(/every placement/);
  });
});
