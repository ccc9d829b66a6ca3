/** The engine's public surface: an MLP with optional batch norm, its kernels, loss, optimizer and RNG. */
export * from './activations.ts';
export * from './batchnorm.ts';
export * from './dense.ts';
export * from './floatArray.ts';
export * from './gradcheck.ts';
export * from './init.ts';
export * from './loss.ts';
export * from './model.ts';
export * from './normLayer.ts';
export * from './rng.ts';
export * from './sgd.ts';
export * from './spec.ts';
export * from './train.ts';
export * from './workspace.ts';
