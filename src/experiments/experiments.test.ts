import { describe, expect, it } from 'vitest';
import { createTaskSource } from '../train/tasks';
import { fillPlaceholders, untracedNumbers } from './discussion';
import { DEFAULT_TRAIN_CONFIG, parseAlgorithmLabel, parseTrainConfig } from '../train/config';
import { configInputOf, currentRuns, gridOf, parseParts, parseShard, PROFILES, REGIMES, runId, shardOf, trainingMismatch } from './grid';
import {
  bootstrapDifference, detectableDifference, detectableDifferenceT, meanInterval, seedsForPower, seedsForPowerT, tQuantile975, welchDifference, tTwoSidedP, holmAdjust, linearTrend,
} from './statistics';
import { parseRunSummary, SUMMARY_FORMAT } from './summary';
import { alfworldTaskType } from './taskType';

describe('gridOf', () => {
  const quick = gridOf(PROFILES.quick);
  it('has the issue\'s cells × 8 seeds, unique ids, seed-major order', () => {
    // 4 regimes × 4 algorithms + 2 envs × 2 ablations + 2 k + 2 ζ + 4 regimes × normalized = 28 cells.
    expect(quick).toHaveLength(28 * 8);
    expect(new Set(quick.map((r) => r.id)).size).toBe(quick.length);
    expect(quick.slice(0, 28).every((r) => r.seed === 1)).toBe(true);
    expect(quick.filter((r) => r.stepEntropy === 'normalized').map((r) => r.id)).toContain('webshop/grpo+empg/k1-z0.1-Hnormalized/s8');
    expect(quick.every((r) => r.evalEpisodes >= 256)).toBe(true);
    expect(gridOf(PROFILES.full).filter((r) => r.part === 'main').length).toBe(16 * 16);
  });
  it('splits into disjoint shards that cover it', () => {
    const shards = [1, 2, 3].map((index) => shardOf(quick, { index, count: 3 }).map((r) => r.id));
    expect(shards.flat().sort()).toEqual(quick.map((r) => r.id).sort());
    expect(new Set(shards.flat()).size).toBe(quick.length);
  });
  it('reads i/n and rejects the rest', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    expect(() => parseShard('0/4')).toThrow(/1 ≤ i ≤ n/);
    expect(() => parseShard('5/4')).toThrow(/1 ≤ i ≤ n/);
    expect(() => parseShard('two')).toThrow(/i\/n/);
    expect(runId({ regime: 'webshop', algo: 'grpo', k: 1, zeta: 0.1, seed: 3 })).toBe('webshop/grpo/k1-z0.1/s3');
  });
  it('reads a list of parts and names the unknown ones', () => {
    expect(parseParts('main, ablation')).toEqual(['main', 'ablation']);
    expect(() => parseParts('main,tables')).toThrow(/main, ablation, sensitivity, entropy-mode; got "main,tables"/);
    expect(() => parseParts(' , ')).toThrow(/--part/);
  });
});

