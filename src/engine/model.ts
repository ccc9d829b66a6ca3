import { activation, type Activation } from './activations.ts';
import { createDense, denseBackward, denseForward, type DenseParams } from './dense.ts';
import { assertNever, type FloatArray } from './floatArray.ts';
import { initWeights } from './init.ts';
import { meanSquaredError, softmaxCrossEntropy } from './loss.ts';
import type { ForwardMode } from './modes.ts';
import { applyBnNoise, applyUnitShift, bnNoiseBackward, createUnitNoise, drawBnNoise, type UnitNoise } from './noisyBn.ts';
import { createNormalization, type Normalization } from './normLayer.ts';
import { Rng } from './rng.ts';
import type { ParamRef } from './sgd.ts';
import { normBeforeActivation, normOf, validateModelSpec, type ModelSpec } from './spec.ts';
import { createWorkspace, type Workspace } from './workspace.ts';

export { INFERENCE_MODES, type ForwardMode, type InferenceMode } from './modes.ts';

/** One hidden layer's parameters: its dense part and, with a placement, its normalization. */
export interface HiddenLayer {
  readonly dense: DenseParams;
  /** The normalization (batch norm, ℓp batch norm or layer norm, by `norm.kind`), or null for none. */
  readonly norm: Normalization | null;
  /** Noisy BN's per-unit noise of the current step, or null. */
  readonly noise: UnitNoise | null;
}

/** An MLP built from a ModelSpec: parameters, plus one workspace of buffers per batch size. */
export class Model {
  readonly spec: ModelSpec;
  readonly hidden: readonly HiddenLayer[];
  readonly output: DenseParams;
  readonly activation: Activation;
  /** hidden[l].norm for every hidden layer: what this model's workspaces are made for. */
  private readonly norms: readonly (Normalization | null)[];
  private readonly workspaces = new Map<number, Workspace>();
  private readonly paramList: readonly ParamRef[];
  /** Where noisy BN's noise comes from (its own generator, so that it never shifts the weights or batches). */
  private readonly noiseRng: Rng;
  /** Keep the last noise instead of drawing new noise (finite-difference checks hold it fixed). */
  freezeNoise = false;

  /**
   * Builds the model and draws every dense layer's weights from `rng`, first layer first. Noisy BN draws
   * its noise from `noiseRng`.
   */
  constructor(spec: ModelSpec, rng: Rng, noiseRng: Rng = new Rng(0)) {
    validateModelSpec(spec);
    this.spec = spec;
    this.activation = activation(spec.activation);
    const { sizes, dtype } = spec;
    const hidden: HiddenLayer[] = [];
    const kind = normOf(spec.placement);
    for (let l = 1; l < sizes.length - 1; l++) {
      const dense = createDense(dtype, sizes[l - 1], sizes[l]);
      initWeights(dense.W, dense.nIn, dense.nOut, spec.init, rng);
      const norm = kind === null ? null : createNormalization(kind, dtype, sizes[l], spec.bnEps, spec.bnMomentum);
      hidden.push({ dense, norm, noise: spec.placement === 'noisy' ? createUnitNoise(sizes[l]) : null });
    }
    this.hidden = hidden;
    this.norms = hidden.map((h) => h.norm);
    this.output = createDense(dtype, sizes[sizes.length - 2], sizes[sizes.length - 1]);
    initWeights(this.output.W, this.output.nIn, this.output.nOut, spec.init, rng);
    this.paramList = listParams(hidden, this.output);
    this.noiseRng = noiseRng;
  }

  /** Input width. */
  get nIn(): number {
    return this.spec.sizes[0];
  }

  /** Output width (classes for softmax). */
  get nOut(): number {
    return this.spec.sizes[this.spec.sizes.length - 1];
  }

  /** Every learned parameter with its gradient, in layer order: W, b, (γ, β) per layer, then the output W, b. */
  params(): readonly ParamRef[] {
    return this.paramList;
  }

  /** The dense layers in order, the output layer last. */
  denseLayers(): DenseParams[] {
    return [...this.hidden.map((h) => h.dense), this.output];
  }

  /** The shared workspace for batches of up to batchSize rows, allocated on first use and kept. */
  workspace(batchSize: number): Workspace {
    let ws = this.workspaces.get(batchSize);
    if (ws === undefined) {
      ws = this.createWorkspace(batchSize);
      this.workspaces.set(batchSize, ws);
    }
    return ws;
  }

  /** A new private workspace, for a pass whose caches must not overwrite the shared one's (forward only unless forTraining). */
  createWorkspace(batchSize: number, forTraining = true): Workspace {
    return createWorkspace(this.spec.dtype, this.spec.sizes, this.spec.placement, this.norms, batchSize, forTraining);
  }

