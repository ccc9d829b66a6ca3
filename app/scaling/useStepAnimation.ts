import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { AnimationSpeed } from './scalingStore.ts';

/**
 * The number of steps to draw: it grows at `speed` steps per second up to `total`, restarting from 0
 * whenever `restartKey` changes or on replay. Changing the speed carries on from the current step.
 */
export function useStepAnimation(total: number, speed: AnimationSpeed, restartKey: string): { step: number; running: boolean; replay: () => void } {
  const [run, setRun] = useState({ key: restartKey, nonce: 0 });
  const [step, setStep] = useState(0);
  // A new key restarts the animation (state adjusted during render, React's pattern for resets).
  if (run.key !== restartKey) {
    setRun({ key: restartKey, nonce: run.nonce + 1 });
    setStep(0);
  }
  // Showing the whole path counts as having reached the end: a slower speed then carries on from there.
  if (speed === 'all' && step !== total) setStep(total);
  const stepRef = useRef(step);
  useLayoutEffect(() => {
    stepRef.current = step;
  });
  useEffect(() => {
    if (speed === 'all') return;
    const from = stepRef.current;
    const started = performance.now();
    let frame = 0;
    const tick = () => {
      const next = Math.min(total, from + Math.floor(((performance.now() - started) / 1000) * speed));
      setStep(next);
      if (next < total) frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, [run.nonce, speed, total]);
  const shown = speed === 'all' ? total : Math.min(step, total);
  return {
    step: shown,
    running: shown < total,
    replay: () => {
      setRun((r) => ({ key: r.key, nonce: r.nonce + 1 }));
      setStep(0);
    },
  };
}
