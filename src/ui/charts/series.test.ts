import { describe, expect, it } from 'vitest';
import { chartRows, columnOf, formatTick, formatValue, rawColumnOf, sampleIndices, smooth, yDomain } from './series';

describe('chart series', () => {
  it('smooths with a debiased EMA: constant input stays constant, weight 0 is the identity', () => {
    expect(smooth([2, 2, 2], 0.9)).toEqual([2, 2, 2].map(() => expect.closeTo(2, 12)));
    expect(smooth([1, 5, 3], 0)).toEqual([1, 5, 3]);
    const [a, b] = smooth([0, 1], 0.5);
    expect(a).toBe(0);
    // (0.5·0.5·0 + 0.5·1) / (1 − 0.25) = 2/3
    expect(b).toBeCloseTo(2 / 3, 12);
  });

  it('keeps missing values missing without moving the average', () => {
    const out = smooth([1, Number.NaN, 1], 0.5);
    expect(out[1]).toBeNaN();
    expect(out[2]).toBeCloseTo(1, 12);
  });

  it('down-samples to at most the cap, keeping the first and the last point', () => {
    expect(sampleIndices(10, 1500)).toHaveLength(10);
    const picked = sampleIndices(10_000, 1500);
    expect(picked).toHaveLength(1500);
    expect(picked[0]).toBe(0);
    expect(picked.at(-1)).toBe(9999);
    expect(new Set(picked).size).toBe(1500);
  });

  it('builds one row per iteration with a column per lane, null where a lane has no value', () => {
    const lane0 = [{ iteration: 1, a: 1 }, { iteration: 2, a: 3 }];
    const lane1 = [{ iteration: 1, a: 10 }];
    const rows = chartRows([lane0, lane1], ['a'], 0);
    expect(rows).toEqual([
      { iteration: 1, [columnOf(0, 'a')]: 1, [rawColumnOf(0, 'a')]: 1, [columnOf(1, 'a')]: 10, [rawColumnOf(1, 'a')]: 10 },
      { iteration: 2, [columnOf(0, 'a')]: 3, [rawColumnOf(0, 'a')]: 3 },
    ]);
    const long = Array.from({ length: 5000 }, (_, i) => ({ iteration: i + 1, a: i }));
    expect(chartRows([long], ['a'], 0.5)).toHaveLength(1500);
    expect(chartRows([[{ iteration: 1 }]], ['a'], 0)[0][columnOf(0, 'a')]).toBeNull();
  });

  it('formats values compactly', () => {
    expect(formatValue(0.123456)).toBe('0.123');
    expect(formatValue(0.00001234)).toBe('1.23e-5');
    expect(formatValue(null)).toBe('–');
    expect(formatValue(12)).toBe('12');
    expect(formatTick(0.0008)).toBe('8e-4');
    expect(formatTick(0.25)).toBe('0.25');
    expect([1e-8, 1.5e-8, 2e-8].map(formatTick)).toEqual(['1e-8', '1.5e-8', '2e-8']);
  });

  it('fits a flat line with a range around it, never below 0 for a non-negative value', () => {
    const rows = (values: (number | null)[]) => values.map((v, i) => ({ iteration: i + 1, m0: v }));
    expect(yDomain(rows([0, 0, 0]), ['m0'])).toEqual([0, 1]);
    expect(yDomain(rows([4, 4]), ['m0'])).toEqual([2, 6]);
    expect(yDomain(rows([-2, -2]), ['m0'])).toEqual([-3, -1]);
    expect(yDomain(rows([0.1, null, 0.3]), ['m0'])).toEqual(['auto', 'auto']);
    expect(yDomain(rows([]), ['m0'])).toEqual(['auto', 'auto']);
    expect(yDomain(rows([0, 0]), ['m0'], [0, 1])).toEqual([0, 1]);
  });
});
