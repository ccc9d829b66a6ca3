import type { SectionId } from '../sections.ts';

/** What a reader did with a section's prediction: a choice, or a skip. */
export type Locked = { readonly kind: 'chose'; readonly choice: string } | { readonly kind: 'skipped' };

const key = (section: SectionId) => `shift-lab:prediction:v1:${section}`;

/** Reads a locked prediction back (predictions stay on the device); null when none, or storage is unavailable or garbled. */
export function loadLocked(section: SectionId, storage: Pick<Storage, 'getItem'> | null): Locked | null {
  try {
    const raw = storage?.getItem(key(section));
    if (raw === null || raw === undefined) return null;
    const v = JSON.parse(raw) as unknown;
    if (typeof v !== 'object' || v === null) return null;
    const o = v as Record<string, unknown>;
    if (o.kind === 'skipped') return { kind: 'skipped' };
    if (o.kind === 'chose' && typeof o.choice === 'string' && o.choice.length <= 40) return { kind: 'chose', choice: o.choice };
    return null;
  } catch {
    return null;
  }
}

/** Stores a locked prediction, or forgets it (null); quietly does nothing where storage is unavailable. */
export function saveLocked(section: SectionId, locked: Locked | null, storage: Pick<Storage, 'setItem' | 'removeItem'> | null): void {
  try {
    if (locked === null) storage?.removeItem(key(section));
    else storage?.setItem(key(section), JSON.stringify(locked));
  } catch {
    // Private browsing or a full quota: the prediction still holds for this visit.
  }
}
