import { describe, expect, it } from 'vitest';
import { PRESETS } from '../experiment/presets.ts';
import { presetWatch, presetWhy } from './presetText.ts';

/** A measured-looking number typed into prose: a percentage, or a step count after "step". */
const TYPED = /\d\s?%|\bsteps? \d/;
/** The thresholds the claims are defined by (reaching 85% or 90% test accuracy) are definitions, not measurements. */
const THRESHOLDS = /\b(85|90)%/g;

describe('preset texts', () => {
  it('take every measured number from the claims: none is typed, and every reference fills', () => {
    for (const p of PRESETS) {
      for (const template of [p.watch, p.why]) {
        expect(template.replace(/\{[^}]*\}/g, '').replace(THRESHOLDS, ''), p.name).not.toMatch(TYPED);
      }
      expect(presetWatch(p)).not.toMatch(/[{}]/);
      expect(presetWhy(p)).not.toMatch(/[{}]/);
    }
  });
});
