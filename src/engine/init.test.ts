import { describe, expect, it } from 'vitest';
import { initWeights, type InitSpec } from './init.ts';
import { Rng } from './rng.ts';

function stats(init: InitSpec, nIn: number, nOut: number) {
  const W = new Float64Array(nIn * nOut);
  initWeights(W, nIn, nOut, init, new Rng(1));
  const mean = W.reduce((a, v) => a + v, 0) / W.length;
  const variance = W.reduce((a, v) => a + (v - mean) ** 2, 0) / W.length;
  const maxAbs = W.reduce((a, v) => Math.max(a, Math.abs(v)), 0);
  return { mean, std: Math.sqrt(variance), maxAbs };
}

describe('initializers', () => {
  it('draws Gaussian weights with the configured σ', () => {
    const s = stats({ kind: 'gaussian', sigma: 0.3 }, 200, 100);
    expect(s.mean).toBeCloseTo(0, 2);
    expect(s.std).toBeCloseTo(0.3, 2);
  });

  it('scales LeCun normal by 1/√nIn and He normal by √(2/nIn)', () => {
    expect(stats({ kind: 'lecun' }, 400, 50).std).toBeCloseTo(Math.sqrt(1 / 400), 3);
    expect(stats({ kind: 'he' }, 400, 50).std).toBeCloseTo(Math.sqrt(2 / 400), 3);
  });

  it('draws Glorot uniform within ±√(6/(nIn+nOut)) with the uniform variance', () => {
    const limit = Math.sqrt(6 / 300);
    const s = stats({ kind: 'glorot' }, 200, 100);
    expect(s.maxAbs).toBeLessThanOrEqual(limit);
    expect(s.maxAbs).toBeGreaterThan(0.99 * limit);
    expect(s.std).toBeCloseTo(limit / Math.sqrt(3), 3);
  });
});
