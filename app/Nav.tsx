import type { ReactNode } from 'react';
import { onLinkClick, useHref } from './navigation/navigate.ts';
import { useStore } from './store/store.ts';
import { VIEWS, type ViewId } from './views.ts';

/** One section link: it carries the current config and page state too, so it also opens the same page in a new tab. */
function ViewLink({ id, current, children }: { id: ViewId; current: boolean; children: ReactNode }) {
  const section = useStore((s) => s.section);
  const href = useHref({ view: id, section });
  return (
    <a href={href} aria-current={current ? 'page' : undefined} onClick={onLinkClick({ view: id })}>
      {children}
    </a>
  );
}

/** The top-level sections: feature scaling, stacked layers, the batch-norm lab. */
export function Nav() {
  const current = useStore((s) => s.view);
  return (
    <nav className="views" aria-label="Sections">
      <ol>
        {VIEWS.map((v) => (
          <li key={v.id}>
            <ViewLink id={v.id} current={v.id === current}>
              <span className="view-title">{v.title}</span>
              <span className="view-blurb">{v.blurb}</span>
            </ViewLink>
          </li>
        ))}
      </ol>
    </nav>
  );
}
