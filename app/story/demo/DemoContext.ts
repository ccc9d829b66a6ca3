import { createContext, useContext, useEffect, useState } from 'react';
import { useStore as useZustand } from 'zustand';
import type { History } from '../../history/History.ts';
import type { DemoClient, DemoState } from './DemoClient.ts';

/** The story's demo trainer, provided by the story. */
export const DemoContext = createContext<DemoClient | null>(null);

/** The story's demo client; throws outside the story. */
export function useDemo(): DemoClient {
  const demo = useContext(DemoContext);
  if (demo === null) throw new Error('useDemo outside DemoContext');
  return demo;
}

/** A slice of the demo's slow state, re-rendering only when it changes. */
export function useDemoState<T>(select: (s: DemoState) => T): T {
  return useZustand(useDemo().store, select);
}

/**
 * The history's version, at most every `gapMs` (a chart that re-renders with React instead of drawing
 * imperatively stays cheap: a demo sends about 20 snapshots a second).
 */
export function useHistoryVersion(history: History, gapMs = 100): number {
  const [version, setVersion] = useState(history.version);
  useEffect(() => {
    let timer = 0;
    const off = history.subscribe(() => {
      if (timer !== 0) return;
      timer = window.setTimeout(() => {
        timer = 0;
        setVersion(history.version);
      }, gapMs);
    });
    return () => {
      off();
      clearTimeout(timer);
    };
  }, [history, gapMs]);
  return version;
}
