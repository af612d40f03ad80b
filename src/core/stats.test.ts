import { describe, expect, it } from 'vitest';
import { mean, pearson, std, wilsonInterval } from './stats';

describe('stats', () => {
  it('mean, std, pearson', () => {
    expect(mean([1, 2, 3])).toBe(2);
    expect(std([1, 3])).toBe(1);
    expect(pearson([1, 2, 3], [2, 4, 6])).toBeCloseTo(1, 12);
    expect(pearson([1, 2, 3], [3, 2, 1])).toBeCloseTo(-1, 12);
    expect(pearson([1, 1, 1], [1, 2, 3])).toBeNaN();
  });

  it('Wilson interval matches a textbook value', () => {
    const [lo, hi] = wilsonInterval(50, 100);
    expect(lo).toBeCloseTo(0.4038, 3);
    expect(hi).toBeCloseTo(0.5962, 3);
  });
});
