import { describe, expect, it } from 'vitest';
import type { SeedRun } from '../../store/seedSweepStore';
import { bandColumn, meanColumn, sampleStd, seedBands, stdColumn } from './seedBands';

const run = (seed: number, lane0: number[], lane1?: number[]): SeedRun => ({
  seed,
  lanes: [lane0, ...(lane1 ? [lane1] : [])].map((values) => values.map((v, i) => ({ 'iteration': i + 1, 'env/success_rate': v }))),
});

describe('seedBands', () => {
  it('gives each lane its mean and mean ± sample std per iteration', () => {
    const rows = seedBands([run(1, [0.2, 0.4], [0.1, 0.5]), run(2, [0.4, 0.8], [0.3, 0.5])], 'env/success_rate');
    expect(rows).toHaveLength(2);
    expect(rows[0].iteration).toBe(1);
    expect(rows[0].seeds).toBe(2);
    expect(rows[0][meanColumn(0)]).toBeCloseTo(0.3);
    const [lo, hi] = rows[0][bandColumn(0)] as [number, number];
    expect(lo).toBeCloseTo(0.3 - Math.SQRT2 * 0.1);
    expect(hi).toBeCloseTo(0.3 + Math.SQRT2 * 0.1);
    expect(rows[1][bandColumn(1)]).toEqual([0.5, 0.5]);
  });

  it('keeps the band inside the metric\'s bounds, and the std as it is', () => {
    const rows = seedBands([run(1, [0.0]), run(2, [0.2])], 'env/success_rate', [0, 1]);
    expect(rows[0][bandColumn(0)]).toEqual([0, expect.closeTo(0.1 + Math.SQRT2 * 0.1)]);
    expect(rows[0][stdColumn(0)]).toBeCloseTo(Math.SQRT2 * 0.1);
    expect(seedBands([run(1, [0.0]), run(2, [0.2])], 'env/success_rate')[0][bandColumn(0)]).toEqual([expect.closeTo(0.1 - Math.SQRT2 * 0.1), expect.closeTo(0.1 + Math.SQRT2 * 0.1)]);
  });

  it('one seed draws a band of zero width; a missing value leaves a gap', () => {
    const rows = seedBands([{ seed: 1, lanes: [[{ 'iteration': 1, 'env/success_rate': 0.5 }, { 'iteration': 2 }]] }], 'env/success_rate');
    expect(rows[0][bandColumn(0)]).toEqual([0.5, 0.5]);
    expect(rows[1][meanColumn(0)]).toBeNull();
    expect(seedBands([], 'env/success_rate')).toEqual([]);
  });

  it('sample std uses n − 1', () => {
    expect(sampleStd([1, 3])).toBeCloseTo(Math.SQRT2);
    expect(sampleStd([2])).toBe(0);
  });
});
