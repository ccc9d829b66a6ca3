import type { Config } from '../../src/config/config.ts';
import { VARIANT_STATS, VS } from '../../src/experiment/snapshot.ts';
import { Coordinator } from '../../src/worker/coordinator.ts';
import { PROTOCOL_VERSION, type FromWorker, type Speed, type ToWorker } from '../../src/worker/protocol.ts';
import { History } from '../history/History.ts';
import { changedFields, needsReset, notify, useStore, type VariantLive } from '../store/store.ts';

type Command = ToWorker extends infer M ? (M extends { v: 1 } ? Omit<M, 'v'> : never) : never;

/** Starts a trainer worker that reports to `onMessage`. */
function startWorker(onMessage: (msg: FromWorker) => void): Worker {
  const worker = new Worker(new URL('../../src/worker/trainer.worker.ts', import.meta.url), { type: 'module' });
  worker.onmessage = (e: MessageEvent<FromWorker>) => onMessage(e.data);
  worker.onerror = (e) => {
    notify(`The trainer stopped: ${e.message || 'unknown error'}. Reload the page to start again.`, 'error');
    useStore.setState({ status: 'paused' });
  };
  return worker;
}

/**
 * The page's side of the trainer: owns the worker(s), turns store changes into commands, and routes the
 * messages back into the History (fast data) and the store (slow state). Messages from an older run, or
 * older than what was shown, are dropped. With `parallel`, each variant trains in its own worker and a
 * Coordinator keeps them in lockstep, speaking the same protocol as a single worker.
 */
export class TrainerClient {
  readonly history = new History();
  private readonly workers: Worker[] = [];
  private readonly coordinator: Coordinator | null;
  private unsubscribe: () => void;
  /** Id of the latest configure or reset sent: only its answer may change the page's config. */
  private request = 0;

  constructor(readonly parallel = false) {
    if (parallel) {
      this.coordinator = new Coordinator({
        send: (i, msg) => {
          this.workers[i] ??= startWorker((m) => this.coordinator?.receive(i, m));
          this.workers[i].postMessage(msg);
        },
        post: (msg) => this.receive(msg),
        now: () => performance.now(),
        schedule: (fn, ms) => window.setTimeout(fn, ms),
      });
    } else {
      this.coordinator = null;
      this.workers.push(startWorker((m) => this.receive(m)));
    }
    this.unsubscribe = useStore.subscribe((s, prev) => {
      if (s.config !== prev.config && s.configSource === 'page') this.onConfigChange(prev.config, s.config);
      if (s.speed !== prev.speed) this.send({ type: 'setSpeed', speed: s.speed });
    });
    this.send({ type: 'setSpeed', speed: useStore.getState().speed });
    this.send({ type: 'configure', config: useStore.getState().config, request: ++this.request });
  }

  play(): void {
    this.send({ type: 'play' });
  }

  pause(): void {
    this.send({ type: 'pause' });
  }

  step(count: number): void {
    this.send({ type: 'step', count });
  }

  reset(seed: 'same' | 'new'): void {
    this.send({ type: 'reset', seed, request: ++this.request });
  }

  setSpeed(speed: Speed): void {
    useStore.setState({ speed });
  }

  dispose(): void {
    this.unsubscribe();
    for (const w of this.workers) w.terminate();
  }

  private send(msg: Command): void {
    const full = { v: PROTOCOL_VERSION, ...msg };
    if (this.coordinator !== null) this.coordinator.handle(full);
    else this.workers[0].postMessage(full);
  }

  private onConfigChange(prev: Config, next: Config): void {
    if (needsReset(prev, next)) {
      this.send({ type: 'configure', config: next, request: ++this.request });
      return;
    }
    const changed = changedFields(prev, next);
    if (changed.includes('lr')) this.send({ type: 'setLr', lr: next.lr });
    if (changed.includes('trackLayer') || changed.includes('trackUnit')) this.send({ type: 'track', layer: next.trackLayer, unit: next.trackUnit });
  }

  private receive(msg: FromWorker): void {
    switch (msg.type) {
      case 'loading':
        useStore.setState({ status: 'loading', loading: { loaded: msg.loaded, total: msg.total } });
        return;
      case 'dataError':
        notify(msg.message, 'warning');
        return;
      case 'configured': {
        this.history.reset(msg.runId, msg.shape);
        // Only the answer to the latest request may change the config (a fallback data set, a new seed);
        // an answer to an older one would undo what the user has changed since.
        const latest = msg.request === this.request;
        useStore.setState((s) => ({
          runId: msg.runId,
          shape: msg.shape,
          step: 0,
          loading: null,
          ...(latest && JSON.stringify(s.config) !== JSON.stringify(msg.config) ? { config: msg.config, configSource: 'worker' as const } : {}),
        }));
        return;
      }
      case 'snapshot': {
        if (!this.history.add(msg.runId, msg)) return;
        const shape = this.history.shape;
        if (shape === null) return;
        const live: VariantLive[] = shape.variantNames.map((name, v) => {
          const at = (k: keyof typeof VS) => msg.variant[v * VARIANT_STATS.length + VS[k]];
          return { name, placement: shape.placements[v], trainLoss: at('trainLoss'), testLoss: at('testLoss'), testAcc: at('testAcc'), divergedAt: at('divergedAt') };
        });
        useStore.setState({ step: msg.step, stepsPerSecond: msg.stepsPerSecond, status: msg.status, live });
        return;
      }
      case 'status':
        if (msg.runId === this.history.runId || msg.status === 'loading') useStore.setState({ status: msg.status });
        return;
      case 'error':
        notify(`Trainer: ${msg.message}`, 'error');
        return;
    }
  }
}
