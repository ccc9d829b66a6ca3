// The bn-paper MLP written in TensorFlow.js ops, holding the engine's initial weights: the same work.
import * as tf from '@tensorflow/tfjs-core';
import type { Model } from '../../src/engine/model.ts';
import { normBeforeActivation, normOf, type NormKind } from '../../src/engine/spec.ts';

/** A TF.js copy of an engine model (sigmoid MLP, optionally normalized before the activation) and its SGD step. */
export class TfMlp {
  private readonly weights: tf.Variable[] = [];
  private readonly biases: tf.Variable[] = [];
  private readonly gammas: (tf.Variable | null)[] = [];
  private readonly betas: (tf.Variable | null)[] = [];
  private readonly optimizer: tf.Optimizer;
  private readonly eps: number;
  private readonly norm: NormKind | null;

  constructor(model: Model, lr: number) {
    const { sizes } = model.spec;
    this.eps = model.spec.bnEps;
    this.norm = normOf(model.spec.placement);
    if (this.norm !== null && !normBeforeActivation(model.spec.placement)) throw new Error('the TF.js copy normalizes before the activation only');
    // Copies: TF.js keeps a reference to a typed array it is given, and the engine updates its arrays in place.
    model.denseLayers().forEach((d, l) => {
      this.weights.push(tf.variable(tf.tensor2d(Float32Array.from(d.W), [sizes[l], sizes[l + 1]])));
      this.biases.push(tf.variable(tf.tensor1d(Float32Array.from(d.b))));
      const bn = l < model.hidden.length ? (model.hidden[l].norm?.params ?? null) : null;
      this.gammas.push(bn ? tf.variable(tf.tensor1d(Float32Array.from(bn.gamma))) : null);
      this.betas.push(bn ? tf.variable(tf.tensor1d(Float32Array.from(bn.beta))) : null);
    });
    this.optimizer = tf.train.sgd(lr);
  }

  /** One SGD step on (x, oneHot); returns the loss before the update. */
  step(x: tf.Tensor2D, oneHot: tf.Tensor2D): number {
    const loss = this.optimizer.minimize(() => this.loss(x, oneHot), true) as tf.Scalar;
    const value = loss.dataSync()[0];
    loss.dispose();
    return value;
  }

  private loss(x: tf.Tensor2D, oneHot: tf.Tensor2D): tf.Scalar {
    let h: tf.Tensor2D = x;
    const last = this.weights.length - 1;
    for (let l = 0; l < last; l++) {
      let z = tf.add(tf.matMul(h, this.weights[l]), this.biases[l]) as tf.Tensor2D;
      const gamma = this.gammas[l];
      const beta = this.betas[l];
      if (gamma && beta) z = tf.add(tf.mul(this.normalize(z), gamma), beta) as tf.Tensor2D;
      h = tf.sigmoid(z);
    }
    const logits = tf.add(tf.matMul(h, this.weights[last]), this.biases[last]) as tf.Tensor2D;
    return tf.losses.softmaxCrossEntropy(oneHot, logits) as tf.Scalar;
  }

  /** x̂ of the engine's normalization: batch statistics with the biased variance (BN, ℓ2), ℓ1 or ℓ∞ scales, or per row (layer norm). */
  private normalize(z: tf.Tensor2D): tf.Tensor2D {
    if (this.norm === 'ln') {
      const { mean, variance } = tf.moments(z, 1, true);
      return tf.mul(tf.sub(z, mean), tf.rsqrt(tf.add(variance, this.eps)));
    }
    if (this.norm === 'l1' || this.norm === 'linf') {
      const c = tf.sub(z, tf.mean(z, 0));
      const scale = this.norm === 'l1' ? tf.mean(tf.abs(c), 0) : tf.max(tf.abs(c), 0);
      return tf.div(c, tf.add(scale, this.eps));
    }
    const { mean, variance } = tf.moments(z, 0);
    return tf.mul(tf.sub(z, mean), tf.rsqrt(tf.add(variance, this.eps)));
  }

  dispose(): void {
    for (const v of [...this.weights, ...this.biases, ...this.gammas, ...this.betas]) v?.dispose();
    this.optimizer.dispose();
  }
}
