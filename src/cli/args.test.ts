import { describe, expect, it } from 'vitest';
import { PRESETS } from '../experiment/presets.ts';
import { parseArgs, USAGE, UsageError } from './args.ts';

describe('parseArgs', () => {
  it('lists every preset of the preset table in --help', () => {
    const presetHelp = USAGE.slice(USAGE.indexOf('\n  --preset NAME'), USAGE.indexOf('\n  --config FILE'));
    const listed = presetHelp
      .replace(/^[^:]*:/, '')
      .split(/[\s,]+/)
      .filter(Boolean);
    expect(listed).toEqual(PRESETS.map((p) => p.name));
  });

  it('keeps the flag descriptions within 110 columns', () => {
    for (const line of USAGE.split('\n').slice(1)) expect(line.length).toBeLessThanOrEqual(110);
  });

  it('computes in float32 unless --dtype says float64, with or without --sweep', () => {
    expect(parseArgs([]).dtype).toBe('float32');
    expect(parseArgs(['--dtype', 'float32']).dtype).toBe('float32');
    expect(parseArgs(['--dtype', 'float64', '--trace', 'run.json']).dtype).toBe('float64');
    expect(parseArgs(['--sweep', '--dtype', 'float64']).dtype).toBe('float64');
  });

  it('rejects any other --dtype with a usage error naming the flag and the value', () => {
    expect(() => parseArgs(['--dtype', 'float16'])).toThrow(new UsageError('--dtype: "float16" is not float32 or float64'));
    expect(() => parseArgs(['--dtype', 'Float64'])).toThrow(UsageError);
    expect(() => parseArgs(['--dtype'])).toThrow(new UsageError('--dtype needs a value'));
    expect(() => parseArgs(['--dtype', '--json'])).toThrow(new UsageError('--dtype needs a value'));
  });
});
