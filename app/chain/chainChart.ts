import { chainGradient, chainOutput, normalizedChainStep } from '../../src/chain/index.ts';

/** Predicted and actual change of ŷ at each ε of a log-spaced sweep. */
export interface ChangeSweep {
  readonly eps: Float64Array;
  readonly predicted: Float64Array;
  readonly actual: Float64Array;
}

/** Sweeps ε over [lo, hi] (log-spaced, n points) for the chain, plain or normalized. */
export function sweepChange(x: number, w: readonly number[], normalize: boolean, lo: number, hi: number, n = 121): ChangeSweep {
  const eps = new Float64Array(n);
  const predicted = new Float64Array(n);
  const actual = new Float64Array(n);
  // The gradient does not depend on ε; each point needs only the updated product, not the expansion.
  const g = chainGradient(x, w);
  const gg = g.reduce((s, gi) => s + gi * gi, 0);
  const before = chainOutput(x, w);
  for (let i = 0; i < n; i++) {
    eps[i] = lo * (hi / lo) ** (i / (n - 1));
    if (normalize) {
      const s = normalizedChainStep(x, w, eps[i]);
      predicted[i] = s.predicted;
      actual[i] = s.actual;
    } else {
      predicted[i] = -eps[i] * gg;
      actual[i] =
        chainOutput(
          x,
          w.map((wi, j) => wi - eps[i] * g[j]),
        ) - before;
    }
  }
  return { eps, predicted, actual };
}

/**
 * Ticks for a symmetric-log axis: 0 and ±10^k for the decades between the linear zone (|v| < c) and
 * the largest magnitude, thinned to at most `max` per side.
 */
export function symlogTicks(maxAbs: number, c: number, max = 4): number[] {
  if (!(maxAbs > 0) || !Number.isFinite(maxAbs)) return [0];
  // Decades inside the linear zone would crowd the 0 tick.
  const lo = Math.ceil(Math.log10(Math.max(10 * c, 1e-300)));
  const hi = Math.floor(Math.log10(maxAbs));
  const decades: number[] = [];
  for (let k = lo; k <= hi; k++) decades.push(k);
  const stride = Math.max(1, Math.ceil(decades.length / max));
  const kept = decades.filter((_, i) => (decades.length - 1 - i) % stride === 0).map((k) => 10 ** k);
  return [...kept.map((v) => -v).reverse(), 0, ...kept];
}

/** A tick of the symmetric-log axis (0 or ±10^k) as short text: 0.01, 100, 1e6, with a real minus sign. */
export function formatDecade(v: number): string {
  if (v === 0) return '0';
  const k = Math.round(Math.log10(Math.abs(v)));
  const body = k >= -3 && k <= 4 ? String(10 ** k >= 1 ? 10 ** k : Number((10 ** k).toPrecision(1))) : `1e${k < 0 ? '−' : ''}${Math.abs(k)}`;
  return v < 0 ? `−${body}` : body;
}

/** A signed change as text, with e-notation for very large or small magnitudes. */
export function formatChange(v: number): string {
  if (!Number.isFinite(v)) return '—';
  if (v === 0) return '0';
  const a = Math.abs(v);
  const text = a >= 1e5 || a < 1e-3 ? v.toExponential(2) : v.toPrecision(3);
  return text.replace(/-/g, '−').replace('e+', 'e');
}
