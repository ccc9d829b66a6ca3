import { describe, expect, it } from 'vitest';
import { placePopover } from './placePopover.ts';

const viewport = { width: 390, height: 844 };

describe('placePopover', () => {
  it('opens below the term, aligned with its left edge', () => {
    expect(placePopover({ left: 40, top: 100, width: 80, height: 20 }, { width: 300, height: 120 }, viewport)).toEqual({ left: 40, top: 126 });
  });

  it('moves left to stay on a phone screen, but never past its left margin', () => {
    expect(placePopover({ left: 300, top: 100, width: 60, height: 20 }, { width: 300, height: 120 }, viewport).left).toBe(390 - 8 - 300);
    expect(placePopover({ left: 300, top: 100, width: 60, height: 20 }, { width: 500, height: 120 }, viewport).left).toBe(8);
  });

  it('opens above the term near the bottom of the screen', () => {
    expect(placePopover({ left: 40, top: 780, width: 80, height: 20 }, { width: 300, height: 120 }, viewport).top).toBe(780 - 6 - 120);
    // No room above either: below, where the page can scroll to it.
    expect(placePopover({ left: 40, top: 60, width: 80, height: 20 }, { width: 300, height: 800 }, viewport).top).toBe(86);
  });
});
