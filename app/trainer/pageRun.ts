import { INITIAL_RUN, next, type RunEvent, type RunState, type RunStatus } from '../../src/worker/index.ts';

/**
 * The page's view of the run control (runMachine.ts): the intents it sent and the statuses it heard, and its
 * own states, restarting a lost trainer and stopped for good.
 */
export class PageRun {
  state: RunState = INITIAL_RUN;

  /** An intent or an event of the page's own (lost, built, give up), at the run's current step. */
  apply(event: RunEvent, step: number): RunState {
    this.state = next(this.state, event, step);
    return this.state;
  }

  /** What the trainer says it is doing moves the page's view on (the page's own states aside). */
  hear(status: RunStatus, step: number): void {
    const kind = this.state.kind;
    if (kind === 'restarting' || kind === 'stopped') return;
    if (status === 'paused') this.state = { kind: 'paused' };
    else if (status === 'idle') this.state = { kind: 'ready' };
    else if (status === 'playing' && kind === 'loading') this.state = next({ kind: 'ready' }, { type: 'play' }, step);
  }

  /** A trainer's status as the page shows it: "playing" sent before it heard the page's Pause is shown paused. */
  shown(status: RunStatus): RunStatus {
    return status === 'playing' && this.state.kind === 'paused' ? 'paused' : status;
  }
}
