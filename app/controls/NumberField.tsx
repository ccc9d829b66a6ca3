import { useId, useState } from 'react';
import { Term } from '../glossary/Term.tsx';
import type { TermId } from '../glossary/terms.ts';
import { clampInput } from './clampInput.ts';

export interface NumberFieldProps {
  label: string;
  /** The glossary entry that defines the label, which then opens it on hover, focus or tap. */
  term?: TermId;
  value: number;
  min: number;
  max: number;
  integer?: boolean;
  onCommit: (value: number) => void;
}

/** A typed number: committed on Enter or leaving the field, clamped into range with a visible message. */
export function NumberField({ label, term, value, min, max, integer = false, onCommit }: NumberFieldProps) {
  const id = useId();
  const [text, setText] = useState(String(value));
  const [message, setMessage] = useState<string | null>(null);
  // When the value changes from outside (a preset, a reset), show it.
  const [shown, setShown] = useState(value);
  if (value !== shown) {
    setShown(value);
    setText(String(value));
  }
  const commit = () => {
    const r = clampInput(text, value, min, max, integer, label);
    setMessage(r.message);
    setText(String(r.value));
    if (r.value !== value) onCommit(r.value);
  };
  return (
    <div className="field">
      <label htmlFor={id}>{term ? <Term id={term}>{label}</Term> : label}</label>
      <input
        id={id}
        type="text"
        inputMode="decimal"
        value={text}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
        }}
        aria-describedby={message ? `${id}-msg` : undefined}
      />
      {message && (
        <p id={`${id}-msg`} className="field-message" role="alert">
          {message}
        </p>
      )}
    </div>
  );
}
