import { shareLink } from './shareQuery.ts';
import { notify, useStore } from './store/store.ts';

/**
 * Copies a link to the current settings, view and section, built from the state itself (the address bar
 * follows it only after a short debounce), its settings in the compact preset form. Where the clipboard is
 * refused, the notice shows the link to copy by hand.
 */
export function CopyLink() {
  const copy = async () => {
    const link = shareLink(useStore.getState());
    try {
      await navigator.clipboard.writeText(link);
      notify('Link copied: it opens these settings, this view and this section.', 'info', 'link');
    } catch {
      notify(`The browser refused the clipboard. Copy this link by hand: ${link}`, 'warning', 'link');
    }
  };
  return (
    <button type="button" className="copy-link" onClick={() => void copy()} title="Copy a link to exactly this setup">
      Copy link
    </button>
  );
}
