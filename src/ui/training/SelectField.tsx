/** A labelled drop-down of fixed choices. */
import { useId } from 'react';

/** Props of `SelectField`. */
export interface SelectFieldProps<T extends string> {
  label: string;
  value: T;
  options: readonly { value: T; title: string }[];
  hint: string;
  testId?: string;
  onChange(value: T): void;
}

/** A select with its label; the hint is read by screen readers and shown on hover. */
export function SelectField<T extends string>({ label, value, options, hint, testId, onChange }: SelectFieldProps<T>) {
  const id = useId();
  return (
    <div className="field" title={hint}>
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} data-testid={testId} aria-describedby={`${id}-hint`} onChange={(e) => onChange(e.target.value as T)}>
        {options.map((o) => <option key={o.value} value={o.value}>{o.title}</option>)}
      </select>
      <span id={`${id}-hint`} className="sr-only">{hint}</span>
    </div>
  );
}
