import { parseChoice } from '../parseChoice.ts';

/** The story's sections, in reading order: each has an id for the link (`?view=story&section=ID`). */
export const SECTIONS = [
  { id: 'opening', title: 'Same start, same batches' },
  { id: 'scaling', title: 'Feature scaling' },
  { id: 'shift', title: 'Internal covariate shift' },
  { id: 'transform', title: 'The BN transform' },
  { id: 'bias', title: 'Bias neutralization' },
  { id: 'inference', title: 'Inference' },
  { id: 'rates', title: 'Larger learning rates' },
  { id: 'limits', title: 'Tiny batches' },
  { id: 'noisy', title: 'Shift on purpose' },
  { id: 'smoothness', title: 'A smoother landscape' },
  { id: 'evidence', title: 'Weighing the evidence' },
] as const;

export type SectionId = (typeof SECTIONS)[number]['id'];

/** The first section: where the story opens when the link names none. */
export const FIRST_SECTION: SectionId = 'opening';

/** Reads the `section` parameter: a known id, or the first section plus a notice quoting what was wrong. */
export function parseSection(text: string | null): { section: SectionId; notice: string | null } {
  const { value, notice } = parseChoice(
    SECTIONS.map((s) => s.id),
    text,
    FIRST_SECTION,
    (shown) => `Unknown story section "${shown}" in the link; starting at the beginning.`,
  );
  return { section: value, notice };
}

/** The section after (+1) or before (−1) this one, or null at either end. */
export function neighbour(id: SectionId, by: 1 | -1): SectionId | null {
  const i = SECTIONS.findIndex((s) => s.id === id) + by;
  return i >= 0 && i < SECTIONS.length ? SECTIONS[i].id : null;
}

/** A section's place in the story, from 1. */
export function sectionNumber(id: SectionId): number {
  return SECTIONS.findIndex((s) => s.id === id) + 1;
}
