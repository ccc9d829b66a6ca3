import { useId } from 'react';
import type { QuadraticLoss } from '../../src/contour/index.ts';
import { NumberField } from '../controls/NumberField.tsx';
import { formatLimit, formatRate } from './contourGeometry.ts';

/** The slider spans three decades below the stable limit and a little above it. */
const BELOW = 1e-3;
const ABOVE = 3;

export interface RateControlProps {
  side: string;
  f: QuadraticLoss;
  momentum: number;
  lr: number;
  onChange: (lr: number) => void;
}

/** One plot's learning rate: a log slider around its stable limit, typed entry, and the two one-click rates. */
export function RateControl({ side, f, momentum, lr, onChange }: RateControlProps) {
  const id = useId();
  const limit = f.stableLimit(momentum);
  const lo = Math.log10(limit * BELOW);
  const hi = Math.log10(limit * ABOVE);
  const position = Math.min(Math.max(Math.log10(lr), lo), hi);
  // Slider positions round to 3 significant digits; the one-click rates stay exact, since rounding up
  // could carry "largest stable" over the limit.
  const set = (v: number) => onChange(Number(v.toPrecision(3)));
  return (
    <div className="rate-control">
      <label htmlFor={id} className="slider-label">
        Learning rate η ({side}) <output htmlFor={id}>{formatRate(lr)}</output>
      </label>
      <input id={id} type="range" min={lo} max={hi} step={(hi - lo) / 300} value={position} onChange={(e) => set(10 ** Number(e.target.value))} />
      <div className="rate-buttons">
        <button type="button" onClick={() => onChange(0.99 * limit)} title={`0.99 × the stable limit ${formatLimit(limit)}`}>
          Largest stable η
        </button>
        {momentum === 0 && (
          <button type="button" onClick={() => onChange(f.fastestRate())} title="2 / (λmax + λmin): both directions shrink equally fast">
            Fastest η
          </button>
        )}
      </div>
      <NumberField label={`Typed η (${side})`} value={lr} min={1e-12} max={1e6} onCommit={onChange} />
    </div>
  );
}
