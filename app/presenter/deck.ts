import type { Placement } from '../../src/engine/index.ts';
import { SECTIONS, type SectionId } from '../story/sections.ts';
import type { ViewId } from '../views.ts';

/** One screen of the talk: a story section with its live demo, or the whole lab. */
export interface Slide {
  readonly view: ViewId;
  readonly section: SectionId | null;
  readonly title: string;
}

/** The talk in order: the story's sections, then the lab for questions. */
export const SLIDES: readonly Slide[] = [
  ...SECTIONS.map((s) => ({ view: 'story' as const, section: s.id, title: s.title })),
  { view: 'lab', section: null, title: 'The batch-norm lab' },
];

/**
 * Where a page sits in the talk. The feature-scaling and stacked-layers views sit at the story sections
 * that tell them (1 and 2).
 */
export function slideIndex(view: ViewId, section: SectionId): number {
  if (view === 'lab' || view === 'scenarios') return SLIDES.length - 1;
  const at = view === 'scaling' ? 'scaling' : view === 'chain' ? 'shift' : section;
  return SLIDES.findIndex((s) => s.section === at);
}

/** The slide `by` steps on from a page, or null past either end. */
export function neighbourSlide(view: ViewId, section: SectionId, by: 1 | -1): Slide | null {
  return SLIDES[slideIndex(view, section) + by] ?? null;
}

/** The variant layouts keys 1, 2 and 3 pick: the pair, the three BN placements, and noisy BN too. */
export const VARIANT_LAYOUTS: readonly (readonly Placement[])[] = [
  ['none', 'before'],
  ['none', 'before', 'after'],
  ['none', 'before', 'after', 'noisy'],
];

const FLIPPED: Partial<Record<Placement, Placement>> = {
  before: 'after',
  after: 'before',
  'ln-before': 'ln-after',
  'ln-after': 'ln-before',
  'l1-before': 'l1-after',
  'l1-after': 'l1-before',
  'l2-before': 'l2-after',
  'l2-after': 'l2-before',
  'linf-before': 'linf-after',
  'linf-after': 'linf-before',
};

/** Key B: every normalization moves to the other side of its activation (plain and noisy BN stay). */
export function flipPlacements(variants: readonly Placement[]): Placement[] {
  return variants.map((p) => FLIPPED[p] ?? p);
}
