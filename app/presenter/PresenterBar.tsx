import { lazy, Suspense, useEffect, useRef } from 'react';
import { useStore } from '../store/store.ts';
import { neighbourSlide, SLIDES, slideIndex } from './deck.ts';
import { setSheetOpen, stopPresenting } from '../store/uiActions.ts';
import { showSlide } from './presenterActions.ts';

/** The class's QR code, loaded the first time it is shown (the QR encoder stays out of the page's first load). */
const ClassQr = lazy(() => import('../share/ClassQr.tsx').then((m) => ({ default: m.ClassQr })));

/** Presenter mode's strip: where the talk is, previous and next, the shortcut sheet, and the way out; and the class's QR code when shown. */
export function PresenterBar() {
  const view = useStore((s) => s.view);
  const qrOpen = useStore((s) => s.qrOpen);
  const section = useStore((s) => s.section);
  const index = slideIndex(view, section);
  const prev = neighbourSlide(view, section, -1);
  const next = neighbourSlide(view, section, 1);
  const heading = useRef<HTMLHeadingElement>(null);
  // Entering presenter mode removes the button that had the focus: the keyboard lands on the slide's title, and
  // so it does on each slide whose change left the focus nowhere. Without a focus ring: the arrow keys put it
  // there, not Tab, and a ring around the title would sit on every slide of the talk.
  useEffect(() => {
    const active = document.activeElement;
    if (active === null || active === document.body || heading.current?.contains(active)) heading.current?.focus({ focusVisible: false });
  }, [index]);
  return (
    <>
      <nav className="presenter-bar" aria-label="Presenter">
        <button type="button" disabled={prev === null} onClick={() => prev && showSlide(prev)} aria-keyshortcuts="ArrowLeft">
          ← <span className="sr-only">Previous section</span>
        </button>
        <h1 ref={heading} tabIndex={-1} className="slide-place" data-testid="slide-place">
          <span className="slide-count">
            {index + 1} / {SLIDES.length}
          </span>{' '}
          {SLIDES[index]?.title}
        </h1>
        <button type="button" disabled={next === null} onClick={() => next && showSlide(next)} aria-keyshortcuts="ArrowRight">
          → <span className="sr-only">Next section</span>
        </button>
        <button type="button" onClick={() => setSheetOpen(true)} aria-keyshortcuts="?">
          Shortcuts (?)
        </button>
        <button type="button" onClick={stopPresenting} aria-keyshortcuts="Escape P">
          Leave presenter mode
        </button>
      </nav>
      {qrOpen && (
        <Suspense fallback={null}>
          <ClassQr />
        </Suspense>
      )}
    </>
  );
}
