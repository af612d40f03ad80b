/**
 * A labelled number input that applies its value when the user commits it (Enter or leaving the
 * field), not on every keystroke — typing "12" must not restart the run at seed 1 first.
 */
import { Help } from '../explain/Help';
import { DEFINITIONS, type Term } from '../explain/definitions';
import { useId, useState } from 'react';

/** Props of `NumberField`. */
export interface NumberFieldProps {
  label: string;
  value: number;
  min: number;
  max: number;
  /** Whole numbers only. */
  integer?: boolean;
  /** The definition shown by the "?" and read by screen readers (src/ui/explain/definitions.ts). */
  term?: Term;
  /** The hint for a control without a definition of its own. */
  hint?: string;
  testId?: string;
  onCommit(value: number): void;
}

/** A number input with validation on commit. */
export function NumberField({ label, value, min, max, integer = true, term, hint: ownHint, testId, onCommit }: NumberFieldProps) {
  const id = useId();
  const hint = term ? DEFINITIONS[term].text : ownHint;
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
    <div className="field">
      <span className="field-label"><label htmlFor={id}>{label}</label>{term && <Help term={term} />}</span>
      <input id={id} type="number" inputMode="numeric" min={min} max={max} step={integer ? 1 : 'any'} value={text}
        aria-invalid={!valid} aria-describedby={`${id}-hint`} data-testid={testId}
        onChange={(e) => setDraft(e.target.value)} onBlur={commit}
        onKeyDown={(e) => { if (e.key === 'Enter') commit(); if (e.key === 'Escape') setDraft(null); }} />
      <span id={`${id}-hint`} className="sr-only">{hint} From {min} to {max}.</span>
    </div>
  );
}
