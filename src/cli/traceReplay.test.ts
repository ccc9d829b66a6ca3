import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunTrace, TraceLayer } from '../experiment/trace.ts';
import { runExperimentCli } from './cliRunner.ts';

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

interface BnCache { xhat: Matrix; invStd: number[] }

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

function replay(trace: RunTrace, v: RunTrace['variants'][number]) {
  const { sizes, activation, lr, momentum, bnEps, bnMomentum } = trace;
  const a = act(activation);
  const layers: TraceLayer[] = structuredClone(v.initial);
  const velocity = layers.map((p) => ({ W: p.W.map(() => 0), b: p.b.map(() => 0), gamma: p.gamma?.map(() => 0), beta: p.beta?.map(() => 0) }));
  const running = layers.slice(0, -1).map((p) => (p.gamma ? { mean: p.b.map(() => 0), var: p.b.map(() => 1) } : null));
  const losses: number[] = [];
  for (const batch of trace.batches.slice(0, v.losses.length)) {
    const m = batch.y.length;
    const x: Matrix = Array.from({ length: m }, (_, i) => batch.x.slice(i * sizes[0], (i + 1) * sizes[0]));
    const inputs: Matrix[] = [];
    const caches: { z: Matrix; pre: Matrix; bn: BnCache | null }[] = [];
    let h = x;
    layers.slice(0, -1).forEach((p, l) => {
      inputs.push(h);
      const z = matmul(h, p.W, sizes[l + 1], p.b);
      let out: Matrix;
      let pre = z;
      let bn: BnCache | null = null;
      const norm = (t: Matrix) => {
        const r = bnForward(t, p.gamma!, p.beta!, bnEps);
        const run = running[l]!;
        run.mean = run.mean.map((old, j) => (1 - bnMomentum) * old + bnMomentum * r.mean[j]);
        run.var = run.var.map((old, j) => (1 - bnMomentum) * old + (bnMomentum * r.variance[j] * m) / (m - 1));
        bn = r.cache;
        return r.y;
      };
      if (v.placement === 'before') {
        pre = norm(z);
        out = pre.map((r) => r.map(a.f));
      } else if (v.placement === 'after') {
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
        if (v.placement === 'after') {
          const r = bnBackward(g, p.gamma!, c.bn!);
          [g, dGamma, dBeta] = [r.dx, r.dGamma, r.dBeta];
          g = g.map((row, i) => row.map((d, j) => d * a.df(c.z[i][j])));
        } else if (v.placement === 'before') {
          g = g.map((row, i) => row.map((d, j) => d * a.df(c.pre[i][j])));
          const r = bnBackward(g, p.gamma!, c.bn!);
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

const relErr = (a: number[], b: number[]) => a.reduce((w, v, i) => Math.max(w, Math.abs(v - b[i]) / Math.max(1, Math.abs(b[i]))), 0);

describe('run traces', () => {
  it('replay in an independent Float64 implementation to 1e-4', { timeout: 60_000 }, async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'shift-lab-trace-')), 'run.json');
    const config = join(mkdtempSync(join(tmpdir(), 'shift-lab-trace-')), 'config.json');
    (await import('node:fs')).writeFileSync(config, JSON.stringify({ dataset: 'blobs', depth: 2, width: 12, activation: 'tanh', batchSize: 8, lr: 0.2, momentum: 0.9, variants: ['none', 'before', 'after'] }));
    const r = await runExperimentCli(['--config', config, '--steps', '15', '--trace', path]);
    expect(r.code).toBe(0);
    const trace = JSON.parse(readFileSync(path, 'utf8')) as RunTrace;
    expect(trace.format).toBe('shift-lab-trace/1');
    expect(trace.batches).toHaveLength(15);
    expect(trace.batches[0].x).toHaveLength(8 * trace.sizes[0]);
    for (const v of trace.variants) {
      const replayed = replay(trace, v);
      expect(v.losses).toHaveLength(15);
      expect(relErr(replayed.losses, v.losses)).toBeLessThan(1e-4);
      replayed.final.forEach((layer, l) => {
        expect(relErr(layer.W, v.final[l].W)).toBeLessThan(1e-4);
        expect(relErr(layer.b, v.final[l].b)).toBeLessThan(1e-4);
        if (layer.gamma) expect(relErr(layer.gamma, v.final[l].gamma!)).toBeLessThan(1e-4);
      });
      replayed.running.forEach((run, l) => {
        expect(run === null).toBe(v.finalRunning[l] === null);
        if (run) expect(relErr(run.var, v.finalRunning[l]!.var)).toBeLessThan(1e-4);
      });
    }
  });

  it('replays the bn-paper preset on MNIST too', { timeout: 60_000 }, async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'shift-lab-trace-')), 'run.json');
    const r = await runExperimentCli(['--preset', 'bn-paper', '--steps', '3', '--trace', path]);
    expect(r.code).toBe(0);
    const trace = JSON.parse(readFileSync(path, 'utf8')) as RunTrace;
    expect(trace.sizes).toEqual([784, 100, 100, 100, 10]);
    for (const v of trace.variants) expect(relErr(replay(trace, v).losses, v.losses)).toBeLessThan(1e-4);
  });
});
