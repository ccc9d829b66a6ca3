import type { MouseEvent } from 'react';
import { useStore } from './store/store.ts';
import { VIEWS, type ViewId } from './views.ts';

/** The link to a view: the current query with only `view` changed, so it also opens in a new tab. */
function hrefFor(view: ViewId): string {
  const params = new URLSearchParams(location.search);
  params.set('view', view);
  return `?${params.toString()}`;
}

/** The top-level sections: feature scaling, stacked layers, the batch-norm lab. */
export function Nav() {
  const current = useStore((s) => s.view);
  const go = (e: MouseEvent<HTMLAnchorElement>, view: ViewId) => {
    if (e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
    e.preventDefault();
    useStore.setState({ view });
    window.scrollTo({ top: 0 });
  };
  return (
    <nav className="views" aria-label="Sections">
      <ol>
        {VIEWS.map((v, i) => (
          <li key={v.id}>
            <a href={hrefFor(v.id)} aria-current={v.id === current ? 'page' : undefined} onClick={(e) => go(e, v.id)}>
              <span className="view-number" aria-hidden="true">
                {i + 1}
              </span>
              <span className="view-title">{v.title}</span>
              <span className="view-blurb">{v.blurb}</span>
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
