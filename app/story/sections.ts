/** The story's sections, in reading order: each has an id for the link (`?view=story&section=ID`). */
export const SECTIONS = [
  { id: 'scaling', title: 'Feature scaling' },
  { id: 'shift', title: 'Internal covariate shift' },
  { id: 'transform', title: 'The BN transform' },
  { id: 'bias', title: 'Bias neutralization' },
  { id: 'inference', title: 'Inference' },
  { id: 'rates', title: 'Larger learning rates' },
  { id: 'smoothness', title: 'Is it really covariate shift?' },
  { id: 'limits', title: 'Regularization and limits' },
] as const;

export type SectionId = (typeof SECTIONS)[number]['id'];

/** The first section: where the story opens when the link names none. */
export const FIRST_SECTION: SectionId = 'scaling';

/** Reads the `section` parameter: a known id, or the first section plus a notice quoting what was wrong. */
export function parseSection(text: string | null): { section: SectionId; notice: string | null } {
  if (text === null) return { section: FIRST_SECTION, notice: null };
  const found = SECTIONS.find((s) => s.id === text);
  if (found) return { section: found.id, notice: null };
  const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  return { section: FIRST_SECTION, notice: `Unknown story section "${shown}" in the link; starting at the beginning.` };
}

/** The section after (+1) or before (−1) this one, or null at either end. */
export function neighbour(id: SectionId, by: 1 | -1): SectionId | null {
  const i = SECTIONS.findIndex((s) => s.id === id) + by;
  return i >= 0 && i < SECTIONS.length ? SECTIONS[i].id : null;
}
