import { useEffect, useRef, type ReactNode } from 'react';
import { SavePng } from '../export/SavePng.tsx';
import type { PanelId } from '../linkUi.ts';
import { toggleFullPanel } from '../presenter/presenterActions.ts';
import { useStore } from '../store/store.ts';
import { focusPanel } from '../store/uiActions.ts';

/**
 * A panel's frame: its titled section, with buttons to save it as a PNG and to show it full screen (F). It
 * remembers being the last panel clicked or focused, which is the one F enlarges.
 */
export function PanelFrame({
  id,
  title,
  actions,
  className = '',
  children,
}: {
  id: PanelId;
  title: ReactNode;
  actions?: ReactNode;
  className?: string;
  children: ReactNode;
}) {
  const ref = useRef<HTMLElement>(null);
  // Embedded, the link's panel is the frame's whole stage already: not an overlay, and it takes no focus (a
  // frame that focuses itself on load scrolls the page that embeds it).
  const full = useStore((s) => s.fullPanel === id && !s.embedded);
  // The page behind a full-screen panel does not scroll; only a panel actually on screen can say so.
  useEffect(() => {
    if (!full) return;
    document.documentElement.setAttribute('data-full-panel', '');
    // Only a page that has the focus moves it: a framed lab (a slide's, with panel=…) must not take the keys from its host.
    if (document.hasFocus()) ref.current?.querySelector('h2')?.focus();
    return () => document.documentElement.removeAttribute('data-full-panel');
  }, [full]);
  const remember = () => focusPanel(id);
  return (
    <section
      ref={ref}
      className={`panel ${className}${full ? ' panel-full' : ''}`}
      aria-labelledby={`${id}-title`}
      data-panel={id}
      onPointerDown={remember}
      onFocus={remember}
    >
      <header className="panel-head">
        <h2 id={`${id}-title`} tabIndex={full ? -1 : undefined}>
          {title}
        </h2>
        <div className="panel-tools">
          {actions}
          <SavePng target={ref} what={id} label="PNG" />
          <button type="button" className="tool-button" data-no-export="" aria-pressed={full} aria-keyshortcuts="F" onClick={() => toggleFullPanel(id)}>
            {full ? 'Exit full screen' : 'Full screen'}
          </button>
        </div>
      </header>
      {children}
    </section>
  );
}
