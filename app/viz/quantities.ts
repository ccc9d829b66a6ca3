import { normOf, type ActivationName, type Placement } from '../../src/engine/index.ts';
import { zIsActIn, type LayerStat } from '../../src/experiment/index.ts';

/**
 * What a chart of one layer shows: `z`, the dense output xW + b that a normalization before the nonlinearity
 * receives; `actIn`, what the nonlinearity receives after it; or `both`, for a variant where they are one
 * and the same array (plain, and every normalization after the nonlinearity).
 */
export type Quantity = 'z' | 'actIn' | 'both';

/** Which quantities the panels show: both, or only the one on either side of the normalization. */
export type QuantityView = 'both' | 'z' | 'actIn';

/** One chart of a layer: a variant and the quantity it shows. */
export interface QuantityCell {
  readonly v: number;
  readonly placement: Placement;
  readonly quantity: Quantity;
}

/**
 * The charts of one layer, variant by variant: one where z is the nonlinearity's input, else z and then
 * what the nonlinearity receives (in `view` 'z' or 'actIn', only that one).
 */
export function quantityCells(placements: readonly Placement[], view: QuantityView = 'both'): QuantityCell[] {
  return placements.flatMap((placement, v): QuantityCell[] => {
    if (zIsActIn(placement)) return [{ v, placement, quantity: 'both' }];
    const both: QuantityCell[] = [
      { v, placement, quantity: 'z' },
      { v, placement, quantity: 'actIn' },
    ];
    return view === 'both' ? both : both.filter((c) => c.quantity === view);
  });
}

/** Whether any variant normalizes before its nonlinearity (so z and the nonlinearity's input differ). */
export function hasSplitQuantities(placements: readonly Placement[]): boolean {
  return placements.some((p) => !zIsActIn(p));
}

/** The nonlinearity's name in running text: "sigmoid", "ReLU", "tanh", "activation". */
export function activationName(activation: ActivationName): string {
  return { sigmoid: 'sigmoid', tanh: 'tanh', relu: 'ReLU', linear: 'activation' }[activation];
}

/** The normalization's short name in running text: "BN", "layer norm", "ℓ2 BN"; "" without one. */
export function normName(placement: Placement): string {
  const norm = normOf(placement);
  if (norm === null) return '';
  return norm === 'bn' ? 'BN' : norm === 'ln' ? 'layer norm' : `${{ l1: 'ℓ1', l2: 'ℓ2', linf: 'ℓ∞' }[norm]} BN`;
}

/**
 * A chart's quantity in plain words: "z = xW + b (before BN)", "into the sigmoid (after BN)", or, where z goes
 * straight into the nonlinearity (plain; BN after it), "z = xW + b = sigmoid input"; `short` for narrow columns.
 */
export function quantityLabel(cell: Pick<QuantityCell, 'placement' | 'quantity'>, activation: ActivationName, short = false): string {
  const act = activationName(activation);
  const norm = normName(cell.placement);
  const noise = cell.placement === 'noisy' ? ' and noise' : '';
  switch (cell.quantity) {
    case 'z':
      return short ? `z, before ${norm}` : `z = xW + b (before ${norm})`;
    case 'actIn':
      return short ? `${act} input, after ${norm}${noise}` : `into the ${act} (after ${norm}${noise})`;
    case 'both':
      return short ? `z = ${act} input` : `z = xW + b = ${act} input`;
  }
}

/** The snapshot statistics a quantity's chart plots: layer-wide and tracked-unit 15/50/85th percentiles. */
export function quantityKeys(quantity: Quantity): {
  readonly layer: readonly [LayerStat, LayerStat, LayerStat];
  readonly unit: readonly [LayerStat, LayerStat, LayerStat];
} {
  return quantity === 'z'
    ? { layer: ['zP15', 'zP50', 'zP85'], unit: ['zUnitP15', 'zUnitP50', 'zUnitP85'] }
    : { layer: ['p15', 'p50', 'p85'], unit: ['unitP15', 'unitP50', 'unitP85'] };
}
