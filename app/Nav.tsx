import type { MouseEvent } from 'react';
import { queryFor } from './shareQuery.ts';
import { linkUiOf, useStore } from './store/store.ts';
import { VIEWS, type ViewId } from './views.ts';

/** The top-level sections: feature scaling, stacked layers, the batch-norm lab. */
export function Nav() {
  const current = useStore((s) => s.view);
  const config = useStore((s) => s.config);
  const section = useStore((s) => s.section);
  // Each link carries the current config too, so it also opens the same lab in a new tab.
  const hrefFor = (view: ViewId) => queryFor(view, config, new URLSearchParams(location.search).get('parallel'), section, linkUiOf(useStore.getState())) || location.pathname;
  const go = (e: MouseEvent<HTMLAnchorElement>, view: ViewId) => {
    if (e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
    e.preventDefault();
    if (view !== current) history.pushState(null, '', hrefFor(view));
    useStore.setState({ view });
    window.scrollTo({ top: 0 });
  };
  return (
    <nav className="views" aria-label="Sections">
      <ol>
        {VIEWS.map((v) => (
          <li key={v.id}>
            <a href={hrefFor(v.id)} aria-current={v.id === current ? 'page' : undefined} onClick={(e) => go(e, v.id)}>
              <span className="view-title">{v.title}</span>
              <span className="view-blurb">{v.blurb}</span>
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
