import { useEffect, useState, type RefObject } from 'react';

/**
 * Whether the story section holding this element still waits for its prediction (its article carries
 * `data-waiting`): a chart with no run of its own starts its animation when the prediction is locked.
 */
export function useSectionWaiting(ref: RefObject<HTMLElement | null>): boolean {
  const [waiting, setWaiting] = useState(true);
  useEffect(() => {
    const article = ref.current?.closest('.story-section');
    if (article == null) {
      setWaiting(false);
      return;
    }
    const read = () => setWaiting(article.hasAttribute('data-waiting'));
    read();
    const observer = new MutationObserver(read);
    observer.observe(article, { attributes: true, attributeFilter: ['data-waiting'] });
    return () => observer.disconnect();
  }, [ref]);
  return waiting;
}
