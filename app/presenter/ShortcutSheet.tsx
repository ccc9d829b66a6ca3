import { useEffect, useRef } from 'react';
import { useStore } from '../store/store.ts';

const KEYS: readonly [string, string][] = [
  ['P', 'presenter mode on or off'],
  ['← →', 'previous or next section (presenter mode)'],
  ['Space', 'play or pause'],
  ['.', 'one training step'],
  ['R', 'reset (same seed)'],
  ['B', 'move every normalization across its activation (presenter mode)'],
  ['1 2 3', 'two, three or four variants (presenter mode)'],
  ['F', 'the focused panel full screen'],
  ['?', 'this sheet'],
  ['Esc', 'close the sheet, leave full screen, leave presenter mode'],
];

/** The keyboard shortcuts, in a modal dialog (? opens it; Esc or the button closes it). */
export function ShortcutSheet() {
  const open = useStore((s) => s.sheetOpen);
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog ref={ref} className="shortcut-sheet" aria-labelledby="shortcut-title" onClose={() => useStore.setState({ sheetOpen: false })}>
      <h2 id="shortcut-title">Keyboard shortcuts</h2>
      <dl>
        {KEYS.map(([key, what]) => (
          <div key={key}>
            <dt>
              <kbd>{key}</kbd>
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
      <button type="button" onClick={() => useStore.setState({ sheetOpen: false })}>
        Close
      </button>
    </dialog>
  );
}
