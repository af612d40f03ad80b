import { describe, expect, it } from 'vitest';
import { actionVerb, mixedGroups, premiseAuc, premiseAucByVerb, premiseMetrics, progressPremiseMetrics, pushOnProgress, updateShares, verbPush, type PremiseStep } from './premise';

function step(group: number, success: boolean, entropy: number, verb = 'take', g = 1, finalAdvantage = 0): PremiseStep {
  return { group, success, entropy, verb, g, finalAdvantage };
}

describe('premiseAuc', () => {
  it('is 1 when every success step is more confident than every failure step of its group', () => {
    const steps = [step(0, true, 0.1), step(0, true, 0.2), step(0, false, 0.5), step(0, false, 0.9)];
    expect(premiseAuc(steps)).toEqual({ auc: 1, pairs: 4 });
  });

  it('counts ties as one half and compares only within a group', () => {
    // Group 0: success 0.3 vs failures 0.3 (tie) and 0.1 (worse) → 0.5 / 2 pairs.
    // Group 1: success 0.9 vs failure 0.95 → 1 / 1 pair. Across groups 0.1 < 0.9 would add pairs; it must not.
    const steps = [step(0, true, 0.3), step(0, false, 0.3), step(0, false, 0.1), step(1, true, 0.9), step(1, false, 0.95)];
    const { auc, pairs } = premiseAuc(steps);
    expect(pairs).toBe(3);
    expect(auc).toBeCloseTo(1.5 / 3, 12);
  });

  it('has no pairs, and NaN, without a group of both outcomes', () => {
    const r = premiseAuc([step(0, true, 0.1), step(1, false, 0.2)]);
    expect(r.pairs).toBe(0);
    expect(r.auc).toBeNaN();
  });

  it('within one kind of action: separates a signal that mixing kinds hides', () => {
    // Long "go" steps are low-entropy for everyone, "take" choices high; within each kind success is the
    // more confident, but the failure took more "go" steps, so pooled the premise looks reversed.
    const steps = [
      step(0, true, 0.2, 'go'), step(0, true, 0.9, 'take'), step(0, true, 0.8, 'take'), step(0, true, 0.85, 'take'),
      step(0, false, 0.3, 'go'), step(0, false, 0.35, 'go'), step(0, false, 0.4, 'go'), step(0, false, 1.0, 'take'),
    ];
    expect(premiseAuc(steps)).toEqual({ auc: 7 / 16, pairs: 16 });
    expect(premiseAuc(steps, true)).toEqual({ auc: 1, pairs: 6 });
    const byVerb = premiseAucByVerb(steps);
    expect([...byVerb.keys()]).toEqual(['go', 'take']);
    expect(byVerb.get('go')).toEqual({ auc: 1, pairs: 3 });
  });
});

describe('premiseMetrics', () => {
  it('reports the AUCs, the g–outcome correlation and the share of |A_final| in groups without signal', () => {
    const steps = [
      step(0, true, 0.1, 'go', 1.5, 0.6), step(0, false, 0.7, 'go', 0.5, -0.6),
      step(1, false, 0.4, 'take', 1, 0.2), step(1, false, 0.4, 'take', 1, 0.2),
    ];
    const m = premiseMetrics(steps);
    expect(m['premise/auc']).toBe(1);
    expect(m['premise/pairs']).toBe(1);
    expect(m['premise/auc/go']).toBe(1);
    expect(m['premise/auc/take']).toBeUndefined();
    expect(m['premise/g_outcome_r']).toBeCloseTo(1, 12);
    expect(m['premise/no_signal_adv_share']).toBeCloseTo(0.4 / 1.6, 12);
    expect(premiseMetrics(steps, new Set([0]))['premise/no_signal_adv_share']).toBeCloseTo(1.2 / 1.6, 12);
  });

  it('reports the share of |A_final| that goes against the outcome advantage, only when every step has one', () => {
    const withOutcome = (s: PremiseStep, outcome: number): PremiseStep => ({ ...s, outcomeAdvantage: outcome });
    const steps = [
      withOutcome(step(0, true, 0.1, 'go', 1, 0.5), 0.6), withOutcome(step(0, false, 0.7, 'go', 1, 0.3), -0.6),
      withOutcome(step(0, false, 0.7, 'go', 1, -0.2), -0.6), withOutcome(step(1, false, 0.4, 'take', 1, 0.1), 0),
    ];
    expect(premiseMetrics(steps)['premise/against_outcome_share']).toBeCloseTo(0.3 / 1.1, 12);
    expect(premiseMetrics([...steps, step(2, true, 0.2, 'go', 1, 0.4)])['premise/against_outcome_share']).toBeUndefined();
  });

  it('leaves out what it cannot compute', () => {
    const m = premiseMetrics([step(0, true, 0.1), step(0, true, 0.2)]);
    expect(m).toEqual({ 'premise/pairs': 0 });
    expect(mixedGroups([step(3, true, 0), step(3, false, 0), step(4, true, 0)])).toEqual(new Set([3]));
  });
});

