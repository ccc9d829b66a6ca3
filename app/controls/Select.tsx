/** What each inference mode is called on screen. */
export const MODE_LABEL = { batch: 'batch statistics', running: 'running averages', population: 'population statistics' } as const;

/** A labelled drop-down over a fixed list of values. */
export function Select<T extends string>({ label, value, options, names, onChange }: { label: string; value: T; options: readonly T[]; names?: Partial<Record<T, string>>; onChange: (v: T) => void }) {
  return (
    <label className="field">
      {label}
      <select value={value} onChange={(e) => onChange(e.target.value as T)}>
        {options.map((o) => (
          <option key={o} value={o}>
            {names?.[o] ?? o}
          </option>
        ))}
      </select>
    </label>
  );
}
