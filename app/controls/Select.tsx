import { useId, type ReactNode } from 'react';
import type { TermId } from '../glossary/terms.ts';

/** What each inference mode is called on screen. */
export const MODE_LABEL = { batch: 'batch statistics', running: 'running averages', population: 'population statistics' } as const;

/** The glossary entry of each inference mode. */
export const MODE_TERM = { batch: 'batchStats', running: 'running', population: 'population' } as const satisfies Record<keyof typeof MODE_LABEL, TermId>;

/** A labelled drop-down over a fixed list of values, with an optional line under it (say, what its options mean). */
export function Select<T extends string>({
  label,
  value,
  options,
  names,
  hint,
  onChange,
}: {
  label: ReactNode;
  value: T;
  options: readonly T[];
  names?: Partial<Record<T, string>>;
  hint?: ReactNode;
  onChange: (v: T) => void;
}) {
  const id = useId();
  // The label names the select by id: wrapping both, it would label the first control inside it, which is
  // the label's own glossary button where the label holds a term.
  const field = (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value as T)}>
        {options.map((o) => (
          <option key={o} value={o}>
            {names?.[o] ?? o}
          </option>
        ))}
      </select>
    </div>
  );
  if (!hint) return field;
  return (
    <div className="field-with-hint">
      {field}
      <p className="field-hint">{hint}</p>
    </div>
  );
}
