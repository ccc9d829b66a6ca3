import type { FloatArray } from './floatArray.ts';
import type { Rng } from './rng.ts';

/** How a dense layer's weights are drawn. Biases always start at 0. */
export type InitSpec = { kind: 'gaussian'; sigma: number } | { kind: 'lecun' } | { kind: 'glorot' } | { kind: 'he' };

/** Every initializer kind, in menu order. */
export const INIT_KINDS: readonly InitSpec['kind'][] = ['gaussian', 'lecun', 'glorot', 'he'];

/** Fills W: [nIn, nOut] from the initializer, drawing from `rng` in row-major order. */
export function initWeights(W: FloatArray, nIn: number, nOut: number, init: InitSpec, rng: Rng): void {
  const n = nIn * nOut;
  switch (init.kind) {
    case 'gaussian':
      fillNormal(W, n, init.sigma, rng);
      return;
    case 'lecun':
      // Var = 1/nIn keeps the pre-activation variance ≈ the input's (LeCun et al., 1998).
      fillNormal(W, n, Math.sqrt(1 / nIn), rng);
      return;
    case 'he':
      // Var = 2/nIn compensates for ReLU zeroing half its inputs (He et al., 2015).
      fillNormal(W, n, Math.sqrt(2 / nIn), rng);
      return;
    case 'glorot': {
      // U(−l, l) with l = √(6/(nIn+nOut)) balances forward and backward variance (Glorot & Bengio, 2010).
      const limit = Math.sqrt(6 / (nIn + nOut));
      for (let i = 0; i < n; i++) W[i] = rng.range(-limit, limit);
      return;
    }
    default: {
      const never: never = init;
      throw new Error(`unknown initializer: ${JSON.stringify(never)}`);
    }
  }
}

function fillNormal(W: FloatArray, n: number, sigma: number, rng: Rng): void {
  for (let i = 0; i < n; i++) W[i] = sigma * rng.normal();
}
