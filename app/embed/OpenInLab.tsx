import type { ReactNode } from 'react';
import { useScalingStore } from '../scaling/scalingStore.ts';
import { pageQuery } from '../shareQuery.ts';
import { useStore, type AppState } from '../store/store.ts';

/** The page's own link without the embedding (no embed, no locks): the same view, config and theme, whole. */
export function standaloneQuery(s: AppState): string {
  return pageQuery({ ...s, embedded: false, locked: [] }, s.parallel);
}

/** A small "Open in Shift Lab ↗" link that opens what the frame shows, the same state, in a new tab. */
export function OpenInLab(): ReactNode {
  // The scaling lab's settings are in the link too: a change there changes the link.
  useScalingStore((s) => s);
  const query = useStore(standaloneQuery);
  return (
    <a className="open-in-lab" href={query === '' ? location.pathname : query} target="_blank" rel="noopener" aria-label="Open in Shift Lab (new tab)">
      <span className="open-long">Open in </span>Shift Lab <span aria-hidden="true">↗</span>
    </a>
  );
}
