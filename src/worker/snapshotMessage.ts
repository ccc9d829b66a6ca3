import type { Snapshot } from '../experiment/snapshot.ts';
import { PROTOCOL_VERSION, type FromWorker, type RunStatus } from './protocol.ts';

/** A snapshot as a message: fresh copies of its buffers, listed for transfer so the session's own stay reusable. */
export function snapshotMessage(
  snap: Snapshot,
  step: number,
  runId: number,
  status: RunStatus,
  stepsPerSecond: number,
): { msg: FromWorker; transfer: ArrayBuffer[] } {
  const variant = snap.variant.slice();
  const layer = snap.layer.slice();
  const hist = snap.hist.slice();
  const zHist = snap.zHist.slice();
  const unitZ = snap.unitZ.slice();
  return {
    msg: { v: PROTOCOL_VERSION, type: 'snapshot', step, runId, status, stepsPerSecond, variant, layer, hist, zHist, unitZ },
    transfer: [variant.buffer, layer.buffer, hist.buffer, zHist.buffer, unitZ.buffer],
  };
}
