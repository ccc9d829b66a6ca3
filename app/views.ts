/** The app's top-level views, in the order the story tells them. */
export const VIEWS = [
  { id: 'story', title: 'The story', blurb: 'Every claim of the argument, live' },
  { id: 'scaling', title: 'Feature scaling', blurb: 'Why standardize inputs' },
  { id: 'chain', title: 'Stacked layers', blurb: 'Why depth makes the learning rate hard' },
  { id: 'lab', title: 'Batch-norm lab', blurb: 'The same network with and without BN' },
] as const;

export type ViewId = (typeof VIEWS)[number]['id'];

/** The view shown when the link names none. */
export const DEFAULT_VIEW: ViewId = 'lab';

/** Reads the `view` parameter: a known id, or the default plus a notice quoting what was wrong. */
export function parseView(text: string | null): { view: ViewId; notice: string | null } {
  if (text === null) return { view: DEFAULT_VIEW, notice: null };
  const found = VIEWS.find((v) => v.id === text);
  if (found) return { view: found.id, notice: null };
  const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  return { view: DEFAULT_VIEW, notice: `Unknown view "${shown}" in the link; showing the ${VIEWS.find((v) => v.id === DEFAULT_VIEW)?.title}.` };
}
