import type { ReactNode } from 'react';
import { ErrorBoundary, type FallbackProps } from 'react-error-boundary';
import { qaThrows } from './qa.ts';

function Failure({ error, resetErrorBoundary }: FallbackProps) {
  const message = error instanceof Error ? error.message : String(error);
  return (
    <div role="alert" className="panel-failure">
      <p>This part of the page failed ({message}). Everything else keeps running.</p>
      <button type="button" className="plain-button" onClick={resetErrorBoundary}>
        Try again
      </button>
    </div>
  );
}

/** Throws while rendering when the link's `qa=throw:ID` names this boundary (a testing flag). */
function QaThrow({ id }: { id: string }) {
  if (qaThrows(id)) throw new Error(`test failure requested for "${id}"`);
  return null;
}

/** Catches a render error in one panel or view, so that it shows a message instead of blanking the page. */
export function PanelBoundary({ id, children }: { id: string; children: ReactNode }) {
  return (
    <ErrorBoundary FallbackComponent={Failure}>
      <QaThrow id={id} />
      {children}
    </ErrorBoundary>
  );
}
