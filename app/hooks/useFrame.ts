import { useEffect, useLayoutEffect, useRef } from 'react';
import type { History } from '../history/History.ts';

/**
 * Calls draw(history) after the history changes, at most once per animation frame, and once on mount
 * and whenever `deps` change. The component itself does not re-render.
 */
export function useFrame(history: History, draw: (h: History) => void, deps: readonly unknown[]): void {
  const drawRef = useRef(draw);
  useLayoutEffect(() => {
    drawRef.current = draw;
  });
  useEffect(() => {
    let frame = 0;
    const request = () => {
      if (frame !== 0) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        drawRef.current(history);
      });
    };
    request();
    const off = history.subscribe(request);
    return () => {
      off();
      if (frame !== 0) cancelAnimationFrame(frame);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [history, ...deps]);
}
