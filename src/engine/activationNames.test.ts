import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ACTIVATIONS, saturationOf } from './activationNames.ts';
import { activation } from './activations.ts';

describe('activation names', () => {
  it('give each activation record the saturation mark the page shows', () => {
    for (const name of ACTIVATIONS) expect(activation(name).saturation).toBe(saturationOf(name));
    expect(saturationOf('sigmoid')).toEqual({ kind: 'saturating', threshold: 4 });
    expect(saturationOf('tanh')).toEqual({ kind: 'saturating', threshold: 2 });
    expect(saturationOf('relu')).toEqual({ kind: 'dead' });
  });

  it('import nothing, so the page can read them without pulling in the WebAssembly kernels', () => {
    const source = readFileSync(new URL('./activationNames.ts', import.meta.url), 'utf8');
    expect(source).not.toMatch(/^\s*(import|export \* from|export \{[^}]*\} from)/m);
  });
});
