/**
 * The deep linear chain of Goodfellow, Bengio & Courville (§8.7.1): one unit per layer, no
 * nonlinearity, ŷ = x·w1·w2·…·wl. A gradient step on all weights at once changes ŷ by far more (or
 * less) than its first-order prediction when the weights are large, because every weight's update
 * multiplies the others'.
 */

/** ŷ = x·∏ wᵢ. */
export function chainOutput(x: number, w: readonly number[]): number {
  let y = x;
  for (const wi of w) y *= wi;
  return y;
}

/** gᵢ = ∂ŷ/∂wᵢ = x·∏_{j≠i} wⱼ, by prefix and suffix products (no division, so a zero weight is fine). */
export function chainGradient(x: number, w: readonly number[]): number[] {
  const l = w.length;
  const suffix = new Array<number>(l + 1).fill(1);
  for (let i = l - 1; i >= 0; i--) suffix[i] = suffix[i + 1] * w[i];
  const g = new Array<number>(l);
  let prefix = x;
  for (let i = 0; i < l; i++) {
    g[i] = prefix * suffix[i + 1];
    prefix *= w[i];
  }
  return g;
}

/** One term of the expanded update: x·∏_{i∈S}(−ε·gᵢ)·∏_{j∉S} wⱼ for a set S of updated weights. */
export interface Term {
  /** The 0-based indices of the weights whose update appears in the term (|S| is its order in ε). */
  readonly subset: readonly number[];
  readonly value: number;
}

/** What one step w ← w − ε·g does to ŷ. */
export interface ChainStep {
  readonly gradient: readonly number[];
  readonly before: number;
  readonly after: number;
  /** The first-order prediction −ε·gᵀg. */
  readonly predicted: number;
  /** after − before. */
  readonly actual: number;
  /** Every term of order ≥ 2, largest magnitude first. */
  readonly higherOrder: readonly Term[];
}

/**
 * Expands x·∏(wᵢ − ε·gᵢ) into its 2ˡ terms, one per subset of weights. The empty subset is ŷ itself,
 * the singletons sum to −ε·gᵀg, and the rest are the higher-order terms. l ≤ 16 keeps this small.
 */
export function expandUpdate(x: number, w: readonly number[], g: readonly number[], eps: number): Term[] {
  const l = w.length;
  if (l > 16) throw new Error('The chain is limited to 16 layers.');
  const terms: Term[] = [];
  for (let mask = 1; mask < 1 << l; mask++) {
    let value = x;
    const subset: number[] = [];
    for (let i = 0; i < l; i++) {
      if (mask & (1 << i)) {
        value *= -eps * g[i];
        subset.push(i);
      } else value *= w[i];
    }
    terms.push({ subset, value });
  }
  return terms;
}

/** The effect of one gradient step on ŷ with all weights updated at once. */
export function chainStep(x: number, w: readonly number[], eps: number): ChainStep {
  const g = chainGradient(x, w);
  const before = chainOutput(x, w);
  const after = chainOutput(
    x,
    w.map((wi, i) => wi - eps * g[i]),
  );
  const predicted = -eps * g.reduce((s, gi) => s + gi * gi, 0);
  const higherOrder = expandUpdate(x, w, g, eps)
    .filter((t) => t.subset.length >= 2)
    .sort((a, b) => Math.abs(b.value) - Math.abs(a.value));
  return { gradient: g, before, after, predicted, actual: after - before, higherOrder };
}

/**
 * The chain with its last hidden value normalized over a batch whose inputs have mean 0 and standard
 * deviation 1 (x ~ N(0, 1), as in the book): h = x·w1⋯w_{l−1} has mean 0 and standard deviation
 * |w1⋯w_{l−1}|, so ĥ = sign(w1⋯w_{l−1})·x and ŷ = w_l·ĥ. The lower weights drop out of ŷ (their
 * gradients are 0), and the step's effect on ŷ is exactly first order: −ε·ĥ².
 */
export function normalizedChainStep(x: number, w: readonly number[], eps: number): ChainStep {
  const l = w.length;
  let lower = 1;
  for (let i = 0; i < l - 1; i++) lower *= w[i];
  const hHat = lower === 0 ? 0 : Math.sign(lower) * x;
  const g = w.map((_, i) => (i === l - 1 ? hHat : 0));
  const before = w[l - 1] * hHat;
  const after = (w[l - 1] - eps * hHat) * hHat;
  return { gradient: g, before, after, predicted: -eps * hHat * hHat, actual: after - before, higherOrder: [] };
}

/** The weight presets of the demo. */
export const CHAIN_PRESETS = {
  'all 0.5': () => 0.5,
  'all 1': () => 1,
  'all 1.5': () => 1.5,
  mixed: (i: number) => [1.5, 0.6, 1.2, 0.8, 1.4, 0.5, 1.1, 0.9, 1.3, 0.7][i % 10],
} as const satisfies Record<string, (i: number) => number>;

export type ChainPreset = keyof typeof CHAIN_PRESETS;

/** l weights from a preset. */
export function presetWeights(preset: ChainPreset, l: number): number[] {
  return Array.from({ length: l }, (_, i) => CHAIN_PRESETS[preset](i));
}

/** A symbolic name for a term, e.g. "ε²·g1·g2·w3·w4" (1-based, as in the book). */
export function termName(t: Term, l: number): string {
  const inS = new Set(t.subset);
  const k = t.subset.length;
  const eps = k === 1 ? 'ε' : `ε${superscript(k)}`;
  const factors = Array.from({ length: l }, (_, i) => (inS.has(i) ? `g${i + 1}` : `w${i + 1}`));
  const sign = k % 2 === 1 ? '−' : '';
  return `${sign}${eps}·x·${[...factors.filter((f) => f.startsWith('g')), ...factors.filter((f) => f.startsWith('w'))].join('·')}`;
}

/** A whole number in superscript digits (ε², ε¹⁰). */
export function superscript(n: number): string {
  const digits = '⁰¹²³⁴⁵⁶⁷⁸⁹';
  return String(n)
    .split('')
    .map((d) => digits[Number(d)])
    .join('');
}
