/**
 * The "?" next to a control or chart: a small button that shows the term's one-line definition (the
 * same line as docs/METRICS.md) on hover, on keyboard focus and on click; Escape closes it. The text is
 * also the button's accessible description, so a screen reader reads it without opening anything.
 */
import { useId, useState } from 'react';
import { DEFINITIONS, type Term } from './definitions';
import './explain.css';

/** Props of `Help`. */
export interface HelpProps {
  /** Which definition to show (a metric name, a TrainConfig field, a step quantity or a page control). */
  term: Term;
  /** Which way the popover opens; `left` suits a "?" near the right edge of the page. */
  align?: 'right' | 'left';
}

/** A "?" button with the term's definition. */
export function Help({ term, align = 'right' }: HelpProps) {
  const [open, setOpen] = useState(false);
  const [pinned, setPinned] = useState(false);
  const id = useId();
  const definition = DEFINITIONS[term];
  const shown = open || pinned;
  return (
    <span className="help" onMouseEnter={() => setOpen(true)} onMouseLeave={() => setOpen(false)}>
      <button
        type="button" className="help-button" aria-label={`What is ${definition.label}?`} aria-describedby={id}
        aria-expanded={shown} data-help={term}
        onClick={() => setPinned((p) => !p)} onFocus={() => setOpen(true)}
        onBlur={() => { setOpen(false); setPinned(false); }}
        onKeyDown={(e) => { if (e.key === 'Escape') { setOpen(false); setPinned(false); } }}
      >?</button>
      <span id={id} role="tooltip" className={`help-popover help-${align}${shown ? ' is-open' : ''}`}>
        <strong>{definition.label}</strong> {definition.text}
      </span>
    </span>
  );
}
