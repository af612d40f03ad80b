/** Advantage: what GRPO and EMPG gave the latest batch. */
import { useRun } from '../../store/runStore';

/** The advantage column. */
export function AdvantageColumn() {
  const last = useRun((s) => s.lanes[0]?.history.at(-1));
  return (
    <div className="flow-column">
      <h3>Advantage</h3>
      {last && <p>mean |A(τ)| {last['adv/outcome_abs_mean']?.toFixed(3)} · mean |A_final| {last['adv/final_abs_mean']?.toFixed(3)}</p>}
    </div>
  );
}
