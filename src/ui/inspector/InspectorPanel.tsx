/** The trajectory inspector: the selected trajectory, step by step. */
import { useRun } from '../../store/runStore';

/** The inspector. */
export function InspectorPanel() {
  const detail = useRun((s) => s.detail);
  return (
    <div className="inspector" data-testid="inspector">
      {detail && <ol>{detail.trajectory.steps.map((s) => <li key={s.t}>{s.action}</li>)}</ol>}
    </div>
  );
}
