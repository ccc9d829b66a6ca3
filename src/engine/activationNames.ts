/**
 * What each nonlinearity is called and where it saturates: plain facts, apart from the kernels in
 * activations.ts, so the page can import them without pulling the WebAssembly kernels into its bundle.
 */

/** The nonlinearities a hidden layer can use. */
export type ActivationName = 'sigmoid' | 'tanh' | 'relu' | 'linear';

/** Every activation name, in menu order. */
export const ACTIVATIONS: readonly ActivationName[] = ['sigmoid', 'tanh', 'relu', 'linear'];

/** Where a unit is saturated or dead, for the probes: |x| beyond which sigmoid/tanh barely move. */
export type Saturation = { kind: 'saturating'; threshold: number } | { kind: 'dead' } | { kind: 'none' };

const SATURATION: Record<ActivationName, Saturation> = {
  // sigmoid'(x) < 0.05·sigmoid'(0) beyond |x| ≈ 4.36; 4 is the customary "saturated" mark (σ' < 0.018).
  sigmoid: { kind: 'saturating', threshold: 4 },
  // tanh'(x) < 0.07 beyond |x| = 2, matching sigmoid's mark at 4 (tanh(x) = 2·sigmoid(2x) − 1).
  tanh: { kind: 'saturating', threshold: 2 },
  relu: { kind: 'dead' },
  linear: { kind: 'none' },
};

/** Where the named activation saturates (or dies). */
export function saturationOf(name: ActivationName): Saturation {
  return SATURATION[name];
}
