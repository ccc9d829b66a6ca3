import type { Config } from '../config/config.ts';
import type { MnistFile } from '../data/mnistFormat.ts';
import { buildSplit } from '../experiment/datasets.ts';
import { Experiment } from '../experiment/experiment.ts';
import { TraceRecorder, traceStepLimit } from '../experiment/trace.ts';
import { PROTOCOL_VERSION, type FromWorker } from './protocol.ts';

/**
 * The answer to a trace request: the setup's first `steps` steps (fewer if the size limit cuts them),
 * trained afresh from the same config and seed, as shift-lab-trace/1 JSON; or why none could be made. It
 * trains in slices of about `sliceMs`, awaiting `pause` between them, so the worker still answers pings
 * (and the live run moves on) while a long trace records.
 */
export async function traceReply(
  config: Config | null,
  loadMnist: () => Promise<MnistFile>,
  id: number,
  steps: number,
  step: number,
  pause: () => Promise<void> = () => Promise.resolve(),
  now: () => number = () => performance.now(),
  sliceMs = 10,
): Promise<FromWorker> {
  try {
    if (config === null) throw new Error('no run is configured yet');
    const mnist = config.dataset === 'mnist' ? await loadMnist() : null;
    const exp = new Experiment(config, buildSplit(config, mnist));
    const recorder = new TraceRecorder(exp);
    const target = Math.min(steps, traceStepLimit(exp));
    let sliceStart = now();
    while (exp.step < target && !exp.allDiverged) {
      exp.runStep();
      recorder.recordStep();
      if (now() - sliceStart > sliceMs) {
        await pause();
        sliceStart = now();
      }
    }
    const trace = recorder.finish();
    return { v: PROTOCOL_VERSION, type: 'trace', step, id, steps: trace.batches.length, json: JSON.stringify(trace), error: null };
  } catch (e) {
    return { v: PROTOCOL_VERSION, type: 'trace', step, id, steps: 0, json: null, error: (e as Error).message };
  }
}
