import { describe, expect, it } from 'vitest';
import { neighbour, parseSection, SECTIONS, sectionNumber } from './sections.ts';

describe('story sections', () => {
  it('read a known id from the link, and fall back to the opening with a notice', () => {
    expect(parseSection('bias')).toEqual({ section: 'bias', notice: null });
    expect(parseSection(null)).toEqual({ section: 'opening', notice: null });
    expect(parseSection('<b>x</b>').section).toBe('opening');
    expect(parseSection('x'.repeat(500)).notice?.length).toBeLessThan(120);
  });

  it('keep the ids that older links name', () => {
    for (const id of ['scaling', 'shift', 'transform', 'bias', 'inference', 'rates', 'smoothness', 'limits']) expect(parseSection(id).notice).toBeNull();
  });

  it('step forward and back, stopping at either end', () => {
    expect(neighbour('opening', -1)).toBeNull();
    expect(neighbour('opening', 1)).toBe('scaling');
    expect(neighbour(SECTIONS[SECTIONS.length - 1].id, 1)).toBeNull();
    expect(sectionNumber('opening')).toBe(1);
  });
});
