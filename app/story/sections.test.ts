import { describe, expect, it } from 'vitest';
import { neighbour, parseSection, SECTIONS } from './sections.ts';

describe('story sections', () => {
  it('read a known id from the link, and fall back to the first with a notice', () => {
    expect(parseSection('bias')).toEqual({ section: 'bias', notice: null });
    expect(parseSection(null)).toEqual({ section: 'scaling', notice: null });
    expect(parseSection('<b>x</b>').section).toBe('scaling');
    expect(parseSection('x'.repeat(500)).notice?.length).toBeLessThan(120);
  });

  it('step forward and back, stopping at either end', () => {
    expect(neighbour('scaling', -1)).toBeNull();
    expect(neighbour('scaling', 1)).toBe('shift');
    expect(neighbour(SECTIONS[SECTIONS.length - 1].id, 1)).toBeNull();
  });
});
