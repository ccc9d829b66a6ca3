import type { RunTrace, TraceLayer } from '../experiment/trace.ts';

/*
 * An independent re-implementation of the traced network, in plain Float64 arrays of rows, written from
 * the trace format's description alone (README: Run traces). It shares no code with the engine.
 */
type Matrix = number[][];

const matmul = (a: Matrix, W: number[], nOut: number, b: number[]): Matrix =>
  a.map((row) => b.map((bj, j) => row.reduce((s, v, k) => s + v * W[k * nOut + j], bj)));
const sigmoid = (v: number) => 1 / (1 + Math.exp(-v));
const act = (name: string) =>
  ({
    sigmoid: { f: sigmoid, df: (v: number) => sigmoid(v) * (1 - sigmoid(v)) },
    tanh: { f: Math.tanh, df: (v: number) => 1 - Math.tanh(v) ** 2 },
    relu: { f: (v: number) => Math.max(v, 0), df: (v: number) => (v > 0 ? 1 : 0) },
    linear: { f: (v: number) => v, df: () => 1 },
  })[name]!;

interface BnCache {
  xhat: Matrix;
  invStd: number[];
}
/** What a normalization's backward needs, and how its running statistics move (null: it keeps none). */
interface NormCache {
  xhat: Matrix;
  denom: number[];
  kind: string;
}

function bnForward(x: Matrix, gamma: number[], beta: number[], eps: number): { y: Matrix; cache: BnCache; mean: number[]; variance: number[] } {
  const m = x.length;
  const mean = gamma.map((_, j) => x.reduce((s, r) => s + r[j], 0) / m);
  const variance = gamma.map((_, j) => x.reduce((s, r) => s + (r[j] - mean[j]) ** 2, 0) / m);
  const invStd = variance.map((v) => 1 / Math.sqrt(v + eps));
  const xhat = x.map((r) => r.map((v, j) => (v - mean[j]) * invStd[j]));
  return { y: xhat.map((r) => r.map((v, j) => gamma[j] * v + beta[j])), cache: { xhat, invStd }, mean, variance };
}

function bnBackward(dy: Matrix, gamma: number[], { xhat, invStd }: BnCache) {
  const m = dy.length;
  const dBeta = gamma.map((_, j) => dy.reduce((s, r) => s + r[j], 0));
  const dGamma = gamma.map((_, j) => dy.reduce((s, r, i) => s + r[j] * xhat[i][j], 0));
  const dx = dy.map((r, i) => r.map((g, j) => (gamma[j] * invStd[j] * (m * g - dBeta[j] - xhat[i][j] * dGamma[j])) / m));
  return { dx, dGamma, dBeta };
}

/**
 * Normalizations other than BN, from the README's definitions. Layer norm: per row, over the units, with the
 * biased variance. ℓp batch norm: per unit, over the batch, c = x − μ_B divided by d = mean|c| + ε (ℓ1),
 * √(mean c² + ε) (ℓ2) or max|c| + ε (ℓ∞); its running "var" follows the scale d was made from, not unbiased.
 */
function lnForward(x: Matrix, gamma: number[], beta: number[], eps: number) {
  const n = gamma.length;
  const rows = x.map((r) => {
    const mean = r.reduce((s, v) => s + v, 0) / n;
    const variance = r.reduce((s, v) => s + (v - mean) ** 2, 0) / n;
    const d = Math.sqrt(variance + eps);
    return { xhat: r.map((v) => (v - mean) / d), d };
  });
  const xhat = rows.map((r) => r.xhat);
  return { y: xhat.map((r) => r.map((v, j) => gamma[j] * v + beta[j])), cache: { xhat, denom: rows.map((r) => r.d), kind: 'ln' } };
}

function lnBackward(dy: Matrix, gamma: number[], { xhat, denom }: NormCache) {
  const n = gamma.length;
  const dBeta = gamma.map((_, j) => dy.reduce((s, r) => s + r[j], 0));
  const dGamma = gamma.map((_, j) => dy.reduce((s, r, i) => s + r[j] * xhat[i][j], 0));
  const dx = dy.map((r, i) => {
    const g = r.map((v, j) => v * gamma[j]);
    const sumG = g.reduce((s, v) => s + v, 0);
    const sumGX = g.reduce((s, v, j) => s + v * xhat[i][j], 0);
    return g.map((v, j) => (n * v - sumG - xhat[i][j] * sumGX) / (n * denom[i]));
  });
  return { dx, dGamma, dBeta };
}

