import { useEffect, useId, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { placePopover } from './placePopover.ts';
import { TERMS, type TermId } from './terms.ts';

/** A pointer that leaves the term has this long to reach its definition before it closes. */
const CLOSE_DELAY_MS = 200;

/**
 * A term defined where it appears: a dotted-underlined button (the term itself) whose definition opens on
 * hover, keyboard focus or tap, plain words first, and closes on Esc, on leaving it, or on a tap elsewhere.
 * A click or tap pins it open until the next one. The definition is always in the page (hidden when closed)
 * as the button's description, so a screen reader reads it with the term. Usage:
 * `<Term id="running">running averages</Term>`; without children it shows the glossary's own wording.
 */
export function Term({ id, children }: { id: TermId; children?: ReactNode }) {
  const entry = TERMS[id];
  const popId = useId();
  const [open, setOpen] = useState(false);
  const [pinned, setPinned] = useState(false);
  const [place, setPlace] = useState<{ left: number; top: number } | null>(null);
  const wrap = useRef<HTMLSpanElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const pop = useRef<HTMLSpanElement>(null);
  const closeTimer = useRef(0);
  const fromPointer = useRef(false);
  // A press inside the definition (selecting its text) blurs the button without meaning to close it.
  const pressInside = useRef(false);

  const cancelClose = () => {
    clearTimeout(closeTimer.current);
    closeTimer.current = 0;
  };
  const close = () => {
    cancelClose();
    setOpen(false);
    setPinned(false);
  };
  const closeSoon = () => {
    cancelClose();
    closeTimer.current = window.setTimeout(() => setOpen(false), CLOSE_DELAY_MS);
  };

  // Fixed to the viewport beside the term, so no scrolling table or panel clips it; kept in place on scroll.
  useLayoutEffect(() => {
    if (!open) return;
    const position = () => {
      const a = button.current?.getBoundingClientRect();
      const p = pop.current?.getBoundingClientRect();
      if (!a || !p) return;
      setPlace(placePopover(a, p, { width: document.documentElement.clientWidth, height: window.innerHeight }));
    };
    position();
    window.addEventListener('scroll', position, { capture: true, passive: true });
    window.addEventListener('resize', position);
    return () => {
      window.removeEventListener('scroll', position, { capture: true });
      window.removeEventListener('resize', position);
    };
  }, [open]);

  // While open: Esc closes it (and does nothing else), and so does a press anywhere outside it.
  useEffect(() => {
    if (!open) return;
    const shut = () => {
      clearTimeout(closeTimer.current);
      setOpen(false);
      setPinned(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      e.preventDefault();
      shut();
    };
    const onDown = (e: PointerEvent) => {
      if (!(e.target instanceof Node) || !wrap.current?.contains(e.target)) shut();
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onDown);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onDown);
    };
  }, [open]);

  useEffect(() => cancelClose, []);

  return (
    <span
      ref={wrap}
      className="gloss-wrap"
      onPointerDown={() => {
        pressInside.current = true;
        window.addEventListener('pointerup', () => (pressInside.current = false), { once: true });
      }}
      onPointerEnter={(e) => {
        if (e.pointerType !== 'mouse') return;
        cancelClose();
        setOpen(true);
      }}
      onPointerLeave={(e) => {
        if (e.pointerType === 'mouse' && !pinned && document.activeElement !== button.current) closeSoon();
      }}
    >
      <button
        ref={button}
        type="button"
        className="gloss-term"
        aria-expanded={open}
        aria-describedby={popId}
        onPointerDown={() => {
          fromPointer.current = true;
        }}
        onFocus={() => {
          // A tap or click focuses the button first: its click decides. Keyboard focus opens it.
          if (!fromPointer.current) setOpen(true);
        }}
        onBlur={() => {
          fromPointer.current = false;
          if (!pressInside.current) close();
        }}
        onClick={() => {
          fromPointer.current = false;
          if (pinned) close();
          else {
            setPinned(true);
            setOpen(true);
          }
        }}
      >
        {children ?? entry.term}
      </button>
      <span
        ref={pop}
        id={popId}
        role="tooltip"
        className="gloss-pop"
        hidden={!open}
        style={place === null ? { visibility: 'hidden' } : { left: place.left, top: place.top }}
      >
        <strong className="gloss-name">{entry.term}</strong> {entry.plain}
        {'more' in entry && <span className="gloss-more">{entry.more}</span>}
      </span>
    </span>
  );
}