describe('progressPremiseMetrics', () => {
  it('is the AUC of "lower entropy → the step makes progress" over the labelled steps, overall and within a kind', () => {
    const m = progressPremiseMetrics([
      { entropy: 0.1, verb: 'go', progress: true }, { entropy: 0.5, verb: 'go', progress: false },
      { entropy: 0.3, verb: 'take', progress: true }, { entropy: 0.2, verb: 'take', progress: false },
      { entropy: 0.4, verb: 'go', progress: null },
    ]);
    // Progress steps 0.1, 0.3 against 0.5, 0.2: three of four pairs have the progress step surer. Within a
    // kind: go 0.1 < 0.5 (1), take 0.3 > 0.2 (0). The unlabelled step counts nowhere.
    expect(m).toEqual({ 'premise/progress_steps': 4, 'premise/progress_share': 0.5, 'premise/progress_auc': 0.75, 'premise/progress_auc_same_verb': 0.5 });
  });
  it('leaves out what it cannot compute', () => {
    expect(progressPremiseMetrics([{ entropy: 0.1, verb: 'go', progress: null }])).toEqual({ 'premise/progress_steps': 0 });
    expect(progressPremiseMetrics([{ entropy: 0.1, verb: 'go', progress: true }])).toEqual({ 'premise/progress_steps': 1, 'premise/progress_share': 1 });
  });
});

describe('actionVerb', () => {
  it('is the leading word of ALFWorld and WebShop actions', () => {
    expect(actionVerb('go to countertop 1')).toBe('go');
    expect(actionVerb('take apple 1 from fridge 1')).toBe('take');
    expect(actionVerb('search[red shoes]')).toBe('search');
    expect(actionVerb('click[buy now]')).toBe('click');
    expect(actionVerb('  ')).toBe('?');
  });
});

describe('updateShares', () => {
  it('splits the total |advantage| by group signal, outcome and direction', () => {
    const shares = updateShares([
      { group: 0, success: true, advantage: 0.6 }, { group: 0, success: false, advantage: -0.2 }, { group: 0, success: false, advantage: 0.1 },
      { group: 1, success: false, advantage: 0.1 }, { group: 1, success: false, advantage: 0 },
    ], new Set([1]));
    expect(shares['signal/solved/up']).toBeCloseTo(0.6, 12);
    expect(shares['signal/failed/down']).toBeCloseTo(0.2, 12);
    expect(shares['signal/failed/up']).toBeCloseTo(0.1, 12);
    expect(shares['no signal/failed/up']).toBeCloseTo(0.1, 12);
    expect(shares['no signal/solved/down']).toBe(0);
    expect(Object.values(shares).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it('is all zeros without any update', () => {
    expect(Object.values(updateShares([{ group: 0, success: true, advantage: 0 }], new Set([0])))).toEqual(Array(8).fill(0));
  });
});

describe('verbPush', () => {
  it('sums each kind of action\'s signed advantage over the batch\'s total |advantage|', () => {
    const rows = verbPush([
      { verb: 'go', advantage: -0.5 }, { verb: 'go', advantage: 0.2 }, { verb: 'go', advantage: -0.1 },
      { verb: 'take', advantage: 0.2 }, { verb: 'look', advantage: 0 },
    ]);
    expect(rows.map((r) => r.verb)).toEqual(['go', 'look', 'take']);
    expect(rows[0].steps).toBe(3);
    expect(rows[0].push).toBeCloseTo(-0.4 / 1.0, 12);
    expect(rows[1].push).toBe(0);
    expect(rows[2].push).toBeCloseTo(0.2, 12);
  });

  it('is all zeros without any update', () => {
    expect(verbPush([{ verb: 'go', advantage: 0 }])).toEqual([{ verb: 'go', steps: 1, push: 0 }]);
  });
});

describe('pushOnProgress', () => {
  it('splits the push down and the push up by whether the step made progress, leaving unlabelled steps out', () => {
    const r = pushOnProgress([
      { advantage: -0.6, progress: true }, { advantage: -0.2, progress: false }, { advantage: -5, progress: null },
      { advantage: 0.3, progress: true }, { advantage: 0.1, progress: true }, { advantage: 0, progress: false },
    ]);
    expect(r.down).toBeCloseTo(0.75, 12);
    expect(r.up).toBe(1);
    expect(r.netProgress).toBeCloseTo((0.4 - 0.6) / 1.2, 12);
    expect(r.netOther).toBeCloseTo(-0.2 / 1.2, 12);
  });

  it('is NaN for a direction nothing is pushed in', () => {
    expect(pushOnProgress([{ advantage: 0.2, progress: false }]).down).toBeNaN();
  });
});
