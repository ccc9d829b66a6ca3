import { updateConfig, useStore } from '../../store/store.ts';
import { showPage } from '../../store/uiActions.ts';
import { postEvents } from './events.ts';
import { createHandler, type RunControl } from './handler.ts';
import { NAMESPACE, type OutgoingMessage } from './protocol.ts';

/**
 * Starts the postMessage API when the page is framed (app/main.tsx, once): messages are taken from the
 * parent window only (any origin: the app is public teaching material), and answers and events go to the
 * parent only, addressed to the origin of its first call once known (until then to '*': the state carries
 * nothing private). The API is the host's, so a link's `lock=` (the reader's) does not bind it.
 */
export function startEmbedApi(trainer: RunControl, win: Window = window): void {
  if (win.parent === win) return;
  const parent = win.parent;
  let targetOrigin = '*';
  const post = (msg: OutgoingMessage) => parent.postMessage(msg, targetOrigin);
  const handle = createHandler({ getState: useStore.getState, updateConfig, showPage, trainer, post });
  win.addEventListener('message', (e: MessageEvent<unknown>) => {
    if (e.source !== parent) return;
    const data = e.data as { namespace?: unknown } | null;
    // An opaque origin ('null': a sandboxed or file:// host) cannot be addressed; '*' stays then.
    if (targetOrigin === '*' && e.origin !== 'null' && e.origin !== '' && typeof data === 'object' && data?.namespace === NAMESPACE) targetOrigin = e.origin;
    handle(e.data);
  });
  postEvents({
    getState: useStore.getState,
    subscribe: (listener) => useStore.subscribe(listener),
    post,
    now: () => performance.now(),
    setTimeout: (fn, ms) => void win.setTimeout(fn, ms),
  });
}
