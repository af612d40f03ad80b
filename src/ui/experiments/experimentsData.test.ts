import { describe, expect, it } from 'vitest';
import type { BundleCell } from '../../experiments/bundle';
import { chartRowsOf } from './experimentsData';

const cell = (key: string, values: (number | null)[]): BundleCell => ({
  key, regime: 'webshop', label: key, seeds: 2, baseT1: 30,
  finalT1: { n: 2, mean: 40, half: 3 }, finalGreedy: { n: 2, mean: 40, half: 3 }, changeT1: { n: 2, mean: 10, half: 3 },
  curves: { 'env/success_rate': values },
});

describe('chartRowsOf', () => {
  it('puts every cell and the user\'s run on one iteration axis, leaving gaps as gaps', () => {
    const rows = chartRowsOf([cell('a', [0.1, null, 0.3]), cell('b', [0.2])], [{ 'env/success_rate': 0.5 }, { 'env/success_rate': 0.6 }, {}, { 'env/success_rate': 0.8 }], 'env/success_rate');
    expect(rows).toEqual([
      { iteration: 1, a: 0.1, b: 0.2, yours: 0.5 },
      { iteration: 2, yours: 0.6 },
      { iteration: 3, a: 0.3 },
      { iteration: 4, yours: 0.8 },
    ]);
    expect(chartRowsOf([], null, 'env/success_rate')).toEqual([]);
  });
});
