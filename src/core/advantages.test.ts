import { describe, expect, it } from 'vitest';
import { fracRewardZeroStd, grpoAdvantages, groupsWithSignal } from './advantages';
import golden from './__fixtures__/empg-golden.json';

describe('grpoAdvantages', () => {
  for (const c of golden.cases) {
    it(`matches numpy/verl on "${c.name}"`, () => {
      const a = grpoAdvantages(c.rewards, c.groups);
      const dr = grpoAdvantages(c.rewards, c.groups, { scaleByStd: false });
      c.grpoAdvantage.forEach((v, i) => expect(a[i]).toBeCloseTo(v, 12));
      c.drGrpoAdvantage.forEach((v, i) => expect(dr[i]).toBeCloseTo(v, 12));
    });
  }

  it('z-scores within each group with the sample std', () => {
    const a = grpoAdvantages([1, 0, 0, 0, 1, 1], ['a', 'a', 'a', 'a', 'b', 'b']);
    const std = Math.sqrt((0.75 ** 2 + 3 * 0.25 ** 2) / 3);
    expect(a[0]).toBeCloseTo(0.75 / (std + 1e-6), 10);
    expect(a[1]).toBeCloseTo(-0.25 / (std + 1e-6), 10);
    expect(a[4]).toBe(0);
  });

  it('gives zero advantage to a group whose rewards all agree', () => {
    expect(Array.from(grpoAdvantages([1, 1, 1], [0, 0, 0]))).toEqual([0, 0, 0]);
  });

  it('rejects mismatched lengths and non-finite rewards', () => {
    expect(() => grpoAdvantages([1, 0], [0])).toThrow(/same length/);
    expect(() => grpoAdvantages([NaN], [0])).toThrow(/finite/);
  });
});

describe('DAPO dynamic sampling', () => {
  it('keeps only groups whose rewards vary', () => {
    const rewards = [1, 0, 1, 1, 0, 0];
    const groups = [0, 0, 1, 1, 2, 2];
    expect([...groupsWithSignal(rewards, groups)]).toEqual([0]);
    expect(fracRewardZeroStd(rewards, groups)).toBeCloseTo(2 / 3, 12);
  });
});
