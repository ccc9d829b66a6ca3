import { exp, tanh } from './detMath.ts';
import type { FloatArray } from './floatArray.ts';
import { saturationOf, type ActivationName, type Saturation } from './activationNames.ts';
import { wasmKernelsOn, wasmSigmoid } from './wasm/kernels.ts';

export { ACTIVATIONS, saturationOf, type ActivationName, type Saturation } from './activationNames.ts';

/**
 * An activation: the scalar function and its derivative, plus array kernels over n values.
 * `backward` receives both the input x and output y so each rule uses whichever is cheaper.
 */
export interface Activation {
  readonly name: ActivationName;
  /** f(x). */
  f(x: number): number;
  /** f'(x). */
  df(x: number): number;
  /** y[i] = f(x[i]) for i < n. */
  forward(x: FloatArray, y: FloatArray, n: number): void;
  /** gradX[i] = gradY[i] · f'(x[i]) for i < n, given y = f(x). */
  backward(x: FloatArray, y: FloatArray, gradY: FloatArray, gradX: FloatArray, n: number): void;
  /** Where the unit is saturated or dead, for the probes: |x| beyond which sigmoid/tanh barely move. */
  readonly saturation: Saturation;
}

function sigmoid(x: number): number {
  // Split by sign so exp never overflows.
  if (x >= 0) return 1 / (1 + exp(-x));
  const e = exp(x);
  return e / (1 + e);
}

const sigmoidActivation: Activation = {
  name: 'sigmoid',
  f: sigmoid,
  df(x) {
    const s = sigmoid(x);
    return s * (1 - s);
  },
  forward(x, y, n) {
    if (wasmKernelsOn() && x instanceof Float32Array && y instanceof Float32Array) wasmSigmoid(x, y, n);
    else for (let i = 0; i < n; i++) y[i] = sigmoid(x[i]);
  },
  backward(_x, y, gradY, gradX, n) {
    for (let i = 0; i < n; i++) {
      const s = y[i];
      gradX[i] = gradY[i] * s * (1 - s);
    }
  },
  saturation: saturationOf('sigmoid'),
};

const tanhActivation: Activation = {
  name: 'tanh',
  f: tanh,
  df(x) {
    const t = tanh(x);
    return 1 - t * t;
  },
  forward(x, y, n) {
    for (let i = 0; i < n; i++) y[i] = tanh(x[i]);
  },
  backward(_x, y, gradY, gradX, n) {
    for (let i = 0; i < n; i++) {
      const t = y[i];
      gradX[i] = gradY[i] * (1 - t * t);
    }
  },
  saturation: saturationOf('tanh'),
};

const reluActivation: Activation = {
  name: 'relu',
  f: (x) => (x > 0 ? x : 0),
  df: (x) => (x > 0 ? 1 : 0),
  forward(x, y, n) {
    for (let i = 0; i < n; i++) {
      const v = x[i];
      y[i] = v > 0 ? v : 0;
    }
  },
  backward(x, _y, gradY, gradX, n) {
    for (let i = 0; i < n; i++) gradX[i] = x[i] > 0 ? gradY[i] : 0;
  },
  saturation: saturationOf('relu'),
};

const linearActivation: Activation = {
  name: 'linear',
  f: (x) => x,
  df: () => 1,
  forward(x, y, n) {
    for (let i = 0; i < n; i++) y[i] = x[i];
  },
  backward(_x, _y, gradY, gradX, n) {
    for (let i = 0; i < n; i++) gradX[i] = gradY[i];
  },
  saturation: saturationOf('linear'),
};

const BY_NAME: Record<ActivationName, Activation> = {
  sigmoid: sigmoidActivation,
  tanh: tanhActivation,
  relu: reluActivation,
  linear: linearActivation,
};

/** The activation record for a name. */
export function activation(name: ActivationName): Activation {
  return BY_NAME[name];
}
