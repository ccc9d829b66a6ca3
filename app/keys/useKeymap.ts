import { createContext, useContext, useEffect, useRef, useState } from 'react';
import { useStore } from '../store/store.ts';
import { intentFor, type Intent } from './keymap.ts';

/** What an intent does; `false` means the key was not used here (it keeps its default, e.g. scrolling). */
export type IntentHandler = () => boolean | void;

/** Handlers by intent. */
export type IntentHandlers = Partial<Record<Intent, IntentHandler>>;

/** The intents' handlers while their components are mounted: the newest registration of an intent acts. */
export class KeyHandlers {
  private readonly stack: IntentHandlers[] = [];

  /** Registers handlers; returns the function that removes them. */
  on(handlers: IntentHandlers): () => void {
    this.stack.push(handlers);
    return () => {
      const i = this.stack.lastIndexOf(handlers);
      if (i >= 0) this.stack.splice(i, 1);
    };
  }

  /** Runs an intent's handler; whether it used the key. */
  run(intent: Intent): boolean {
    for (let i = this.stack.length - 1; i >= 0; i--) {
      const handler = this.stack[i][intent];
      if (handler !== undefined) return handler() !== false;
    }
    return false;
  }
}

/** The page's key handlers, for components that add their own (the story section's demo keys). */
export const KeysContext = createContext<KeyHandlers | null>(null);

/**
 * The page's one keydown listener: each key press becomes an intent by the keymap (for the page as it is
 * now) and runs its handler. `handlers` are the page's own; components add theirs with useIntents.
 */
export function useKeymap(handlers: IntentHandlers): KeyHandlers {
  const [keys] = useState(() => new KeyHandlers());
  useIntentsOn(keys, handlers);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const { view, presenting, sheetOpen, qrOpen } = useStore.getState();
      // The QR code is a modal as the sheet is: only the keys that close it act behind it.
      const intent = intentFor(e, { view, presenting, sheetOpen: sheetOpen || qrOpen });
      if (intent !== null && keys.run(intent)) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [keys]);
  return keys;
}

/** Handles intents while the component is mounted (the handlers may close over its latest state). */
export function useIntents(handlers: IntentHandlers): void {
  const keys = useContext(KeysContext);
  if (keys === null) throw new Error('useIntents outside KeysContext');
  useIntentsOn(keys, handlers);
}

function useIntentsOn(keys: KeyHandlers, handlers: IntentHandlers): void {
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });
  const intents = Object.keys(handlers).sort().join(' ');
  useEffect(() => {
    const names = intents.split(' ') as Intent[];
    // Each registered handler calls the latest render's, so a handler never acts on stale state.
    const proxies: IntentHandlers = Object.fromEntries(names.map((n): [Intent, IntentHandler] => [n, () => latest.current[n]?.() ?? true]));
    return keys.on(proxies);
  }, [keys, intents]);
}
