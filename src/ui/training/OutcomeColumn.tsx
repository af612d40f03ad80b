/** Outcome: how the run is doing, iteration by iteration. */
import { useRun } from '../../store/runStore';

/** The outcome column. */
export function OutcomeColumn() {
  const last = useRun((s) => s.lanes[0]?.history.at(-1));
  const success = last?.['env/success_rate'];
  return (
    <div className="flow-column">
      <h3>Outcome</h3>
      <p>success rate <strong data-testid="success-rate">{success === undefined ? '–' : success.toFixed(2)}</strong></p>
    </div>
  );
}
