import { updateConfig, useStore } from '../../store/store.ts';
import { showPage } from '../../store/uiActions.ts';
import { postEvents } from './events.ts';
import type { DemoControl } from './demoApi.ts';
import { createHandler, type RunControl } from './handler.ts';
import { NAMESPACE, type OutgoingMessage } from './protocol.ts';

/** The window the API lives in, as far as it uses it (a test passes a fake one). */
export interface FrameWindow {
  readonly parent: { postMessage(message: unknown, targetOrigin: string): void };
  addEventListener(type: 'message', listener: (e: MessageEvent<unknown>) => void): void;
  removeEventListener(type: 'message', listener: (e: MessageEvent<unknown>) => void): void;
  setTimeout(fn: () => void, ms: number): unknown;
}

/**
 * Starts the postMessage API when the page is framed (app/main.tsx, once): messages are taken from the
 * parent window only (any origin: the app is public teaching material), and answers and events go to the
 * parent only, addressed to the origin of its first call once known (until then to '*': the state carries
 * nothing private). The API is the host's, so a link's `lock=` (the reader's) does not bind it. Returns the
 * way to stop it (tests). The run methods drive the lab's `trainer`, or on the story view the section's `demo`.
 */
export function startEmbedApi(trainer: RunControl, demo: DemoControl, win: FrameWindow = window): () => void {
  if ((win.parent as unknown) === win) return () => {};
  const parent = win.parent;
  let targetOrigin = '*';
  const post = (msg: OutgoingMessage) => parent.postMessage(msg, targetOrigin);
  const handle = createHandler({ getState: useStore.getState, updateConfig, showPage, trainer, demo, post });
  const onMessage = (e: MessageEvent<unknown>) => {
    if (e.source !== parent) return;
    const data = e.data as { namespace?: unknown } | null;
    // An opaque origin ('null': a sandboxed or file:// host) cannot be addressed; '*' stays then.
    if (targetOrigin === '*' && e.origin !== 'null' && e.origin !== '' && typeof data === 'object' && data?.namespace === NAMESPACE) targetOrigin = e.origin;
    handle(e.data);
  };
  win.addEventListener('message', onMessage);
  const stopEvents = postEvents({
    getState: useStore.getState,
    subscribe: (listener) => useStore.subscribe(listener),
    demo,
    post,
    now: () => performance.now(),
    setTimeout: (fn, ms) => void win.setTimeout(fn, ms),
  });
  return () => {
    win.removeEventListener('message', onMessage);
    stopEvents();
  };
}
