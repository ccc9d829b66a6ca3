import { useEffect, useLayoutEffect, useRef } from 'react';
import type { History } from '../history/History.ts';
import { prefersReducedMotion, redrawDelay } from './motion.ts';

/**
 * Calls draw(history) after the history changes, at most once per animation frame (or per `minGapMs`, for
 * a panel that need not move every frame), and once on mount and whenever `deps` change. The component
 * itself does not re-render. Under prefers-reduced-motion the training keeps drawing, at four frames a second.
 */
export function useFrame(history: History, draw: (h: History) => void, deps: readonly unknown[], minGapMs = 0): void {
  const drawRef = useRef(draw);
  useLayoutEffect(() => {
    drawRef.current = draw;
  });
  useEffect(() => {
    let frame = 0;
    let timer = 0;
    let lastDraw = -Infinity;
    const reduced = prefersReducedMotion();
    const draw = () => {
      frame = requestAnimationFrame(() => {
        frame = 0;
        timer = 0;
        lastDraw = performance.now();
        drawRef.current(history);
      });
    };
    const request = () => {
      if (frame !== 0 || timer !== 0) return;
      const wait = redrawDelay(performance.now(), lastDraw, reduced, minGapMs);
      if (wait === 0) draw();
      else timer = window.setTimeout(draw, wait);
    };
    request();
    const off = history.subscribe(request);
    return () => {
      off();
      if (frame !== 0) cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [history, minGapMs, ...deps]);
}
