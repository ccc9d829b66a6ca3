import { useEffect, useState } from 'react';
import type { History } from '../history/History.ts';
import { useStore, type VariantLive } from '../store/store.ts';

/** The variants' live numbers and the step each first reached 90 % test accuracy (−1: not yet). */
export interface CalmLive {
  readonly live: readonly VariantLive[];
  readonly reachedAt: readonly number[];
}

function read(history: History): CalmLive {
  const live = useStore.getState().live;
  return { live, reachedAt: live.map((_, v) => history.reachedTarget[v] ?? -1) };
}

/**
 * The variants' live numbers at most every `ms` milliseconds (the latest, never more than `ms` late): numbers
 * that change 20 times a second cannot be read, and a lecture hall should not watch digits flicker.
 */
export function useCalmLive(history: History, ms = 500): CalmLive {
  const [state, setState] = useState(() => read(history));
  useEffect(() => {
    let timer = 0;
    let last = -Infinity;
    const flush = () => {
      timer = 0;
      last = performance.now();
      setState(read(history));
    };
    const unsubscribe = useStore.subscribe((s, prev) => {
      if (s.live === prev.live || timer !== 0) return;
      timer = window.setTimeout(flush, Math.max(0, last + ms - performance.now()));
    });
    return () => {
      unsubscribe();
      clearTimeout(timer);
    };
  }, [history, ms]);
  return state;
}
