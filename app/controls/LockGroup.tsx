import type { ReactNode } from 'react';
import type { LockKey } from '../linkUi.ts';
import './lock.css';
import { useStore } from '../store/store.ts';

/** What a control locked by the embedding page (`lock=…`) says about itself. */
export const LOCKED_TITLE = 'Locked by the page that embeds this';

/** A small padlock drawn in the text's color (an emoji lock is missing from some systems' fonts). */
export function LockIcon(): ReactNode {
  return (
    <svg className="lock-icon" viewBox="0 0 12 14" width="0.8em" height="0.95em" aria-hidden="true">
      <path d="M3 6V4a3 3 0 0 1 6 0v2" fill="none" stroke="currentColor" strokeWidth="1.6" />
      <rect x="1" y="6" width="10" height="7.5" rx="1.5" fill="currentColor" />
    </svg>
  );
}

/**
 * A group of settings the embedding page can lock: shown as it is, but disabled (a bare fieldset disables
 * every control inside it), with a short note saying why.
 */
export function LockGroup({ group, children }: { group: LockKey; children: ReactNode }): ReactNode {
  const locked = useStore((s) => s.locked.includes(group));
  return (
    <fieldset className="lock-group" disabled={locked} title={locked ? LOCKED_TITLE : undefined} data-locked={locked ? group : undefined}>
      {locked && (
        <p className="lock-note">
          <LockIcon /> {LOCKED_TITLE}
        </p>
      )}
      {children}
    </fieldset>
  );
}
