import { useEffect } from 'react';
import { useStore } from '../store/store.ts';
import type { TrainerClient } from '../trainer/TrainerClient.ts';

/** Whether a key press belongs to a form control (typing a value must not drive training). */
function typing(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA', 'BUTTON'].includes(target.tagName));
}

/** Space plays or pauses, "." takes one step, R resets with the same seed: the keys an instructor reaches for. */
export function useShortcuts(trainer: TrainerClient): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || typing(e.target) || useStore.getState().sheetOpen) return;
      const status = useStore.getState().status;
      if (status === 'loading') return;
      if (e.key === ' ') {
        e.preventDefault();
        if (status === 'playing') trainer.pause();
        else trainer.play();
      } else if (e.key === '.') {
        trainer.step(1);
      } else if (e.key === 'r' || e.key === 'R') {
        trainer.reset('same');
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [trainer]);
}
