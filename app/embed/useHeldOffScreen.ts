import { useEffect, type RefObject } from 'react';
import type { DemoClient } from '../story/demo/DemoClient.ts';

/**
 * Holds a story section's demo while its frame is off the host page's screen (a slide not shown yet, a course
 * page not scrolled that far), and lets it go on when the frame comes into view: a reader sees the run from
 * its start, and frames nobody is looking at leave the cores to the one that is. Only a hold this made is let
 * go: a reader's or a host's own pause stays. (An observer in a frame watches the top page's viewport.) A new
 * `run` (another section) is looked at afresh.
 */
export function useHeldOffScreen(target: RefObject<Element | null>, demo: Pick<DemoClient, 'store' | 'pause' | 'resume'>, run: string): void {
  useEffect(() => {
    const element = target.current;
    if (element === null || typeof IntersectionObserver === 'undefined') return;
    let held = false;
    const observer = new IntersectionObserver((entries) => {
      const visible = entries.at(-1)?.isIntersecting ?? false;
      const { phase } = demo.store.getState();
      if (!visible && (phase === 'running' || phase === 'loading')) {
        demo.pause();
        held = true;
      } else if (visible && held) {
        held = false;
        demo.resume();
      }
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [target, demo, run]);
}
