/** Under prefers-reduced-motion the training panels redraw at most this often (4 per second) instead of every frame. */
export const REDUCED_MOTION_FRAME_MS = 250;

/** Whether the reader asked the system for less motion (false where it cannot be asked, as in Node). */
export function prefersReducedMotion(): boolean {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/** How long to wait before the next redraw, given when the last one ran: 0 for every frame, else what is left of the gap. */
export function redrawDelay(now: number, lastDraw: number, reduced: boolean): number {
  return reduced ? Math.max(0, lastDraw + REDUCED_MOTION_FRAME_MS - now) : 0;
}
