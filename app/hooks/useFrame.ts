import { useEffect, useLayoutEffect, useRef } from 'react';
import { useDrawHold } from '../export/drawHold.ts';
import type { History } from '../history/History.ts';
import { prefersReducedMotion, redrawDelay } from './motion.ts';

/**
 * Calls draw(history) after the history changes, at most once per animation frame (or per `minGapMs`, for
 * a panel that need not move every frame), and once on mount and whenever `deps` change. The component
 * itself does not re-render. Under prefers-reduced-motion the training keeps drawing, at four frames a second.
 * While a picture is taken (the draw hold) nothing draws, and one draw follows its release.
 */
export function useFrame(history: History, draw: (h: History) => void, deps: readonly unknown[], minGapMs = 0): void {
  const drawRef = useRef(draw);
  const hold = useDrawHold();
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
        if (hold.held) return;
        lastDraw = performance.now();
        drawRef.current(history);
      });
    };
    const request = () => {
      if (frame !== 0 || timer !== 0 || hold.held) return;
      const wait = redrawDelay(performance.now(), lastDraw, reduced, minGapMs);
      if (wait === 0) draw();
      else timer = window.setTimeout(draw, wait);
    };
    request();
    const off = history.subscribe(request);
    const offHold = hold.onRelease(request);
    return () => {
      off();
      offHold();
      if (frame !== 0) cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [history, hold, minGapMs, ...deps]);
}
