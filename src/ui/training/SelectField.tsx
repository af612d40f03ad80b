/** A labelled drop-down of fixed choices. */
import { Help } from '../explain/Help';
import { DEFINITIONS, type Term } from '../explain/definitions';
import { useId } from 'react';

/** Props of `SelectField`. */
export interface SelectFieldProps<T extends string> {
  label: string;
  value: T;
  options: readonly { value: T; title: string }[];
  /** The definition shown by the "?" and read by screen readers (src/ui/explain/definitions.ts). */
  term?: Term;
  /** The hint for a control without a definition of its own. */
  hint?: string;
  testId?: string;
  onChange(value: T): void;
}

/** A select with its label; the hint is read by screen readers and shown on hover. */
export function SelectField<T extends string>({ label, value, options, term, hint: ownHint, testId, onChange }: SelectFieldProps<T>) {
  const id = useId();
  const hint = term ? DEFINITIONS[term].text : ownHint;
  return (
    <div className="field">
      <span className="field-label"><label htmlFor={id}>{label}</label>{term && <Help term={term} />}</span>
      <select id={id} value={value} data-testid={testId} aria-describedby={`${id}-hint`}
        title={options.find((o) => o.value === value)?.title} onChange={(e) => onChange(e.target.value as T)}>
        {options.map((o) => <option key={o.value} value={o.value}>{o.title}</option>)}
      </select>
      <span id={`${id}-hint`} className="sr-only">{hint}</span>
    </div>
  );
}
