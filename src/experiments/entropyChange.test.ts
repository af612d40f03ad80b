import { describe, expect, it } from 'vitest';
import {
  acrossSeeds, binPairs, ENTROPY_CHANGE_FORMAT, ENTROPY_LEVELS, levelPairs, parseEntropyChange, percentileBins, type EntropyChange,
} from './entropyChange';

describe('percentileBins', () => {
  it('puts n / bins items in each bin by rank, ties in input order', () => {
    expect(percentileBins([5, 1, 3, 2, 4, 0], 3)).toEqual([2, 0, 1, 1, 2, 0]);
    expect(percentileBins([0, 0, 0, 0, 1, 2], 3)).toEqual([0, 0, 1, 1, 2, 2]);
  });
});

describe('levelPairs', () => {
  const steps = [
    { before: [0, 0.6, 0], after: [0, 0.2, 0], allowedCounts: [1, 3, 1] },
    { before: [1.2, 0], after: [1.0, 0], allowedCounts: [4, 1] },
  ];
  it('pairs step entropies per mode and tokens (all, or choices only)', () => {
    levelPairs(steps, 'step:all').flatMap((p) => [p.h0, p.h1]).forEach((v, i) => expect(v).toBeCloseTo([0.2, 0.2 / 3, 0.6, 0.5][i], 12));
    expect(levelPairs(steps, 'step:choices').map((p) => [p.h0, p.h1])).toEqual([[0.6, 0.2], [1.2, 1.0]]);
    expect(levelPairs(steps, 'step:normalized')[1].h0).toBeCloseTo(1.2 / Math.log(4), 12);
    expect(levelPairs(steps, 'token:all')).toHaveLength(5);
    expect(levelPairs(steps, 'token:choices').map((p) => p.h0)).toEqual([0.6, 1.2]);
    expect(() => levelPairs([{ before: [1], after: [], allowedCounts: [2] }], 'token:all')).toThrow(/tokens before/);
  });
  it('bins ΔH and |ΔH| by the initial value', () => {
    const { base, run } = binPairs([{ h0: 0, h1: 0.1 }, { h0: 1, h1: 0.5 }, { h0: 0.2, h1: 0.1 }, { h0: 2, h1: 2.5 }], 2);
    expect(base.count).toEqual([2, 2]);
    expect(base.meanH0).toEqual([0.1, 1.5]);
    expect(run.delta).toEqual([0, 0]);
    expect(run.absDelta).toEqual([0.1, 0.5]);
  });
});

describe('the committed file', () => {
  const bins = { delta: [0.1, -0.2], absDelta: [0.1, 0.2] };
  const base = { count: [3, 3], meanH0: [0.1, 0.9], minH0: [0, 0.5], maxH0: [0.4, 1.3] };
  const file = (runs: { algo: string; seed: number; scale: number }[]): EntropyChange => ({
    format: ENTROPY_CHANGE_FORMAT, version: 1, regime: 'webshop', checkpoint: 'c.json', backend: 'cpu', iterations: 5, episodes: 4,
    successes: 1, steps: 6, tokens: 20, choiceTokens: 7, bins: 2,
    base: Object.fromEntries(ENTROPY_LEVELS.map((l) => [l, base])) as EntropyChange['base'],
    runs: runs.map(({ algo, seed, scale }) => ({
      algo, seed, minutes: 1, finalTrainSuccess: 0.5,
      levels: Object.fromEntries(ENTROPY_LEVELS.map((l) => [l, { delta: bins.delta.map((v) => v * scale), absDelta: bins.absDelta.map((v) => v * scale) }])) as EntropyChange['runs'][number]['levels'],
    })),
  });
  it('validates, and aggregates seeds with a t interval', () => {
    const parsed = parseEntropyChange(JSON.parse(JSON.stringify(file([{ algo: 'grpo', seed: 1, scale: 1 }, { algo: 'grpo', seed: 2, scale: 3 }, { algo: 'grpo+empg', seed: 1, scale: 1 }]))));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const grpo = acrossSeeds(parsed.data, 'grpo', 'step:all', 'absDelta');
    expect(grpo[0].n).toBe(2);
    expect(grpo[0].mean).toBeCloseTo(0.2, 12);
    // sd of (0.1, 0.3) = 0.1414; t(1) = 12.706; half = 12.706 · 0.1414 / √2 = 1.2706.
    expect(grpo[0].half).toBeCloseTo(1.2706, 3);
    expect(acrossSeeds(parsed.data, 'grpo+empg', 'step:all', 'absDelta')[1].half).toBeNaN();
  });
  it('rejects bin arrays of the wrong length and foreign files', () => {
    const bad = file([{ algo: 'grpo', seed: 1, scale: 1 }]);
    bad.runs[0].levels['token:all'].delta = [1];
    const parsed = parseEntropyChange(bad);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors.join()).toMatch(/token:all: every bin array must have 2 entries/);
    expect(parseEntropyChange({ format: 'other' }).ok).toBe(false);
  });
});
