/**
 * A seed for one purpose derived from the experiment's seed: 1 the batch stream, 2 the probe rows, 3 noisy
 * BN's noise, 4 the inference probe's test rows, runId + 7 a "new seed" reset. Each purpose gets its own generator, so none shifts another.
 */
export function deriveSeed(seed: number, purpose: number): number {
  return (Math.imul(seed ^ 0x5bd1e995, 0x9e3779b1) + purpose * 0x85ebca6b) >>> 0;
}
