/**
 * The sentence under the central chart: what to notice, with the numbers of the points on screen — the
 * correlation of entropy with the update size before and after modulation, and how far g spread.
 */
import { useMemo } from 'react';
import type { StepView } from '../../train/trainer';
import { coupling, type UpdatePoint } from './updatePoints';

/** Props of `CouplingCaption`. */
export interface CouplingCaptionProps {
  points: UpdatePoint[];
  /** The newest shown iteration's steps (for g's range). */
  latestSteps: StepView[];
  /** The lane runs EMPG (otherwise both magnitudes coincide). */
  empgOn: boolean;
  iterations: string;
}

const r = (v: number) => (Number.isFinite(v) ? (v >= 0 ? '+' : '−') + Math.abs(v).toFixed(2) : 'n/a');

function strength(v: number): string {
  const a = Math.abs(v);
  if (!Number.isFinite(v)) return 'no measurable';
  if (a < 0.1) return 'almost no';
  if (a < 0.3) return v > 0 ? 'a weak positive' : 'a weak negative';
  if (a < 0.6) return v > 0 ? 'a clear positive' : 'a clear negative';
  return v > 0 ? 'a strong positive' : 'a strong negative';
}

/** The caption paragraph. */
export function CouplingCaption({ points, latestSteps, empgOn, iterations }: CouplingCaptionProps) {
  const { plainR, empgR } = useMemo(() => coupling(points), [points]);
  if (points.length < 2) return <p className="caption coupling-caption muted">The chart fills in after the first iteration (press Step or Play).</p>;
  const gs = latestSteps.map((s) => s.g);
  const gMin = Math.min(...gs);
  const gMax = Math.max(...gs);
  // Every group's rollouts agreed (all solved or all failed): GRPO's advantage is 0 for every step.
  const noOutcomeSignal = points.every((p) => p.plain === 0);
  return (
    <p className="caption coupling-caption" data-testid="coupling-caption">
      {iterations}, {points.length} steps.{' '}
      {noOutcomeSignal
        ? <>No group had both a success and a failure, so plain GRPO gives every step advantage 0 and would not
          update at all (corr(H, |A(τ)|·‖∇log π‖) = <strong data-testid="plain-r">{r(plainR)}</strong>).{' '}</>
        : <>Under a plain policy gradient the update a step gets grows with its uncertainty:
          corr(H, |A(τ)|·‖∇log π‖) = <strong data-testid="plain-r">{r(plainR)}</strong>, {strength(plainR)} coupling.{' '}</>}
      {empgOn
        ? <>EMPG rescales each step by g (from {gMin.toFixed(2)} for the least sure to {gMax.toFixed(2)} for the most
          confident) and adds the clarity bonus; after modulation corr(H, |A_final|·‖∇log π‖) ={' '}
          <strong data-testid="empg-r">{r(empgR)}</strong>. Look for confident (left) steps rising and uncertain (right)
          steps sinking.</>
        : <>This lane runs without EMPG, so the EMPG marks sit on the plain ones.</>}
    </p>
  );
}
