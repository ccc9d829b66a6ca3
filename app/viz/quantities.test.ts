import { describe, expect, it } from 'vitest';
import { hasSplitQuantities, quantityCells, quantityKeys, quantityLabel } from './quantities.ts';

describe('quantity cells', () => {
  it('give one chart where z is the nonlinearity’s input and two, z first, where a normalization sits between', () => {
    const cells = quantityCells(['none', 'before', 'after', 'ln-before']);
    expect(cells.map((c) => `${c.placement}:${c.quantity}`)).toEqual(['none:both', 'before:z', 'before:actIn', 'after:both', 'ln-before:z', 'ln-before:actIn']);
    expect(quantityCells(['none', 'before'], 'z').map((c) => c.quantity)).toEqual(['both', 'z']);
    expect(quantityCells(['none', 'noisy'], 'actIn').map((c) => c.quantity)).toEqual(['both', 'actIn']);
    expect(hasSplitQuantities(['none', 'after'])).toBe(false);
    expect(hasSplitQuantities(['none', 'l2-before'])).toBe(true);
  });

  it('label each quantity in plain words, naming the normalization and the nonlinearity', () => {
    expect(quantityLabel({ placement: 'before', quantity: 'z' }, 'sigmoid')).toBe('z = xW + b (before BN)');
    expect(quantityLabel({ placement: 'before', quantity: 'actIn' }, 'sigmoid')).toBe('into the sigmoid (after BN)');
    expect(quantityLabel({ placement: 'noisy', quantity: 'actIn' }, 'relu')).toBe('into the ReLU (after BN and noise)');
    expect(quantityLabel({ placement: 'ln-before', quantity: 'z' }, 'tanh')).toBe('z = xW + b (before layer norm)');
    expect(quantityLabel({ placement: 'none', quantity: 'both' }, 'sigmoid')).toBe('z = xW + b = sigmoid input');
    expect(quantityLabel({ placement: 'after', quantity: 'both' }, 'relu')).toBe('z = xW + b = ReLU input');
    expect(['z', 'actIn', 'both'].map((quantity) => quantityLabel({ placement: 'before', quantity: quantity as 'z' }, 'relu', true))).toEqual([
      'z, before BN',
      'ReLU input, after BN',
      'z = ReLU input',
    ]);
  });

  it('read z’s percentiles for z and the nonlinearity input’s for the others', () => {
    expect(quantityKeys('z').layer).toEqual(['zP15', 'zP50', 'zP85']);
    expect(quantityKeys('both').unit).toEqual(['unitP15', 'unitP50', 'unitP85']);
  });
});