function lpForward(p: 'l1' | 'l2' | 'linf', x: Matrix, gamma: number[], beta: number[], eps: number) {
  const m = x.length;
  const mean = gamma.map((_, j) => x.reduce((s, r) => s + r[j], 0) / m);
  const c = x.map((r) => r.map((v, j) => v - mean[j]));
  const scale = gamma.map((_, j) => {
    const col = c.map((r) => Math.abs(r[j]));
    if (p === 'l1') return col.reduce((s, v) => s + v, 0) / m;
    if (p === 'l2') return Math.sqrt(col.reduce((s, v) => s + v * v, 0) / m);
    return Math.max(...col);
  });
  const denom = scale.map((s) => (p === 'l2' ? Math.sqrt(s * s + eps) : s + eps));
  const xhat = c.map((r) => r.map((v, j) => v / denom[j]));
  return { y: xhat.map((r) => r.map((v, j) => gamma[j] * v + beta[j])), cache: { xhat, denom, kind: p }, mean, scale };
}

function lpBackward(dy: Matrix, gamma: number[], { xhat, denom, kind }: NormCache) {
  const m = dy.length;
  const dBeta = gamma.map((_, j) => dy.reduce((s, r) => s + r[j], 0));
  const dGamma = gamma.map((_, j) => dy.reduce((s, r, i) => s + r[j] * xhat[i][j], 0));
  const dx = dy.map((r) => r.map(() => 0));
  gamma.forEach((gj, j) => {
    // d = f(c); ∂L/∂c_i = (ĝ_i − ∂d/∂c_i · Σ_k ĝ_k x̂_k) / d, then ∂L/∂x removes the mean (through μ).
    const dot = dy.reduce((s, r, i) => s + gj * r[j] * xhat[i][j], 0);
    let top = 0;
    for (let i = 1; i < m; i++) if (Math.abs(xhat[i][j]) > Math.abs(xhat[top][j])) top = i;
    const dd = (i: number) => (kind === 'l1' ? Math.sign(xhat[i][j]) / m : kind === 'l2' ? xhat[i][j] / m : i === top ? Math.sign(xhat[i][j]) : 0);
    const dc = dy.map((r, i) => (gj * r[j] - dd(i) * dot) / denom[j]);
    const meanDc = dc.reduce((s, v) => s + v, 0) / m;
    dc.forEach((v, i) => (dx[i][j] = v - meanDc));
  });
  return { dx, dGamma, dBeta };
}

