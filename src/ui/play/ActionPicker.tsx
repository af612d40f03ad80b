/** The admissible actions as buttons, and a box for any action text (invalid text is a no-op that uses a step). */
import { useEffect, useId, useRef, useState } from 'react';

/** Props of `ActionPicker`. */
export interface ActionPickerProps {
  admissible: readonly string[];
  disabled: boolean;
  /** An example action for the free-text box. */
  example: string;
  onAct(action: string): void;
}

/** Buttons for the admissible actions and a free-text action box. */
export function ActionPicker({ admissible, disabled, example, onAct }: ActionPickerProps) {
  const id = useId();
  const [text, setText] = useState('');
  const list = useRef<HTMLDivElement>(null);
  const actedFromList = useRef(false);
  // The clicked button usually disappears with the old action list; keep keyboard players in the list.
  useEffect(() => {
    if (!actedFromList.current || !list.current) return;
    actedFromList.current = false;
    if (!list.current.contains(document.activeElement)) list.current.querySelector('button')?.focus();
  }, [admissible]);
  return (
    <div className="play-actions">
      <div className="play-label" id={`${id}-admissible`}>Admissible actions ({admissible.length})</div>
      <div ref={list} className="play-action-list" role="group" aria-labelledby={`${id}-admissible`}>
        {admissible.map((action, i) => (
          <button key={action} type="button" data-testid={`play-action-${i}`} disabled={disabled}
            onClick={(e) => { actedFromList.current = e.detail === 0; onAct(action); }}>
            {action}
          </button>
        ))}
        {admissible.length === 0 && <span className="muted">none — the episode is over</span>}
      </div>
      <form className="play-free" onSubmit={(e) => {
        e.preventDefault();
        if (text.trim() === '') return;
        onAct(text);
        setText('');
      }}>
        <label htmlFor={`${id}-free`}>Or type any action</label>
        <input id={`${id}-free`} data-testid="play-free-text" type="text" value={text} disabled={disabled} autoComplete="off"
          spellCheck={false} placeholder={`e.g. ${example}`} onChange={(e) => setText(e.target.value)} />
        <button type="submit" disabled={disabled || text.trim() === ''}>Do it</button>
      </form>
    </div>
  );
}
