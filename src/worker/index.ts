/**
 * The worker layer's surface for app/: the typed messages, the run state machine and the coordinator that
 * drives the trainer workers. The workers themselves start from their entry URLs (*.worker.ts), not from here.
 */
export {
  PROTOCOL_VERSION,
  SPEEDS,
  parseFromWorker,
  assertNever,
  type FromWorker,
  type RunShape,
  type RunStatus,
  type Speed,
  type ToWorker,
} from './protocol.ts';
export { SWEEP_PROTOCOL_VERSION, type FromSweep, type ToSweep } from './sweepProtocol.ts';
export { INITIAL_RUN, next, wantsToPlay, type RunEvent, type RunState } from './runMachine.ts';
export { Coordinator } from './coordinator.ts';
/** A session and a fake clock, to drive the trainer in-process (for app's tests), and a run's shape. */
export { Session } from './session.ts';
export { FakeClock } from './fakeClock.ts';
export { runShape } from './runShape.ts';
