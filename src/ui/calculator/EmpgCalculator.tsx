/**
 * The EMPG calculator: edit a small batch by hand — each rollout's outcome and each step's entropy —
 * and see, instantly, what EMPG does to every step's advantage, with the formulas and their numbers.
 */
import { useMemo, useState } from 'react';
import { Slider } from '../Slider';
import { computeCalculator, DEFAULT_PARAMS, DEFAULT_TRAJECTORIES, type CalcParams, type CalcTrajectory } from './calculatorModel';
import { FormulaPanel } from './FormulaPanel';
import { StepChart } from './StepChart';
import { StepTable } from './StepTable';
import { TrajectoryEditor } from './TrajectoryEditor';

/** The calculator widget. */
export function EmpgCalculator() {
  const [trajectories, setTrajectories] = useState<CalcTrajectory[]>(DEFAULT_TRAJECTORIES);
  const [params, setParams] = useState<CalcParams>(DEFAULT_PARAMS);
  const [selected, setSelected] = useState(0);
  const result = useMemo(() => computeCalculator(trajectories, params), [trajectories, params]);
  const selectedRow = result.rows[Math.min(selected, result.rows.length - 1)];
  const setParam = (key: keyof CalcParams) => (value: number | boolean) => setParams((p) => ({ ...p, [key]: value }));

  return (
    <section className="panel calculator" aria-labelledby="calculator-title" data-testid="empg-calculator">
      <h2 id="calculator-title">EMPG calculator</h2>
      <p className="lede">
        One task, a few rollouts. Set whether each rollout succeeded and how uncertain (entropy, in nats) each of its
        steps was. Plain GRPO gives every step of a rollout the same advantage <em>A(τ)</em>; EMPG scales it by the
        step’s confidence <em>g</em> and adds a bonus for leading to a clear next step.
      </p>
      <div className="calc-grid">
        <div className="calc-inputs">
          <div className="hyper">
            <Slider label="k" value={params.k} min={0} max={5} step={0.1} digits={1} onChange={setParam('k')} testId="calc-k"
              hint="Temperature of the confidence scale g: larger k separates confident and uncertain steps more." />
            <Slider label="k_F" value={params.kF} min={0} max={5} step={0.1} digits={1} onChange={setParam('kF')} testId="calc-kf"
              hint="Temperature of the future-clarity bonus f." />
            <Slider label="ζ" value={params.zeta} min={0} max={1} step={0.01} onChange={setParam('zeta')} testId="calc-zeta"
              hint="Weight of the future-clarity bonus; 0 switches the bonus off." />
            <label className="check" title="GRPO divides by the group's reward std; Dr.GRPO does not.">
              <input type="checkbox" checked={params.scaleByStd} onChange={(e) => setParam('scaleByStd')(e.target.checked)} />
              divide A(τ) by the group std (GRPO)
            </label>
          </div>
          <TrajectoryEditor trajectories={trajectories} onChange={setTrajectories} />
        </div>
        <div className="calc-outputs">
          <StepChart rows={result.rows} selected={selectedRow.index} onSelect={setSelected} />
          <FormulaPanel result={result} row={selectedRow} params={params} />
        </div>
      </div>
      <StepTable rows={result.rows} selected={selectedRow.index} onSelect={setSelected} />
    </section>
  );
}
