import { describe, expect, it } from 'vitest';
import { computeCalculator, DEFAULT_PARAMS, DEFAULT_TRAJECTORIES } from './calculatorModel';

describe('computeCalculator', () => {
  const result = computeCalculator(DEFAULT_TRAJECTORIES, DEFAULT_PARAMS);

  it('has one row per step, labelled for people', () => {
    expect(result.rows).toHaveLength(14);
    expect(result.rows[0].label).toBe('τ1·s1');
    expect(result.rows[13].label).toBe('τ4·s4');
  });

  it('scores the rollouts as one GRPO group', () => {
    const [a, , c] = result.outcomeAdvantages;
    expect(a).toBeGreaterThan(0);
    expect(c).toBeCloseTo(-a, 12);
  });

  it('shows the next step’s clarity exactly where a bonus is added', () => {
    for (const row of result.rows) {
      if (row.nextClarity === null) expect(row.bonus).toBe(0);
      else expect(row.bonus).toBeCloseTo(DEFAULT_PARAMS.zeta * row.nextClarity, 12);
    }
  });

  it('amplifies the confident failure’s penalty and damps the uncertain failure’s', () => {
    const confidentFailure = result.rows.filter((r) => r.traj === 3);
    const uncertainFailure = result.rows.filter((r) => r.traj === 2);
    for (const r of confidentFailure) expect(r.g).toBeGreaterThan(1);
    for (const r of uncertainFailure) expect(r.g).toBeLessThan(1);
  });

  it('reacts to k: k = 0 makes g ≡ 1', () => {
    const flat = computeCalculator(DEFAULT_TRAJECTORIES, { ...DEFAULT_PARAMS, k: 0 });
    for (const r of flat.rows) expect(r.g).toBeCloseTo(1, 7);
  });
});
