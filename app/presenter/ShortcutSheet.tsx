import { useEffect, useRef } from 'react';
import { BINDINGS, CONTEXT_NAMES } from '../keys/keymap.ts';
import { useStore } from '../store/store.ts';
import { setQrOpen, setSheetOpen } from '../store/uiActions.ts';

/**
 * The keyboard shortcuts, in a modal dialog (? opens it; Esc or the button closes it), listed from the keymap;
 * in presenter mode, with a button that shows the class the page's QR code.
 */
export function ShortcutSheet() {
  const open = useStore((s) => s.sheetOpen);
  const presenting = useStore((s) => s.presenting);
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog ref={ref} className="shortcut-sheet" aria-labelledby="shortcut-title" onClose={() => setSheetOpen(false)}>
      <h2 id="shortcut-title">Keyboard shortcuts</h2>
      <dl>
        {BINDINGS.map((b) => (
          <div key={`${b.context} ${b.label}`}>
            <dt>
              <kbd>{b.label}</kbd>
            </dt>
            <dd>
              {b.what}
              {b.context !== 'anywhere' && <> ({CONTEXT_NAMES[b.context]})</>}
            </dd>
          </div>
        ))}
      </dl>
      <div className="sheet-buttons">
        {/* Close first: the sheet opens with the focus on it, as it did before it had a second button. */}
        <button type="button" onClick={() => setSheetOpen(false)}>
          Close
        </button>
        {presenting && (
          <button type="button" onClick={() => setQrOpen(true)} aria-keyshortcuts="Q">
            Show the class a QR code of this page (Q)
          </button>
        )}
      </div>
    </dialog>
  );
}
