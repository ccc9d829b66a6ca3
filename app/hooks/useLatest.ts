import { useState } from 'react';
import { useTrainer } from '../trainer/TrainerContext.tsx';
import { useFrame } from './useFrame.ts';

/**
 * Reads a value from the run history once per animation frame and re-renders only when its key changes
 * (for numbers shown as text, which would otherwise re-render 20 times a second).
 */
export function useLatest<T>(read: () => T, key: (t: T) => string, deps: readonly unknown[]): T {
  const history = useTrainer().history;
  const [value, setValue] = useState<T>(read);
  useFrame(
    history,
    () => {
      const next = read();
      setValue((prev) => (key(prev) === key(next) ? prev : next));
    },
    deps,
  );
  return value;
}
