import { describe, expect, it } from 'vitest';
import { DEFAULT_TRAIN_CONFIG, parseTrainConfig, type TrainConfig } from './config';
import type { StepData, Trajectory } from './rollout';
import { computeStepAdvantages } from './stepAdvantages';

function step(t: number, tokenEntropies: number[], allowedCounts: number[]): StepData {
  return {
    t, observation: '', admissibleCount: 2, prompt: [1], tokens: tokenEntropies.map(() => 3),
    allowed: allowedCounts.map(() => null), allowedCounts, logProbs: tokenEntropies.map(() => -0.5),
    tokenEntropies, scoreNorms: tokenEntropies.map(() => 0.5), top: tokenEntropies.map(() => []),
    action: 'take apple', valid: true, nextObservation: '',
  };
}

function traj(id: number, won: boolean, steps: StepData[]): Trajectory {
  return { id, group: 0, taskSeed: 1, task: 'x', steps, won, reward: won ? 1 : 0, score: won ? 1 : 0, truncated: false };
}

// A long action with one 12-way choice, and a short one with one 3-way choice.
const batch = [
  traj(0, true, [step(0, [1.2, 0, 0, 0, 0], [12, 1, 1, 1, 1]), step(1, [0.9, 0], [3, 1])]),
  traj(1, false, [step(0, [0.3, 0], [3, 1])]),
];

function config(partial: Partial<TrainConfig>): TrainConfig {
  return { ...DEFAULT_TRAIN_CONFIG, empg: 'full', ...partial };
}

describe('computeStepAdvantages: the step-entropy mode', () => {
  it('averages every token, only the choices, or the choices over log(allowed)', () => {
    expect(Array.from(computeStepAdvantages(batch, config({ stepEntropy: 'all' })).stepEntropy)).toEqual([0.24, 0.45, 0.15]);
    expect(Array.from(computeStepAdvantages(batch, config({ stepEntropy: 'choices' })).stepEntropy)).toEqual([1.2, 0.9, 0.3]);
    const normalized = computeStepAdvantages(batch, config({ stepEntropy: 'normalized' })).stepEntropy;
    [1.2 / Math.log(12), 0.9 / Math.log(3), 0.3 / Math.log(3)].forEach((v, i) => expect(normalized[i]).toBeCloseTo(v, 12));
  });

  it('changes which step EMPG calls the most confident', () => {
    const all = computeStepAdvantages(batch, config({ stepEntropy: 'all' })).g;
    const choices = computeStepAdvantages(batch, config({ stepEntropy: 'choices' })).g;
    expect(all[1]).toBeLessThan(all[0]);
    expect(choices[1]).toBeGreaterThan(choices[0]);
  });

  it('reads the older name of the setting', () => {
    const parsed = parseTrainConfig({ stepEntropyTokens: 'choices' });
    expect(parsed.ok && parsed.config.stepEntropy).toBe('choices');
    const invalid = parseTrainConfig({ stepEntropy: 'tokens' });
    expect(invalid.ok).toBe(false);
  });
});

describe('computeStepAdvantages: the final centring', () => {
  it('makes the advantages sum to zero over the batch\'s steps; off, it leaves g·A(τ) + bonus', () => {
    const centred = computeStepAdvantages(batch, config({}));
    const sum = Array.from(centred.final).reduce((a, b) => a + b, 0);
    expect(sum).toBeCloseTo(0, 12);
    const plain = computeStepAdvantages(batch, config({ empgCentre: false }));
    plain.final.forEach((a, i) => expect(a).toBeCloseTo(plain.g[i] * plain.outcome[i] + plain.bonus[i], 12));
    plain.final.forEach((a, i) => expect(a - centred.final[i]).toBeCloseTo(plain.final[0] - centred.final[0], 12));
    expect(Array.from(plain.final).reduce((a, b) => a + b, 0)).not.toBeCloseTo(0, 3);
  });
});
