/** Notices: messages about resets, corrected values and failed loads, kept so they never pile up. */

/** What a notice is about: a newer notice of the same key replaces the older one. */
export type NoticeKey = 'restart' | 'link' | 'preset' | 'export' | 'trainer' | 'sweep';

/** A message shown to the user: a reset, a corrected value, a failed load. */
export interface Notice {
  readonly id: number;
  readonly text: string;
  readonly kind: 'info' | 'warning' | 'error';
  /** What it is about, when a newer message on the same subject makes it stale. */
  readonly key?: NoticeKey;
}

/** How many notices show at once (the newest). */
export const MAX_NOTICES = 4;

/**
 * The list with `notice` added last: an earlier notice with the same key or the same text is dropped (the new
 * one says it again, newer), and only the newest MAX_NOTICES are kept.
 */
export function addNotice(list: readonly Notice[], notice: Notice): Notice[] {
  const stale = (n: Notice) => n.text === notice.text || (notice.key !== undefined && n.key === notice.key);
  return [...list.filter((n) => !stale(n)), notice].slice(-MAX_NOTICES);
}
