import type { Placement } from '../../src/engine/index.ts';

/** The variant menu, grouped by what the normalization is. */
export const PLACEMENT_GROUPS: readonly { readonly label: string; readonly placements: readonly Placement[] }[] = [
  { label: 'No normalization', placements: ['none'] },
  { label: 'Batch norm', placements: ['before', 'after', 'noisy'] },
  { label: 'Layer norm (no batch statistics)', placements: ['ln-before', 'ln-after'] },
  { label: 'ℓp batch norm (Santurkar et al.)', placements: ['l1-before', 'l1-after', 'l2-before', 'l2-after', 'linf-before', 'linf-after'] },
];

/** The variants with slot `slot` set to `placement`; a placement already in another slot swaps into this one's place. */
export function replaceSlot(variants: readonly Placement[], slot: number, placement: Placement): Placement[] {
  const next = [...variants];
  const other = next.indexOf(placement);
  if (other >= 0 && other !== slot) next[other] = next[slot];
  next[slot] = placement;
  return next;
}

/** The first placement in menu order that no slot holds yet. */
export function nextUnused(variants: readonly Placement[], menu: readonly Placement[]): Placement {
  const free = menu.find((p) => !variants.includes(p));
  if (free === undefined) throw new Error('every placement is in use');
  return free;
}
