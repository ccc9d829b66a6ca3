import { createContext, useContext, useEffect } from 'react';

/** What a section tells its chart: whether it still waits for the prediction, and how to say an animation ended. */
export interface SectionState {
  readonly waiting: boolean;
  /** A chart that animates by itself (no demo run) calls this when its animation ends: the answer shows then. */
  readonly markDone: () => void;
}

/** The section's state, provided by StorySection. */
export const SectionContext = createContext<SectionState>({ waiting: false, markDone: () => {} });

/** Whether the story section holding this chart still waits for its prediction. */
export function useSectionWaiting(): boolean {
  return useContext(SectionContext).waiting;
}

/** Tells the section, once `done` turns true, that this chart's own animation has ended. */
export function useMarkDone(done: boolean): void {
  const { markDone } = useContext(SectionContext);
  useEffect(() => {
    if (done) markDone();
  }, [done, markDone]);
}
