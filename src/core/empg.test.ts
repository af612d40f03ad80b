import { describe, expect, it } from 'vitest';
import { empgAdvantages, type StepRecord } from './empg';
import { createRng } from './prng';
import golden from './__fixtures__/empg-golden.json';

const defaults = { k: 1, kF: 1, zeta: 0.1 };

function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, tol = 1e-12): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    expect(Math.abs(actual[i] - expected[i]), `index ${i}: ${actual[i]} vs ${expected[i]}`).toBeLessThanOrEqual(tol);
  }
}

/** A random batch: `trajectories` trajectories of 1–8 steps, 1–6 tokens per step. */
function randomBatch(seed: number, trajectories = 6): StepRecord[] {
  const rng = createRng(seed);
  const steps: StepRecord[] = [];
  for (let traj = 0; traj < trajectories; traj++) {
    const outcomeAdvantage = rng.next() * 2 - 1;
    const length = rng.range(1, 8);
    for (let t = 0; t < length; t++) {
      const tokens = Array.from({ length: rng.range(1, 6) }, () => rng.next() * 3);
      steps.push({ traj, t, tokenEntropies: tokens, outcomeAdvantage });
    }
  }
  return steps;
}

describe('empgAdvantages: golden values from tools/empg_golden.py (numpy)', () => {
  for (const c of golden.cases) {
    it(c.name, () => {
      const result = empgAdvantages(c.steps, c.options);
      for (const key of ['stepEntropy', 'normalized', 'g', 'bonus', 'modulated', 'advantage'] as const) {
        expectClose(result[key], c.expected[key]);
      }
    });
  }
});

