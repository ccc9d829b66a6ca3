import { describe, expect, it } from 'vitest';
import { checkGradient } from './gradcheck.ts';
import { createSampleNoise, createUnitNoise, drawBnNoise, NOISE, PAPER_NOISE, type NoiseParams } from './noisyBn.ts';
import { Rng } from './rng.ts';
import { checkModel, perturbBatchNorm, randomLabels, randomMatrix } from './testHelpers.ts';

const sizes = [5, 7, 6, 3];
const rows = 8;

describe('noisy BN (Santurkar et al., 2018)', () => {
  it('passes finite differences for every parameter with the noise held fixed', () => {
    for (const activation of ['sigmoid', 'tanh', 'relu'] as const) {
      const model = checkModel({ sizes, placement: 'noisy', activation }, 3);
      const rng = new Rng(5);
      perturbBatchNorm(model, rng);
      const ws = model.workspace(rows);
      const x = randomMatrix(rng, rows, sizes[0]);
      const y = randomLabels(rng, rows, 3);
      model.forward(ws, x, 'train');
      model.freezeNoise = true;
      model.loss(ws, y);
      model.backward(ws, x);
      // The noise really is there: s is not 1 and m is not 0.
      expect(ws.layers[0].noise?.scale.some((s) => Math.abs(s - 1) > 0.01)).toBe(true);
      const loss = () => {
        model.forward(ws, x, 'train');
        return model.loss(ws, y, false);
      };
      let worst = 0;
      for (const p of model.params()) worst = Math.max(worst, checkGradient(p.value, Float64Array.from(p.grad), loss).maxRelError);
      expect(worst).toBeLessThan(1e-6);
    }
  });

  it('draws per-unit shifts and scales in their ranges, and per-sample noise around them', () => {
    const model = checkModel({ sizes: [4, 200, 2], placement: 'noisy' }, 1);
    const big = 400;
    const ws = model.workspace(big);
    model.forward(ws, randomMatrix(new Rng(2), big, 4), 'train');
    const unit = model.hidden[0].noise;
    const sample = ws.layers[0].noise;
    if (unit === null || sample === null) throw new Error('no noise buffers');
    let worstSpread = 0;
    let worstMeanScale = 0;
    for (let j = 0; j < 200; j++) {
      let meanS = 0;
      for (let i = 0; i < big; i++) {
        worstSpread = Math.max(worstSpread, Math.abs(sample.shift[i * 200 + j] - unit.shift[j]));
        meanS += sample.scale[i * 200 + j] / big;
      }
      worstMeanScale = Math.max(worstMeanScale, Math.abs(meanS - unit.scale[j]));
    }
    expect(Math.max(...unit.shift.map(Math.abs))).toBeLessThanOrEqual(NOISE.meanRange);
    expect(Math.min(...unit.scale)).toBeGreaterThanOrEqual(1);
    expect(Math.max(...unit.scale)).toBeLessThanOrEqual(NOISE.scaleMax);
    expect(worstSpread).toBeLessThanOrEqual(NOISE.sampleMeanSpread + 1e-12);
    expect(worstSpread).toBeGreaterThan(0.9 * NOISE.sampleMeanSpread);
    // s_ij ~ N(σ_j, r_σ): the mean of 400 draws lies within 4.5 standard errors (4.5·r_σ/20) of σ_j for all 200 units.
    expect(worstMeanScale).toBeLessThan((4.5 * NOISE.sampleScaleStd) / 20);
    // The shifts are spread over the whole range, not stuck at one value.
    expect(Math.max(...unit.shift) - Math.min(...unit.shift)).toBeGreaterThan(1.6 * NOISE.meanRange);
  });

  it('draws new noise every training step, and adds none at evaluation', () => {
    const noisy = checkModel({ sizes, placement: 'noisy' }, 4);
    const plain = checkModel({ sizes, placement: 'before' }, 4);
    // The noise has its own generator: the weights are those of BN-before from the same seed.
    expect(Array.from(noisy.hidden[0].dense.W)).toEqual(Array.from(plain.hidden[0].dense.W));
    const x = randomMatrix(new Rng(9), rows, sizes[0]);
    const ws = noisy.workspace(rows);
    noisy.forward(ws, x, 'train');
    const first = Float64Array.from(noisy.hidden[1].noise?.shift ?? []);
    noisy.forward(ws, x, 'train');
    expect(Array.from(noisy.hidden[1].noise?.shift ?? [])).not.toEqual(Array.from(first));
    const evalNoisy = noisy.createWorkspace(rows, false);
    const evalPlain = plain.createWorkspace(rows, false);
    expect(Array.from(noisy.forward(evalNoisy, x, 'batch'))).toEqual(Array.from(plain.forward(evalPlain, x, 'batch')));
  });

  it("shows probes the step's per-unit shift, σ_j·a + μ_j, without drawing", () => {
    const model = checkModel({ sizes, placement: 'noisy' }, 6);
    const x = randomMatrix(new Rng(3), rows, sizes[0]);
    model.forward(model.workspace(rows), x, 'train');
    const unit = model.hidden[0].noise;
    if (unit === null) throw new Error('no noise');
    const before = Float64Array.from(unit.shift);
    const plain = model.createWorkspace(rows, false);
    model.forward(plain, x, 'batch');
    const probe = model.createWorkspace(rows, false);
    model.forward(probe, x, 'probe');
    const n = sizes[1];
    for (let k = 0; k < rows * n; k++) {
      expect(probe.layers[0].actIn[k]).toBeCloseTo(unit.scale[k % n] * plain.layers[0].actIn[k] + unit.shift[k % n], 12);
    }
    expect(Array.from(unit.shift)).toEqual(Array.from(before));
  });

  it("keeps every draw in the documented ranges, for NOISE, the paper's constants and any injected ones", () => {
    const custom: NoiseParams = { meanRange: 2, scaleMax: 3, sampleMeanSpread: 0.3, sampleScaleStd: 0.2 };
    for (const params of [NOISE, PAPER_NOISE, custom]) {
      const n = 50;
      const rows = 60;
      const unit = createUnitNoise(n, params);
      const sample = createSampleNoise('float64', n, rows);
      const rng = new Rng(11);
      let lo = Infinity;
      let hi = -Infinity;
      let scaleLo = Infinity;
      let scaleHi = -Infinity;
      let worstSampleShift = 0;
      let sum = 0;
      let sumSq = 0;
      let count = 0;
      for (let step = 0; step < 40; step++) {
        drawBnNoise(unit, sample, rng, rows);
        for (let j = 0; j < n; j++) {
          lo = Math.min(lo, unit.shift[j]);
          hi = Math.max(hi, unit.shift[j]);
          scaleLo = Math.min(scaleLo, unit.scale[j]);
          scaleHi = Math.max(scaleHi, unit.scale[j]);
          for (let i = 0; i < rows; i++) {
            worstSampleShift = Math.max(worstSampleShift, Math.abs(sample.shift[i * n + j] - unit.shift[j]));
            const d = sample.scale[i * n + j] - unit.scale[j];
            sum += d;
            sumSq += d * d;
            count++;
          }
        }
      }
      // μ_j ∈ [−n_μ, n_μ), σ_j ∈ [1, n_σ), m_ij ∈ [μ_j − r_μ, μ_j + r_μ].
      expect(lo).toBeGreaterThanOrEqual(-params.meanRange);
      expect(hi).toBeLessThanOrEqual(params.meanRange);
      expect(scaleLo).toBeGreaterThanOrEqual(1);
      expect(scaleHi).toBeLessThanOrEqual(params.scaleMax);
      expect(worstSampleShift).toBeLessThanOrEqual(params.sampleMeanSpread + 1e-12);
      expect(worstSampleShift).toBeGreaterThan(0.99 * params.sampleMeanSpread);
      // 2,000 unit draws cover their ranges nearly to the ends.
      const width = 2 * params.meanRange;
      expect(lo).toBeLessThan(-params.meanRange + 0.01 * width);
      expect(hi).toBeGreaterThan(params.meanRange - 0.01 * width);
      expect(scaleLo).toBeLessThan(1 + 0.01 * (params.scaleMax - 1));
      expect(scaleHi).toBeGreaterThan(params.scaleMax - 0.01 * (params.scaleMax - 1));
      // 120,000 per-sample scales s_ij − σ_j: mean 0 and standard deviation r_σ, to well within sampling error.
      expect(Math.abs(sum / count)).toBeLessThan(0.02 * params.sampleScaleStd);
      expect(Math.sqrt(sumSq / count)).toBeCloseTo(params.sampleScaleStd, 2);
    }
  });

  it('draws with the constants set on the layer, and the same noise from the same generator', () => {
    const big: NoiseParams = { meanRange: 3, scaleMax: 4, sampleMeanSpread: 0.1, sampleScaleStd: 0.1 };
    expect(createUnitNoise(3).params).toBe(NOISE);
    const draw = (params: NoiseParams) => {
      const model = checkModel({ sizes: [4, 300, 2], placement: 'noisy' }, 1);
      const unit = model.hidden[0].noise;
      if (unit === null) throw new Error('no noise');
      unit.params = params;
      model.forward(model.workspace(rows), randomMatrix(new Rng(2), rows, 4), 'train');
      return unit;
    };
    const unit = draw(big);
    expect(Math.max(...unit.shift.map(Math.abs))).toBeGreaterThan(NOISE.meanRange);
    expect(Math.max(...unit.shift.map(Math.abs))).toBeLessThanOrEqual(big.meanRange);
    expect(Math.max(...unit.scale)).toBeGreaterThan(NOISE.scaleMax);
    expect(Array.from(draw(big).scale)).toEqual(Array.from(unit.scale));
  });
});
