/** Policy: the selected step's action, token by token. */
import { useRun } from '../../store/runStore';

/** The policy column. */
export function PolicyColumn() {
  const selection = useRun((s) => s.selection);
  const detail = useRun((s) => s.detail);
  const step = selection && detail?.steps.find((s) => s.t === selection.t);
  return (
    <div className="flow-column">
      <h3>Policy</h3>
      {step ? <p>{step.action}</p> : <p className="muted">Select a step to see its tokens.</p>}
    </div>
  );
}