describe('empgAdvantages: properties', () => {
  it('g has mean 1 over the steps of the batch (self-calibrating, Eq. 10)', () => {
    for (let seed = 0; seed < 20; seed++) {
      const { g } = empgAdvantages(randomBatch(seed), { k: 0.5 + seed / 4, kF: 1, zeta: 0.1 });
      expect(Math.abs(g.reduce((a, b) => a + b, 0) / g.length - 1)).toBeLessThan(1e-7);
    }
  });

  it('final advantages sum to 0 (Eq. 7)', () => {
    for (let seed = 0; seed < 20; seed++) {
      const { advantage } = empgAdvantages(randomBatch(seed), defaults);
      expect(Math.abs(advantage.reduce((a, b) => a + b, 0))).toBeLessThan(1e-10);
    }
  });

  it('the last step of each trajectory gets no bonus, every other step a positive one', () => {
    const steps = randomBatch(7);
    const last = new Map<number, number>();
    for (const s of steps) last.set(s.traj, Math.max(last.get(s.traj) ?? 0, s.t));
    const { bonus } = empgAdvantages(steps, defaults);
    steps.forEach((s, i) => {
      if (s.t === last.get(s.traj)) expect(bonus[i]).toBe(0);
      else expect(bonus[i]).toBeGreaterThan(0);
    });
  });

  it('the bonus is ζ·exp(−k_F·H̃) of the next step of the same trajectory', () => {
    const steps: StepRecord[] = [
      { traj: 0, t: 0, tokenEntropies: [2], outcomeAdvantage: 1 },
      { traj: 0, t: 1, tokenEntropies: [0], outcomeAdvantage: 1 },
      { traj: 1, t: 0, tokenEntropies: [1], outcomeAdvantage: -1 },
      { traj: 1, t: 1, tokenEntropies: [2], outcomeAdvantage: -1 },
    ];
    const r = empgAdvantages(steps, { k: 1, kF: 2, zeta: 0.5 });
    expect(r.bonus[0]).toBeCloseTo(0.5 * Math.exp(-2 * 0), 12);
    expect(r.bonus[2]).toBeCloseTo(0.5 * Math.exp(-2 * (2 / (2 + 1e-8))), 12);
  });

  it('gives the same per-step values whatever the order of the steps', () => {
    const steps = randomBatch(3);
    const reference = empgAdvantages(steps, defaults);
    const rng = createRng(99);
    for (let trial = 0; trial < 5; trial++) {
      const order = rng.shuffle(steps.map((_, i) => i));
      const shuffled = empgAdvantages(order.map((i) => steps[i]), defaults);
      order.forEach((original, position) => {
        expect(shuffled.advantage[position]).toBeCloseTo(reference.advantage[original], 12);
        expect(shuffled.g[position]).toBeCloseTo(reference.g[original], 12);
      });
    }
  });

  it('confident steps are amplified and uncertain ones damped', () => {
    const steps = randomBatch(11);
    const { stepEntropy, g } = empgAdvantages(steps, defaults);
    const lo = stepEntropy.indexOf(Math.min(...stepEntropy));
    const hi = stepEntropy.indexOf(Math.max(...stepEntropy));
    expect(g[lo]).toBeGreaterThan(1);
    expect(g[hi]).toBeLessThan(1);
  });

  it('all-equal entropies degrade to g ≡ 1 and the base advantage (centred)', () => {
    const steps: StepRecord[] = [0, 1, 2].flatMap((traj) =>
      [0, 1, 2].map((t) => ({ traj, t, tokenEntropies: [0.7, 0.7], outcomeAdvantage: traj - 1 })));
    const r = empgAdvantages(steps, defaults);
    for (const v of r.g) expect(v).toBeCloseTo(1, 7);
    for (const v of r.normalized) expect(v).toBe(0);
    steps.forEach((s, i) => {
      // Bonus ζ·f = 0.1 on the first two steps of each trajectory; centring removes its batch mean.
      const expected = s.outcomeAdvantage + (s.t < 2 ? 0.1 : 0) - (0.1 * 2) / 3;
      expect(r.advantage[i]).toBeCloseTo(expected, 6);
    });
  });

  it('ablations: ζ = 0 removes the bonus; scaleGradients = false gives g ≡ 1', () => {
    const steps = randomBatch(5);
    expect(Array.from(empgAdvantages(steps, { ...defaults, zeta: 0 }).bonus).every((b) => b === 0)).toBe(true);
    expect(Array.from(empgAdvantages(steps, { ...defaults, scaleGradients: false }).g).every((g) => g === 1)).toBe(true);
  });

  it('gives no bonus to steps marked ineligible (the signal-groups-only variant)', () => {
    const steps = randomBatch(9).map((s) => ({ ...s, bonusEligible: s.traj % 2 === 0 }));
    const { bonus } = empgAdvantages(steps, defaults);
    steps.forEach((s, i) => { if (s.traj % 2 === 1) expect(bonus[i]).toBe(0); });
    expect(Array.from(bonus).some((b) => b > 0)).toBe(true);
  });

  it('rejects empty, NaN, negative and malformed input with a clear error', () => {
    const ok: StepRecord = { traj: 0, t: 0, tokenEntropies: [0.5], outcomeAdvantage: 1 };
    expect(() => empgAdvantages([], defaults)).toThrow(/empty/);
    expect(() => empgAdvantages([{ ...ok, tokenEntropies: [NaN] }], defaults)).toThrow(/entropy NaN/);
    expect(() => empgAdvantages([{ ...ok, tokenEntropies: [-1] }], defaults)).toThrow(/≥ 0/);
    expect(() => empgAdvantages([{ ...ok, tokenEntropies: [] }], defaults)).toThrow(/at least one generated token/);
    expect(() => empgAdvantages([{ ...ok, outcomeAdvantage: NaN }], defaults)).toThrow(/outcome advantage/);
    expect(() => empgAdvantages([ok, ok], defaults)).toThrow(/twice/);
    expect(() => empgAdvantages([ok, { ...ok, t: 2 }], defaults)).toThrow(/1 is missing/);
    expect(() => empgAdvantages([ok], { ...defaults, k: NaN })).toThrow(/k must be a finite number/);
  });
});
