import { Fragment, useEffect, useMemo, useRef } from 'react';
import { readableLink, shareLink } from '../shareQuery.ts';
import { useStore } from '../store/store.ts';
import { setQrOpen } from '../store/uiActions.ts';
import { qrPath, qrSymbol, QUIET_ZONE } from './qrCode.ts';
import './classQr.css';

/**
 * Presenter mode's QR code of the page's link (Q, or the shortcut sheet's button), in a modal that fills the
 * screen's height so a phone reads it from the back of a hall, with the link written under it. Drawn here from
 * the link: nothing leaves the page. The link leaves presenter mode out (students open the page, not the talk).
 */
export function ClassQr() {
  const link = useStore((s) => shareLink(s, true));
  const symbol = useMemo(() => qrSymbol(link), [link]);
  const side = symbol.size + 2 * QUIET_ZONE;
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  return (
    <dialog ref={ref} className="class-qr" aria-labelledby="class-qr-title" onClose={() => setQrOpen(false)}>
      <h2 id="class-qr-title">Scan to open this on your phone</h2>
      <svg
        className="class-qr-code"
        data-testid="class-qr"
        data-qr-version={symbol.version}
        viewBox={`0 0 ${side} ${side}`}
        shapeRendering="crispEdges"
        role="img"
        aria-label={`QR code of the link ${link}`}
      >
        <rect width={side} height={side} fill="#fff" />
        <path d={qrPath(symbol)} fill="#000" />
      </svg>
      <p className="class-qr-link" data-testid="class-qr-link">
        {/* A narrow screen breaks the link between its parameters rather than inside one. */}
        {readableLink(link)
          .split(/(?=[?&])/)
          .map((part, i) => (
            <Fragment key={i}>
              {i > 0 && <wbr />}
              {part}
            </Fragment>
          ))}
      </p>
      <button type="button" onClick={() => setQrOpen(false)} aria-keyshortcuts="Escape Q">
        Close (Esc)
      </button>
    </dialog>
  );
}
