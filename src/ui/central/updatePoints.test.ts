import { describe, expect, it } from 'vitest';
import type { IterationRecord } from '../../store/runStore';
import type { StepView } from '../../train/trainer';
import { buildUpdatePoints, coupling, entropyBins } from './updatePoints';

function step(traj: number, t: number, entropy: number, outcome: number, final: number, logitNorm: number, paramNorm: number | null = null): StepView {
  return {
    traj, t, group: 0, success: outcome > 0, action: `a${traj}.${t}`, tokens: [], tokenEntropies: [entropy],
    entropy, normalized: 0, g: 1, bonus: 0, outcomeAdvantage: outcome, finalAdvantage: final, logitNorm, paramNorm,
  };
}

const record = (iteration: number, steps: StepView[]): IterationRecord => ({ iteration, steps, trajectories: [] });

describe('buildUpdatePoints', () => {
  it('multiplies |A| by the chosen norm and keeps the advantage signs', () => {
    const [p] = buildUpdatePoints([record(1, [step(0, 0, 0.5, -2, 0.5, 0.25, 3)])], 0, 1, 'logit');
    expect(p.plain).toBeCloseTo(0.5);
    expect(p.empg).toBeCloseTo(0.125);
    expect(p.plainPositive).toBe(false);
    expect(p.empgPositive).toBe(true);
    const [q] = buildUpdatePoints([record(1, [step(0, 0, 0.5, -2, 0.5, 0.25, 3)])], 0, 1, 'param');
    expect(q.plain).toBeCloseTo(6);
  });

  it('skips steps without a measured parameter norm', () => {
    const points = buildUpdatePoints([record(1, [step(0, 0, 1, 1, 1, 1, null), step(0, 1, 1, 1, 1, 1, 2)])], 0, 1, 'param');
    expect(points.map((p) => p.t)).toEqual([1]);
  });

  it('shows only the window and caps the count, thinning older iterations first', () => {
    const many = (it: number) => record(it, Array.from({ length: 100 }, (_, i) => step(i, 0, i, 1, 1, 1)));
    const points = buildUpdatePoints([many(1), many(2), many(3)], 0, 2, 'logit', 150);
    expect(points.length).toBeLessThanOrEqual(150);
    expect(points.filter((p) => p.iteration === 3)).toHaveLength(100);
    expect(points.some((p) => p.iteration === 1)).toBe(false);
    expect(points.filter((p) => p.latest)).toHaveLength(100);
  });
});

describe('coupling and bins', () => {
  const points = buildUpdatePoints([record(1, Array.from({ length: 20 }, (_, i) => step(i, 0, i, 1, 1 / (i + 1), i + 1)))], 0, 1, 'logit');

  it('correlates entropy with both magnitudes', () => {
    const { plainR, empgR } = coupling(points);
    expect(plainR).toBeCloseTo(1);
    expect(Number.isNaN(empgR)).toBe(true); // |A_final|·norm is constant here
  });

  it('bins by entropy percentile with the mean magnitude per bin', () => {
    const bins = entropyBins(points);
    expect(bins).toHaveLength(10);
    expect(bins[0]).toMatchObject({ label: '0–10%', count: 2, low: 0, high: 1, plain: 1.5, empg: 1 });
    expect(entropyBins(points.slice(0, 3))).toHaveLength(3);
  });
});
