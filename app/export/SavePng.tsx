import { useState, type RefObject } from 'react';
import { notify, useStore } from '../store/store.ts';
import { useDrawHold } from './drawHold.ts';
import { pngName, savePng } from './png.ts';

/** A button saving an element (a panel, or the whole lab) as a 2× PNG. */
export function SavePng({ target, what, label }: { target: RefObject<HTMLElement | null>; what: string; label: string }) {
  const drawHold = useDrawHold();
  const [busy, setBusy] = useState(false);
  const save = async () => {
    const node = target.current;
    if (node === null) return;
    setBusy(true);
    try {
      await savePng(node, pngName(what, useStore.getState().step), drawHold);
    } catch (e) {
      notify(`Could not save the picture: ${(e as Error).message}`, 'error');
    } finally {
      setBusy(false);
    }
  };
  return (
    <button type="button" className="tool-button" data-no-export="" disabled={busy} onClick={() => void save()}>
      {label}
    </button>
  );
}
