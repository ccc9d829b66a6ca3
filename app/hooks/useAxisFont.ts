import { useLayoutEffect, useRef, useState, type RefObject } from 'react';

/**
 * The rendered font size (px) of a chart's axis text, read from a text element whenever `when` changes (a
 * resize, presenter mode, a panel full screen): the chart lays out its margins for it.
 */
export function useAxisFont(when: string, fallback = 14): [RefObject<SVGTextElement | null>, number] {
  const ref = useRef<SVGTextElement>(null);
  const [fontPx, setFontPx] = useState(fallback);
  useLayoutEffect(() => {
    if (ref.current === null) return;
    const size = parseFloat(getComputedStyle(ref.current).fontSize);
    if (Number.isFinite(size) && size > 0) setFontPx(size);
  }, [when]);
  return [ref, fontPx];
}