/** Replays one variant of a trace from its initial parameters: each step's loss, the final parameters and running statistics. */
export function replayTrace(trace: RunTrace, v: RunTrace['variants'][number]) {
  const { sizes, activation, lr, momentum, bnEps, bnMomentum } = trace;
  const a = act(activation);
  const layers: TraceLayer[] = structuredClone(v.initial);
  const velocity = layers.map((p) => ({ W: p.W.map(() => 0), b: p.b.map(() => 0), gamma: p.gamma?.map(() => 0), beta: p.beta?.map(() => 0) }));
  // Where the normalization sits: `before`/`after` are batch norm's, `ln-before`, `l1-after`… the others'.
  const before = v.norm !== null && (v.placement === 'before' || v.placement.endsWith('-before'));
  const after = v.norm !== null && (v.placement === 'after' || v.placement.endsWith('-after'));
  const running = layers.slice(0, -1).map((p) => (p.gamma && v.norm !== 'ln' ? { mean: p.b.map(() => 0), var: p.b.map(() => 1) } : null));
  const losses: number[] = [];
  for (const batch of trace.batches.slice(0, v.losses.length)) {
    const m = batch.y.length;
    const x: Matrix = Array.from({ length: m }, (_, i) => batch.x.slice(i * sizes[0], (i + 1) * sizes[0]));
    const inputs: Matrix[] = [];
    const caches: { z: Matrix; pre: Matrix; bn: BnCache | NormCache | null }[] = [];
    let h = x;
    layers.slice(0, -1).forEach((p, l) => {
      inputs.push(h);
      const z = matmul(h, p.W, sizes[l + 1], p.b);
      let out: Matrix;
      let pre = z;
      let bn: BnCache | NormCache | null = null;
      const norm = (t: Matrix) => {
        if (v.norm === 'ln') {
          const r = lnForward(t, p.gamma!, p.beta!, bnEps);
          bn = r.cache;
          return r.y;
        }
        const run = running[l]!;
        if (v.norm === 'l1' || v.norm === 'l2' || v.norm === 'linf') {
          const r = lpForward(v.norm, t, p.gamma!, p.beta!, bnEps);
          run.mean = run.mean.map((old, j) => (1 - bnMomentum) * old + bnMomentum * r.mean[j]);
          run.var = run.var.map((old, j) => (1 - bnMomentum) * old + bnMomentum * r.scale[j]);
          bn = r.cache;
          return r.y;
        }
        const r = bnForward(t, p.gamma!, p.beta!, bnEps);
        run.mean = run.mean.map((old, j) => (1 - bnMomentum) * old + bnMomentum * r.mean[j]);
        run.var = run.var.map((old, j) => (1 - bnMomentum) * old + (bnMomentum * r.variance[j] * m) / (m - 1));
        bn = r.cache;
        return r.y;
      };
      if (before) {
        pre = norm(z);
        out = pre.map((r) => r.map(a.f));
      } else if (after) {
        out = norm(z.map((r) => r.map(a.f)));
      } else {
        out = z.map((r) => r.map(a.f));
      }
      caches.push({ z, pre, bn });
      h = out;
    });
    inputs.push(h);
    const last = layers[layers.length - 1];
    const logits = matmul(h, last.W, sizes[sizes.length - 1], last.b);
    let loss = 0;
    let grad: Matrix = logits.map((row, i) => {
      const max = Math.max(...row);
      const sum = row.reduce((s, z) => s + Math.exp(z - max), 0);
      loss += max + Math.log(sum) - row[batch.y[i]];
      return row.map((z, j) => (Math.exp(z - max) / sum - (j === batch.y[i] ? 1 : 0)) / m);
    });
    losses.push(loss / m);
    // Backward, last layer first; then SGD with momentum (v ← μv + g; p ← p − lr·v).
    for (let l = layers.length - 1; l >= 0; l--) {
      const p = layers[l];
      const nOut = sizes[l + 1];
      if (l < layers.length - 1) {
        const c = caches[l];
        let g = grad;
        let dGamma: number[] | null = null;
        let dBeta: number[] | null = null;
        const normBackward = (dy: Matrix) => {
          const cache = c.bn!;
          if ('kind' in cache) return cache.kind === 'ln' ? lnBackward(dy, p.gamma!, cache) : lpBackward(dy, p.gamma!, cache);
          return bnBackward(dy, p.gamma!, cache);
        };
        if (after) {
          const r = normBackward(g);
          [g, dGamma, dBeta] = [r.dx, r.dGamma, r.dBeta];
          g = g.map((row, i) => row.map((d, j) => d * a.df(c.z[i][j])));
        } else if (before) {
          g = g.map((row, i) => row.map((d, j) => d * a.df(c.pre[i][j])));
          const r = normBackward(g);
          [g, dGamma, dBeta] = [r.dx, r.dGamma, r.dBeta];
        } else {
          g = g.map((row, i) => row.map((d, j) => d * a.df(c.z[i][j])));
        }
        grad = g;
        if (dGamma && dBeta) {
          p.gamma = p.gamma!.map((w, j) => w - lr * (velocity[l].gamma![j] = momentum * velocity[l].gamma![j] + dGamma![j]));
          p.beta = p.beta!.map((w, j) => w - lr * (velocity[l].beta![j] = momentum * velocity[l].beta![j] + dBeta![j]));
        }
      }
      const input = inputs[l];
      const dW = p.W.map((_, idx) => input.reduce((s, row, i) => s + row[Math.floor(idx / nOut)] * grad[i][idx % nOut], 0));
      const dB = p.b.map((_, j) => grad.reduce((s, row) => s + row[j], 0));
      const dX = input.map((row, i) => row.map((_, k) => grad[i].reduce((s, gj, j) => s + gj * p.W[k * nOut + j], 0)));
      p.W = p.W.map((w, idx) => w - lr * (velocity[l].W[idx] = momentum * velocity[l].W[idx] + dW[idx]));
      p.b = p.b.map((w, j) => w - lr * (velocity[l].b[j] = momentum * velocity[l].b[j] + dB[j]));
      grad = dX;
    }
  }
  return { losses, final: layers, running };
}
