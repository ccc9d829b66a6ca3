import { useRef, useState } from 'react';
import { useTrainer } from '../trainer/TrainerContext.tsx';
import { useFrame } from './useFrame.ts';

/**
 * Reads a value from the run history once per animation frame and re-renders only when its key changes
 * (for numbers shown as text, which would otherwise re-render 20 times a second). A new run always counts
 * as a change, so a restart never leaves the previous run's numbers on screen.
 */
export function useLatest<T>(read: () => T, key: (t: T) => string, deps: readonly unknown[]): T {
  const history = useTrainer().history;
  const [value, setValue] = useState<T>(read);
  const shown = useRef<string | null>(null);
  useFrame(
    history,
    () => {
      const next = read();
      const k = `${history.runId}|${key(next)}`;
      if (k === shown.current) return;
      shown.current = k;
      setValue(next);
    },
    deps,
  );
  return value;
}
