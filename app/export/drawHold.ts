import { createContext, useContext } from 'react';

/**
 * Holds the panels' drawing while a picture of the page is taken: the picture shows one moment, and the copying
 * gets the main thread between frames instead of racing the panels for it. Training goes on; the panels catch
 * up with one draw when the hold is released.
 */
export class DrawHold {
  private holds = 0;
  private readonly listeners = new Set<() => void>();

  /** Whether drawing is held now. */
  get held(): boolean {
    return this.holds > 0;
  }

  /** Holds drawing until the returned function is called (holds nest; each release counts once). */
  hold(): () => void {
    this.holds++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.holds--;
      if (this.holds === 0) for (const listener of [...this.listeners]) listener();
    };
  }

  /** Calls `listener` when the last hold is released; returns the unsubscribe. */
  onRelease(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/** The page's hold; main.tsx provides the one instance. */
export const DrawHoldContext = createContext<DrawHold>(new DrawHold());

/** The page's draw hold. */
export function useDrawHold(): DrawHold {
  return useContext(DrawHoldContext);
}
