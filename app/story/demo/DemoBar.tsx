import type { ReactNode } from 'react';
import { useDemo, useDemoState } from './DemoContext.ts';

/** The section's own compact controls: where its run is, pause or go on, and Replay (from step 0). */
export function DemoBar({ onSeed, seed, waiting }: { onSeed: () => void; seed: number; waiting: boolean }): ReactNode {
  const demo = useDemo();
  const phase = useDemoState((s) => s.phase);
  const step = useDemoState((s) => s.step);
  const target = useDemoState((s) => s.target);
  const message = useDemoState((s) => s.message);
  const running = phase === 'running';
  return (
    <div className="demo-bar" role="group" aria-label="This section’s run">
      <button
        type="button"
        className="demo-play"
        disabled={waiting || !(running || phase === 'paused')}
        onClick={() => (running ? demo.pause() : demo.resume())}
        aria-label={running ? 'Pause the run' : 'Go on'}
      >
        {running ? '❚❚' : '▶'}
      </button>
      <button type="button" disabled={waiting || phase === 'loading' || phase === 'idle'} onClick={() => demo.replay()}>
        ↺ <span className="demo-replay-word">Replay</span>
      </button>
      <button type="button" className="demo-seed" disabled={waiting} onClick={onSeed} title="The same run from other initial weights and batches">
        Another seed
      </button>
      <span className="demo-step" data-testid="demo-step" aria-live="off">
        {waiting ? (
          'waits for your prediction'
        ) : phase === 'loading' ? (
          'loading MNIST…'
        ) : (
          <>
            step {step.toLocaleString('en-US')} of {target.toLocaleString('en-US')}
            <span className="demo-step-seed"> · seed {seed}</span>
          </>
        )}
      </span>
      {message !== null && (
        <span className="demo-message" role="status">
          {message}
        </span>
      )}
    </div>
  );
}
