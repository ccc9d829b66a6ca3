import type { ReactNode } from 'react';
import type { PanelId } from '../linkUi.ts';
import { PanelBoundary } from '../PanelBoundary.tsx';
import { PanelFrame } from './PanelFrame.tsx';

/** A titled panel with its one-sentence "what to watch" caption. */
export function Panel({
  id,
  title,
  watch,
  actions,
  children,
  className = '',
}: {
  id: PanelId;
  title: ReactNode;
  watch: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  className?: string;
}) {
  return (
    <PanelFrame id={id} title={title} actions={actions} className={className}>
      <p className="watch">{watch}</p>
      <PanelBoundary id={id}>{children}</PanelBoundary>
    </PanelFrame>
  );
}
