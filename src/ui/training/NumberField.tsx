/**
 * A labelled number input that applies its value when the user commits it (Enter or leaving the
 * field), not on every keystroke — typing "12" must not restart the run at seed 1 first.
 */
import { useId, useState } from 'react';

/** Props of `NumberField`. */
export interface NumberFieldProps {
  label: string;
  value: number;
  min: number;
  max: number;
  /** Whole numbers only. */
  integer?: boolean;
  hint: string;
  testId?: string;
  onCommit(value: number): void;
}

/** A number input with validation on commit. */
export function NumberField({ label, value, min, max, integer = true, hint, testId, onCommit }: NumberFieldProps) {
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const text = draft ?? String(value);
  const parsed = Number(text);
  const valid = text.trim() !== '' && Number.isFinite(parsed) && parsed >= min && parsed <= max && (!integer || Number.isInteger(parsed));
  const commit = () => {
    if (draft === null) return;
    if (valid && parsed !== value) onCommit(parsed);
    setDraft(null);
  };
  return (
    <div className="field" title={hint}>
      <label htmlFor={id}>{label}</label>
      <input id={id} type="number" inputMode="numeric" min={min} max={max} step={integer ? 1 : 'any'} value={text}
        aria-invalid={!valid} aria-describedby={`${id}-hint`} data-testid={testId}
        onChange={(e) => setDraft(e.target.value)} onBlur={commit}
        onKeyDown={(e) => { if (e.key === 'Enter') commit(); if (e.key === 'Escape') setDraft(null); }} />
      <span id={`${id}-hint`} className="sr-only">{hint} From {min} to {max}.</span>
    </div>
  );
}
