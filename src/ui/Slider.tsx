/** A labelled range input that shows its value; keyboard-reachable and announced by screen readers. */
import { useId } from 'react';

/** Props of `Slider`. */
export interface SliderProps {
  label: string;
  value: number;
  min: number;
  max: number;
  step: number;
  onChange(value: number): void;
  /** Digits after the decimal point in the shown value. */
  digits?: number;
  /** One-line explanation, shown on hover and read by screen readers. */
  hint?: string;
  testId?: string;
}

/** A range slider with its label and current value. */
export function Slider({ label, value, min, max, step, onChange, digits = 2, hint, testId }: SliderProps) {
  const id = useId();
  return (
    <div className="slider" title={hint}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="range"
        min={min}
        max={max}
        step={step}
        value={value}
        aria-valuetext={value.toFixed(digits)}
        aria-describedby={hint ? `${id}-hint` : undefined}
        data-testid={testId}
        onChange={(e) => onChange(Number(e.target.value))}
      />
      <output htmlFor={id}>{value.toFixed(digits)}</output>
      {hint && <span id={`${id}-hint`} className="sr-only">{hint}</span>}
    </div>
  );
}
