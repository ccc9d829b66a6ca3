/**
 * The engine's surface for app/: names, menus and plain facts only. It re-exports light modules, never
 * the kernels (activations.ts, model.ts, wasm/), so the page bundle does not carry the WebAssembly binary.
 */
export { PLACEMENTS, normBeforeActivation, normOf, type NormKind, type Placement } from './spec.ts';
/** What each nonlinearity, initialization and inference mode is called, in menu order. */
export { ACTIVATIONS, saturationOf, type ActivationName } from './activationNames.ts';
export { INIT_KINDS } from './init.ts';
export { INFERENCE_MODES } from './modes.ts';
/** The seeded PRNG (the fuzzing monkey draws from it). */
export { Rng } from './rng.ts';
