/** The chain layer's surface for app/: the ŷ = x·w1·w2·w3 example's presets, forward pass, gradient and steps. */
export { CHAIN_PRESETS, chainGradient, chainOutput, chainStep, normalizedChainStep, presetWeights, superscript, termName, type ChainPreset } from './chain.ts';
