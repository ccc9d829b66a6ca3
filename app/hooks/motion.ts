/** Under prefers-reduced-motion the training panels redraw at most this often (4 per second) instead of every frame. */
export const REDUCED_MOTION_FRAME_MS = 250;

/** Whether the reader asked the system for less motion (false where it cannot be asked, as in Node). */
export function prefersReducedMotion(): boolean {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/**
 * How long to wait before the next redraw, given when the last one ran: 0 for every frame, else what is left
 * of the gap (the reduced-motion gap, or a panel's own `minGapMs` if longer).
 */
export function redrawDelay(now: number, lastDraw: number, reduced: boolean, minGapMs = 0): number {
  const gap = Math.max(reduced ? REDUCED_MOTION_FRAME_MS : 0, minGapMs);
  return gap > 0 ? Math.max(0, lastDraw + gap - now) : 0;
}
