/** Editing the calculator's batch: outcome toggles, one entropy slider per step, add/remove. */
import { Slider } from '../Slider';
import { CALC_LIMITS, type CalcTrajectory } from './calculatorModel';

/** Props of `TrajectoryEditor`. */
export interface TrajectoryEditorProps {
  trajectories: CalcTrajectory[];
  onChange(next: CalcTrajectory[]): void;
}

/** The list of editable rollouts. */
export function TrajectoryEditor({ trajectories, onChange }: TrajectoryEditorProps) {
  const update = (i: number, next: CalcTrajectory | null) =>
    onChange(next ? trajectories.map((tr, j) => (j === i ? next : tr)) : trajectories.filter((_, j) => j !== i));

  return (
    <div className="trajectories">
      {trajectories.map((tr, i) => (
        <fieldset key={i} className={`trajectory ${tr.success ? 'is-success' : 'is-failure'}`}>
          <legend>
            τ{i + 1}
            <label className="check">
              <input type="checkbox" checked={tr.success} data-testid={`calc-success-${i}`}
                onChange={(e) => update(i, { ...tr, success: e.target.checked })} />
              {tr.success ? 'succeeded (R = 1)' : 'failed (R = 0)'}
            </label>
          </legend>
          {tr.entropies.map((h, t) => (
            <Slider key={t} label={`s${t + 1} H`} value={h} min={0} max={CALC_LIMITS.maxEntropy} step={0.05}
              testId={`calc-entropy-${i}-${t}`} hint={`Entropy of step ${t + 1} of τ${i + 1}, in nats`}
              onChange={(v) => update(i, { ...tr, entropies: tr.entropies.map((x, u) => (u === t ? v : x)) })} />
          ))}
          <div className="row-buttons">
            <button type="button" disabled={tr.entropies.length >= CALC_LIMITS.maxSteps}
              onClick={() => update(i, { ...tr, entropies: [...tr.entropies, tr.entropies.at(-1) ?? 0.5] })}>+ step</button>
            <button type="button" disabled={tr.entropies.length <= 1}
              onClick={() => update(i, { ...tr, entropies: tr.entropies.slice(0, -1) })}>− step</button>
            <button type="button" disabled={trajectories.length <= 1} onClick={() => update(i, null)}>remove τ{i + 1}</button>
          </div>
        </fieldset>
      ))}
      <button type="button" className="add-trajectory" disabled={trajectories.length >= CALC_LIMITS.maxTrajectories}
        onClick={() => onChange([...trajectories, { success: false, entropies: [1, 1, 1] }])}>+ rollout</button>
    </div>
  );
}
