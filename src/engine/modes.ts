/** Which statistics BN normalizes with at evaluation time. */
export type InferenceMode = 'batch' | 'running' | 'population';

/** Every inference mode, in menu order. */
export const INFERENCE_MODES: readonly InferenceMode[] = ['batch', 'running', 'population'];

/**
 * How a forward pass treats BN: `train` uses batch statistics and updates the running averages (and draws
 * noisy BN's noise); `collect` uses batch statistics and adds them to a population pass; `probe` uses batch
 * statistics and applies noisy BN's current per-unit shift without drawing; the inference modes change
 * nothing and add no noise.
 */
export type ForwardMode = 'train' | 'collect' | 'probe' | InferenceMode;