describe('a regime\'s own training settings', () => {
  const spec = (regime: string, algo = 'grpo') => ({ regime, algo, k: 1, zeta: 0.1, seed: 3, stepEntropy: 'all' as const });
  it('leave the regimes without them on the trainer\'s defaults, with the same input as before', () => {
    for (const regime of REGIMES.filter((r) => !r.training)) {
      expect(configInputOf(spec(regime.id, 'grpo+empg'))).toEqual({
        env: regime.env, preset: regime.preset, seed: 3, algorithm: 'grpo', empg: 'full', k: 1, zeta: 0.1, stepEntropy: 'all',
      });
    }
  });
  it('reach every run of the regimes that have them, whatever the algorithm, and only there', () => {
    expect(REGIMES.filter((r) => r.training).map((r) => r.id)).toEqual(['alfworld-long', 'deepsearch']);
    for (const algo of ['grpo', 'grpo+empg', 'dapo+empg']) {
      const parsed = parseTrainConfig(configInputOf(spec('alfworld-long', algo)));
      if (!parsed.ok) throw new Error(parsed.errors.join('; '));
      expect(parsed.config).toMatchObject({ preset: 'long', lr: 3e-4, tasksPerIteration: 8, groupSize: 8, seed: 3, ...parseAlgorithmLabel(algo) });
    }
    expect(trainingMismatch(spec('alfworld-long'), { ...DEFAULT_TRAIN_CONFIG })).toBe('lr 0.003 (the grid asks 0.0003)');
    expect(trainingMismatch(spec('alfworld-long'), { ...DEFAULT_TRAIN_CONFIG, lr: 3e-4 })).toBeNull();
    for (const algo of ['grpo', 'dapo', 'dapo+empg']) {
      const parsed = parseTrainConfig(configInputOf(spec('deepsearch', algo)));
      if (!parsed.ok) throw new Error(parsed.errors.join('; '));
      expect(parsed.config).toMatchObject({ env: 'deepsearch', preset: 'tiny', lr: 1e-3, tasksPerIteration: 8, groupSize: 8, ...parseAlgorithmLabel(algo) });
    }
    expect(trainingMismatch(spec('deepsearch'), { ...DEFAULT_TRAIN_CONFIG })).toBe('lr 0.003 (the grid asks 0.001)');
  });
  it('mark a summary trained with other settings as not belonging to the grid', () => {
    const defaults = { ...DEFAULT_TRAIN_CONFIG };
    expect(trainingMismatch(spec('webshop'), defaults)).toBeNull();
    expect(trainingMismatch(spec('webshop'), { ...defaults, groupSize: 16 })).toBe('groupSize 16 (the grid asks 8)');
    expect(trainingMismatch(spec('webshop'), { ...defaults, lr: 1e-3, tasksPerIteration: 4 }))
      .toBe('lr 0.001 (the grid asks 0.003), tasksPerIteration 4 (the grid asks 8)');
    expect(trainingMismatch(spec('webshop'), {})).toMatch(/^lr undefined/);
  });
  it('leave summaries at superseded settings out of what a report counts', () => {
    const defaults = { ...DEFAULT_TRAIN_CONFIG };
    const runs = [
      { spec: { regime: 'deepsearch', id: 'deepsearch/grpo/k1-z0.1/s1' }, config: defaults },
      { spec: { regime: 'deepsearch', id: 'deepsearch/grpo/k1-z0.1/s2' }, config: { ...defaults, lr: 1e-3 } },
      { spec: { regime: 'webshop', id: 'webshop/grpo/k1-z0.1/s1' }, config: defaults },
    ];
    const { current, superseded } = currentRuns(runs);
    expect(current.map((r) => r.spec.id)).toEqual(['deepsearch/grpo/k1-z0.1/s2', 'webshop/grpo/k1-z0.1/s1']);
    expect(superseded).toEqual(['deepsearch/grpo/k1-z0.1/s1: lr 0.003 (the grid asks 0.001)']);
  });
});

