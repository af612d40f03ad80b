/** The numbers the update used for one step, each with its "?" definition. */
import type { ReactNode } from 'react';
import type { StepView } from '../../train/trainer';
import type { TrajectorySummary } from '../../worker/protocol';
import { Help } from '../explain/Help';
import type { Term } from '../explain/definitions';

/** The largest token entropy among a batch's steps (the darkest token shade). */
export function batchMaxTokenEntropy(steps: readonly StepView[]): number {
  let max = 0;
  for (const s of steps) for (const h of s.tokenEntropies) if (h > max) max = h;
  return max;
}

const f = (v: number, digits = 3) => (Number.isFinite(v) ? v.toFixed(digits) : '–');

/** Props of `StepNumbers`. */
export interface StepNumbersProps {
  step: StepView;
  summary: TrajectorySummary;
}

/** A definition list of H_t, H̃_t, g, bonus, A(τ), A_final, both norms and the reward. */
export function StepNumbers({ step, summary }: StepNumbersProps) {
  const last = step.t === summary.length - 1;
  const rows: [ReactNode, Term, string, string?][] = [
    [<>H<sub>t</sub></>, 'H_t', f(step.entropy), 'entropy'],
    [<>H̃<sub>t</sub></>, 'H̃_t', f(step.normalized), 'normalized'],
    ['g', 'g', f(step.g), 'g'],
    ['bonus', 'bonus', f(step.bonus), 'bonus'],
    ['A(τ)', 'A(τ)', f(step.outcomeAdvantage), 'outcome'],
    [<>A<sub>final</sub></>, 'A_final', f(step.finalAdvantage), 'final'],
    ['‖e_a − p‖', '‖e_a − p‖', f(step.logitNorm), 'logit-norm'],
    ['‖∇θ log π‖', '‖∇θ log π‖', step.paramNorm === null ? 'not sampled' : f(step.paramNorm), 'param-norm'],
    ['reward', 'reward', last ? `R(τ) = ${f(summary.reward, 2)}` : `0 (R(τ) = ${f(summary.reward, 2)} at end)`, 'reward'],
  ];
  return (
    <dl className="step-numbers" data-testid="step-numbers">
      {rows.map(([label, term, value, id]) => (
        <div key={term} className="step-number">
          <dt>{label}<Help term={term} /></dt>
          <dd data-testid={`num-${id}`}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
