import type { ReactNode } from 'react';
import { PanelBoundary } from '../PanelBoundary.tsx';

/** A titled panel with its one-sentence "what to watch" caption. */
export function Panel({ id, title, watch, actions, children, className = '' }: { id: string; title: string; watch: string; actions?: ReactNode; children: ReactNode; className?: string }) {
  return (
    <section className={`panel ${className}`} aria-labelledby={`${id}-title`} data-panel={id}>
      <header className="panel-head">
        <h2 id={`${id}-title`}>{title}</h2>
        {actions}
      </header>
      <p className="watch">{watch}</p>
      <PanelBoundary id={id}>{children}</PanelBoundary>
    </section>
  );
}
