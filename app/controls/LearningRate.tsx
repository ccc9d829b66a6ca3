import { useId } from 'react';
import { Term } from '../glossary/Term.tsx';
import { NumberField } from './NumberField.tsx';

const MIN = 1e-4;
const MAX = 20;

/** The learning rate on a log slider (one notch per tenth of a decade) with typed entry beside it. */
export function LearningRate({ value, onChange }: { value: number; onChange: (lr: number) => void }) {
  const id = useId();
  const position = Math.log10(Math.min(Math.max(value, MIN), MAX));
  return (
    <div className="lr-control">
      <label htmlFor={id} className="slider-label">
        <Term id="lr">Learning rate</Term> <output htmlFor={id}>{value}</output>
      </label>
      <input
        id={id}
        type="range"
        min={Math.log10(MIN)}
        max={Math.log10(MAX)}
        step={0.1}
        value={position}
        onChange={(e) => onChange(Number((10 ** Number(e.target.value)).toPrecision(2)))}
      />
      <NumberField label="Typed learning rate" value={value} min={1e-5} max={100} onCommit={onChange} />
    </div>
  );
}
