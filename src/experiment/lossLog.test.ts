import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../config/config.ts';
import { buildSplit } from './datasets.ts';
import { Experiment } from './experiment.ts';
import { LossLog } from './lossLog.ts';

const config = { ...DEFAULT_CONFIG, dataset: 'blobs' as const, depth: 2, width: 16, batchSize: 16, lr: 0.2, trackLayer: 2 };

describe('LossLog', () => {
  it('keeps every variant’s loss at every step, up to its capacity', () => {
    const exp = new Experiment(config, buildSplit(config, null));
    const log = new LossLog(2, 30);
    const seen: number[] = [];
    for (let s = 0; s < 40; s++) {
      exp.runStep();
      log.record(exp, null);
      if (s < 30) seen.push(exp.variants[0].lastLoss, exp.variants[1].lastLoss);
    }
    const { steps, losses } = log.take();
    expect(steps).toBe(30);
    expect(Array.from(losses)).toEqual(seen);
  });

  it('logs NaN for a variant another worker trains', () => {
    const exp = new Experiment(config, buildSplit(config, null), 1);
    const log = new LossLog(2, 10);
    exp.runStep();
    log.record(exp, 1);
    const { losses } = log.take();
    expect(losses[0]).toBeNaN();
    expect(losses[1]).toBe(exp.variants[1].lastLoss);
  });
});