  /**
   * Forward pass of x: [rows, nIn] → logits: [rows, nOut] (ws.logits), filling every layer cache.
   * With hiddenOnly the output layer is skipped (probes only read the hidden layers).
   */
  forward(ws: Workspace, x: FloatArray, mode: ForwardMode, rows = ws.batchSize, hiddenOnly = false): FloatArray {
    if (rows > ws.batchSize || rows < 1) throw new Error(`rows ${rows} outside 1..${ws.batchSize}`);
    if (x.length < rows * this.nIn) throw new Error(`input holds ${x.length} values, fewer than ${rows} rows × ${this.nIn}`);
    this.checkWorkspace(ws);
    if (mode === 'population' && this.norms.some((n) => n !== null && !n.hasPopulation)) {
      throw new Error('population statistics have not been computed: run a population pass first');
    }
    ws.rows = rows;
    ws.usedBatchStats = mode === 'train' || mode === 'collect' || mode === 'probe' || mode === 'batch';
    ws.usedNoise = mode === 'train';
    const act = this.activation;
    let input = x;
    const before = normBeforeActivation(this.spec.placement);
    for (let l = 0; l < this.hidden.length; l++) {
      const { dense, noise } = this.hidden[l];
      const c = ws.layers[l];
      const count = rows * dense.nOut;
      denseForward(dense, input, c.z, rows, l === 0 ? ws.sparse : null);
      if (c.norm === null || c.bnOut === null) {
        act.forward(c.z, c.act, count);
      } else if (before) {
        c.norm.forward(c.z, c.bnOut, rows, mode);
        if (noise !== null && mode === 'train' && c.noise !== null) {
          if (!this.freezeNoise) drawBnNoise(noise, c.noise, this.noiseRng, rows);
          applyBnNoise(c.noise, c.bnOut, rows, dense.nOut);
        } else if (noise !== null && mode === 'probe') {
          applyUnitShift(noise, c.bnOut, rows);
        }
        act.forward(c.bnOut, c.act, count);
      } else {
        act.forward(c.z, c.act, count);
        c.norm.forward(c.act, c.bnOut, rows, mode);
      }
      input = c.out;
    }
    if (hiddenOnly) return ws.logits;
    denseForward(this.output, input, ws.logits, rows, this.hidden.length === 0 ? ws.sparse : null);
    return ws.logits;
  }

  /** The loss of the last forward pass against target (labels for softmax, values for MSE); fills ws.gradLogits. */
  loss(ws: Workspace, target: ArrayLike<number>, withGrad = true): number {
    const grad = withGrad && ws.forTraining ? ws.gradLogits : null;
    const loss = this.spec.loss;
    switch (loss) {
      case 'softmax-ce':
        return softmaxCrossEntropy(ws.logits, target, grad, ws.rows, this.nOut);
      case 'mse':
        return meanSquaredError(ws.logits, target, grad, ws.rows, this.nOut);
      default:
        return assertNever(loss, 'loss');
    }
  }

  /** Backward pass from ws.gradLogits through every layer: fills every parameter gradient and layer gradient cache. */
  backward(ws: Workspace, x: FloatArray): void {
    if (!ws.forTraining) throw new Error('backward needs a training workspace (this one is forward-only)');
    this.checkWorkspace(ws);
    const rows = ws.rows;
    const act = this.activation;
    const last = this.hidden.length - 1;
    denseBackward(
      this.output,
      last >= 0 ? ws.layers[last].out : x,
      ws.gradLogits,
      last >= 0 ? ws.layers[last].gradOut : null,
      rows,
      last >= 0 ? null : ws.sparse,
    );
    const before = normBeforeActivation(this.spec.placement);
    for (let l = last; l >= 0; l--) {
      const { dense } = this.hidden[l];
      const c = ws.layers[l];
      const count = rows * dense.nOut;
      if (c.norm === null || c.bnOut === null) {
        act.backward(c.z, c.act, c.gradOut, c.gradZ, count);
      } else if (before) {
        act.backward(c.bnOut, c.act, c.gradOut, c.gradActIn, count);
        // Noise added in training scales the gradient by s (a constant); other passes added none.
        if (c.noise !== null && ws.usedNoise) bnNoiseBackward(c.noise, c.gradActIn, rows, dense.nOut);
        c.norm.backward(c.gradActIn, c.gradZ, rows, ws.usedBatchStats);
      } else {
        c.norm.backward(c.gradOut, c.gradAct, rows, ws.usedBatchStats);
        act.backward(c.z, c.act, c.gradAct, c.gradZ, count);
      }
      const input = l > 0 ? ws.layers[l - 1].out : x;
      denseBackward(dense, input, c.gradZ, l > 0 ? ws.layers[l - 1].gradOut : null, rows, l === 0 ? ws.sparse : null);
    }
  }

  /** Starts a population pass (BN paper, Alg. 2): feed training batches to forward(…, 'collect'), then end it. */
  beginPopulation(): void {
    for (const n of this.norms) n?.beginPopulation();
  }

  /** Ends the population pass: population statistics become available to forward(…, 'population'). */
  endPopulation(): void {
    for (const n of this.norms) n?.endPopulation();
  }

  /** Copies every parameter and BN statistic from a model of the same spec. */
  copyFrom(other: Model): void {
    const mine = this.params();
    const theirs = other.params();
    if (mine.length !== theirs.length) throw new Error('copyFrom: models differ in structure');
    mine.forEach((p, i) => p.value.set(theirs[i].value));
    this.norms.forEach((n, l) => {
      const src = other.norms[l];
      if (n !== null && src !== null) n.copyStatisticsFrom(src);
    });
  }

  /** Throws unless ws was made by this model (another model's would normalize with that model's γ and β). */
  private checkWorkspace(ws: Workspace): void {
    if (ws.norms !== this.norms) throw new Error("workspace belongs to another model: make one with this model's workspace() or createWorkspace()");
  }
}

function listParams(hidden: readonly HiddenLayer[], output: DenseParams): ParamRef[] {
  const list: ParamRef[] = [];
  hidden.forEach(({ dense, norm }, l) => {
    list.push({ name: `hidden${l + 1}.W`, value: dense.W, grad: dense.gradW });
    list.push({ name: `hidden${l + 1}.b`, value: dense.b, grad: dense.gradB });
    if (norm !== null) {
      const { gamma, gradGamma, beta, gradBeta } = norm.params;
      list.push({ name: `hidden${l + 1}.gamma`, value: gamma, grad: gradGamma });
      list.push({ name: `hidden${l + 1}.beta`, value: beta, grad: gradBeta });
    }
  });
  list.push({ name: 'output.W', value: output.W, grad: output.gradW });
  list.push({ name: 'output.b', value: output.b, grad: output.gradB });
  return list;
}
