import { describe, expect, it } from 'vitest';
import { fitText, textWidth, xTickCount } from './fitText.ts';

describe('fitting chart text', () => {
  it('estimates a line’s width from its length and font size', () => {
    expect(textWidth('abcde', 20)).toBe(60);
  });
  it('takes the longest option that fits, or the shortest', () => {
    expect(fitText(['a long title here', 'short'], 10, 200)).toBe('a long title here');
    expect(fitText(['a long title here', 'short'], 10, 50)).toBe('short');
    expect(fitText(['a long title here', 'short'], 10, 5)).toBe('short');
  });
  it('measures a block of lines by its widest', () => {
    expect(fitText([['one long line of text'], ['two', 'lines']], 10, 100)).toEqual(['two', 'lines']);
  });
});

describe('xTickCount', () => {
  it('gives a narrow axis two ticks and a wide one five', () => {
    expect(xTickCount(145)).toBe(2);
    expect(xTickCount(280)).toBe(4);
    expect(xTickCount(900)).toBe(5);
  });
});
