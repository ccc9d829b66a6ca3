import { describe, expect, it } from 'vitest';
import { preferredTheme } from './theme.ts';

describe('preferredTheme', () => {
  it("keeps the reader's stored choice over the system's", () => {
    expect(preferredTheme('light', true)).toBe('light');
    expect(preferredTheme('dark', false)).toBe('dark');
  });

  it('follows the system when nothing (or something unreadable) is stored', () => {
    expect(preferredTheme(null, true)).toBe('dark');
    expect(preferredTheme(null, false)).toBe('light');
    expect(preferredTheme('sepia', true)).toBe('dark');
    expect(preferredTheme('', false)).toBe('light');
  });
});
