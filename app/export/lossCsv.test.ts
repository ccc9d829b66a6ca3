import { describe, expect, it } from 'vitest';
import { lossesCsv } from './lossCsv.ts';

describe('lossesCsv', () => {
  it('writes one row per step, numbers that read back bit for bit, and blanks for non-finite losses', () => {
    const losses = [2.302585092994046, 0.1 + 0.2, NaN, Infinity];
    const csv = lossesCsv(['plain', 'bn-before'], 2, losses);
    expect(csv).toBe('step,plain_loss,bn-before_loss\n1,2.302585092994046,0.30000000000000004\n2,,\n');
    const [, first] = csv.split('\n');
    expect(first.split(',').slice(1).map(Number)).toEqual(losses.slice(0, 2));
  });
});