describe('statistics', () => {
  it('t interval: known values', () => {
    const m = meanInterval([1, 2, 3, 4]);
    expect(m.mean).toBe(2.5);
    expect(m.sd).toBeCloseTo(1.2909944, 6);
    expect(m.half).toBeCloseTo(3.182 * 1.2909944 / 2, 6);
    expect(meanInterval([5]).half).toBeNaN();
    expect(tQuantile975(100)).toBe(1.96);
  });
  it('bootstrap interval contains the difference, is reproducible, and excludes 0 for separated arms', () => {
    const a = [10, 11, 12, 13, 14];
    const b = [0, 1, 2, 3, 4];
    const r = bootstrapDifference(a, b, 'x')!;
    expect(r.diff).toBe(10);
    expect(r.low).toBeGreaterThan(0);
    expect(r.low).toBeLessThanOrEqual(10);
    expect(r.high).toBeGreaterThanOrEqual(10);
    expect(bootstrapDifference(a, b, 'x')).toEqual(r);
    expect(bootstrapDifference([1], b, 'x')).toBeNull();
  });
  it('Welch interval: known values, wider than the bootstrap at 4 seeds', () => {
    const w = welchDifference([1, 2, 3, 4], [0, 1, 2, 3])!;
    expect(w.diff).toBe(1);
    expect(w.df).toBeCloseTo(6, 9);
    expect(w.high - w.diff).toBeCloseTo(2.447 * Math.sqrt(2 * (5 / 3) / 4), 6);
    const b = bootstrapDifference([1, 2, 3, 4], [0, 1, 2, 3], 'w')!;
    expect(w.high - w.low).toBeGreaterThan(b.high - b.low);
    expect(welchDifference([1], [1, 2])).toBeNull();
    expect(welchDifference([2, 2], [1, 1])).toEqual({ diff: 1, low: 1, high: 1, df: 2, p: 0 });
    // scipy.stats.ttest_ind([1, 2, 3, 4], [0, 1, 2, 3], equal_var=False).pvalue
    expect(w.p).toBeCloseTo(0.3153336, 6);
  });
  it('linear trend: slope, t interval and p-value as scipy.stats.linregress computes them', () => {
    const trend = linearTrend([0, 1, 2, 3, 4], [1, 3, 2, 5, 4])!;
    // linregress: slope 0.8, stderr sqrt(0.12); t(3) 97.5 % quantile 3.182
    expect(trend.slope).toBeCloseTo(0.8, 12);
    expect(trend.high - trend.slope).toBeCloseTo(3.182 * Math.sqrt(0.12), 9);
    expect(trend.p).toBeCloseTo(0.1040880, 6);
    expect(trend.n).toBe(5);
    expect(linearTrend([1, 2], [1, 2])).toBeNull();
    expect(linearTrend([1, 1, 1], [1, 2, 3])).toBeNull();
    expect(linearTrend([0, 1, 2], [1, 3, 5])).toEqual({ slope: 2, low: 2, high: 2, p: 0, n: 3 });
    expect(() => linearTrend([0, 1, 2], [1, 2])).toThrow(/3 x values against 2/);
  });
  it('two-sided t p-values match scipy.stats.t.sf, including fractional degrees of freedom', () => {
    // 2 · scipy.stats.t.sf(|t|, df)
    const cases: [number, number, number][] = [
      [2.0, 5, 0.10193947882985835], [0.5, 3.3, 0.6485350763995584], [-3.1, 11.7, 0.00944395247850954],
      [1.0, 1, 0.5], [4.2, 30, 0.00021978843421601978], [0, 7, 1], [2.5, 200, 0.013223172641700783],
    ];
    for (const [t, df, p] of cases) expect(tTwoSidedP(t, df)).toBeCloseTo(p, 9);
    expect(tTwoSidedP(Infinity, 4)).toBe(0);
    expect(tTwoSidedP(1, 0)).toBeNaN();
  });
  it('Holm adjustment: step-down, monotone, capped at 1, in input order', () => {
    // By hand: sorted 0.01, 0.02, 0.04, 0.5 → ×4, ×3, ×2, ×1 = 0.04, 0.06, 0.08, 0.5.
    const adjusted = holmAdjust([0.04, 0.5, 0.01, 0.02]);
    [0.08, 0.5, 0.04, 0.06].forEach((p, i) => expect(adjusted[i]).toBeCloseTo(p, 12));
    // Monotone: a larger raw p-value never gets a smaller adjusted one.
    expect(holmAdjust([0.01, 0.011, 0.9])[1]).toBeCloseTo(0.03, 12);
    expect(holmAdjust([0.3, 0.4])).toEqual([0.6, 0.6]);
    expect(holmAdjust([])).toEqual([]);
  });
  it('power with t quantiles: larger than the normal approximation at few seeds, the same at many', () => {
    // n = 8: df 14, (2.145 + 0.868) · 5 · √(2/8) = 7.53.
    expect(detectableDifferenceT(8, 5)).toBeCloseTo(7.5325, 3);
    // n = 2: df 2, (4.303 + 1.061) · 5 · 1 = 26.82, almost twice the normal approximation.
    expect(detectableDifferenceT(2, 5)).toBeCloseTo(26.82, 6);
    expect(detectableDifferenceT(2, 5)).toBeGreaterThan(1.9 * detectableDifference(2, 5));
    expect(detectableDifferenceT(200, 5)).toBeCloseTo(detectableDifference(200, 5), 3);
    expect(seedsForPowerT(5, 5)).toBe(17);
    expect(detectableDifferenceT(seedsForPowerT(5, 5), 5)).toBeLessThanOrEqual(5);
    expect(detectableDifferenceT(seedsForPowerT(5, 5) - 1, 5)).toBeGreaterThan(5);
    expect(detectableDifferenceT(1, 5)).toBeNaN();
  });
  it('power: 5 points at a seed std of 5 needs about 16 seeds per arm', () => {
    expect(seedsForPower(5, 5)).toBe(16);
    expect(detectableDifference(16, 5)).toBeCloseTo(4.95, 2);
    expect(detectableDifference(4, 5)).toBeGreaterThan(9);
  });
});

