import { describe, expect, it } from 'vitest';
import { PLACEMENTS } from '../../src/engine/index.ts';
import { SECTIONS } from '../story/sections.ts';
import { flipPlacements, neighbourSlide, SLIDES, slideIndex, VARIANT_LAYOUTS } from './deck.ts';

describe('the talk', () => {
  it('runs through every story section, then the lab', () => {
    expect(SLIDES.map((s) => s.section)).toEqual([...SECTIONS.map((s) => s.id), null]);
    expect(SLIDES.at(-1)?.view).toBe('lab');
    expect(slideIndex('story', 'transform')).toBe(3);
    expect(slideIndex('lab', 'transform')).toBe(SLIDES.length - 1);
    expect(slideIndex('scaling', 'limits')).toBe(1);
    expect(slideIndex('chain', 'scaling')).toBe(2);
    expect(slideIndex('scenarios', 'bias')).toBe(SLIDES.length - 1);
  });

  it('steps forward and back, and stops at either end', () => {
    expect(neighbourSlide('story', 'opening', -1)).toBeNull();
    expect(neighbourSlide('story', 'scaling', 1)?.section).toBe('shift');
    expect(neighbourSlide('story', 'evidence', 1)?.view).toBe('lab');
    expect(neighbourSlide('lab', 'scaling', -1)?.section).toBe('evidence');
    expect(neighbourSlide('lab', 'scaling', 1)).toBeNull();
  });
});

describe('presenter variant keys', () => {
  it('B moves every normalization across its activation and back, and keeps the variants distinct', () => {
    expect(flipPlacements(['none', 'before'])).toEqual(['none', 'after']);
    expect(flipPlacements(['none', 'before', 'after', 'noisy'])).toEqual(['none', 'after', 'before', 'noisy']);
    expect(flipPlacements(['ln-before', 'l1-after'])).toEqual(['ln-after', 'l1-before']);
    for (const p of PLACEMENTS) {
      expect(PLACEMENTS).toContain(flipPlacements([p])[0]);
      expect(flipPlacements(flipPlacements([p]))).toEqual([p]);
    }
    expect(new Set(flipPlacements([...PLACEMENTS])).size).toBe(PLACEMENTS.length);
  });

  it('1, 2 and 3 pick two, three and four variants, each starting from the plain network', () => {
    expect(VARIANT_LAYOUTS.map((l) => l.length)).toEqual([2, 3, 4]);
    for (const l of VARIANT_LAYOUTS) expect(l[0]).toBe('none');
  });
});
