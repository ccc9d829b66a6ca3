import { parseChoice } from './parseChoice.ts';

/** The app's top-level views, in the order the story tells them. */
export const VIEWS = [
  { id: 'story', title: 'The story', blurb: 'Every claim of the argument, live' },
  { id: 'scaling', title: 'Feature scaling', blurb: 'Why standardize inputs' },
  { id: 'chain', title: 'Stacked layers', blurb: 'Why depth makes the learning rate hard' },
  { id: 'lab', title: 'Batch-norm lab', blurb: 'The same network with and without BN' },
  { id: 'scenarios', title: 'Scenarios', blurb: 'One-click setups to show or hand out' },
] as const;

export type ViewId = (typeof VIEWS)[number]['id'];

/** The view shown when the link names none. */
export const DEFAULT_VIEW: ViewId = 'story';

/** Reads the `view` parameter: a known id, or the default plus a notice quoting what was wrong. */
export function parseView(text: string | null): { view: ViewId; notice: string | null } {
  const title = VIEWS.find((v) => v.id === DEFAULT_VIEW)?.title;
  const { value, notice } = parseChoice(
    VIEWS.map((v) => v.id),
    text,
    DEFAULT_VIEW,
    (shown) => `Unknown view "${shown}" in the link; showing the ${title}.`,
  );
  return { view: value, notice };
}
