/** Update: entropy against gradient magnitude, per step of the latest iteration. */
import { useRun } from '../../store/runStore';

/** The update column. */
export function UpdateColumn() {
  const last = useRun((s) => s.lanes[0]?.history.at(-1));
  return (
    <div className="flow-column" data-testid="entropy-grad-chart">
      <h3>Update</h3>
      {last && <p>corr(H, |A|·‖∇‖): plain {last['coupling/plain_r']?.toFixed(2)}, EMPG {last['coupling/empg_r']?.toFixed(2)}</p>}
    </div>
  );
}