describe('alfworldTaskType', () => {
  it('recovers the type of generated goals', () => {
    const source = createTaskSource('alfworld', 'tiny');
    const types = new Set<string>();
    for (let seed = 0; seed < 60; seed++) types.add(alfworldTaskType(source.start(seed, 'test').view.task));
    expect(types.has('other')).toBe(false);
    expect(types.size).toBe(6);
    expect(alfworldTaskType('put a clean apple in fridge')).toBe('pick_clean_then_place_in_recep');
    expect(alfworldTaskType('put two apple in fridge')).toBe('pick_two_obj_and_place');
    expect(alfworldTaskType('dance')).toBe('other');
  });
});

describe('parseRunSummary', () => {
  const counts = { episodes: 4, successes: 1, meanScore: 0.25, byTaskType: {} };
  const summary = {
    format: SUMMARY_FORMAT, version: 1,
    spec: { id: 'webshop/grpo/k1-z0.1/s1', regime: 'webshop', algo: 'grpo', k: 1, zeta: 0.1, seed: 1, iterations: 2, evalEpisodes: 4, part: 'main' },
    config: {}, backend: 'wasm', minutes: 1, base: { greedy: counts, t1: counts }, final: { greedy: counts, t1: counts },
    curve: { 'env/success_rate': [0.1, null] },
  };
  it('accepts a well-formed summary and rejects a curve of the wrong length', () => {
    expect(parseRunSummary(summary).ok).toBe(true);
    const bad = parseRunSummary({ ...summary, curve: { 'env/success_rate': [0.1] } });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.errors[0]).toMatch(/1 values for 2 iterations/);
    expect(parseRunSummary({ ...summary, format: 'x' }).ok).toBe(false);
  });
});

describe('discussion checks', () => {
  it('fills placeholders (spacing and - normalised) and lists unknown keys', () => {
    const r = fillPlaceholders('a {{ diff  webshop x - y }} b {{nope}}', { 'diff webshop x − y': '+1.0' });
    expect(r).toEqual({ text: 'a +1.0 b [no value: nope]', unknown: ['nope'] });
  });
  it('lists decimal numbers the generated text lacks, once, sign ignored; integers are not checked', () => {
    expect(untracedNumbers('up 12.5, down −3.5, again 12.5, 8 seeds, 110.53', '| 12.5 | −3.5 | 8 |')).toEqual(['110.53']);
    expect(untracedNumbers('0.5 and 10.5', 'was 110.53')).toEqual(['0.5', '10.5']);
  });
});
