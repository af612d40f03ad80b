import { describe, expect, it } from 'vitest';
import { createRng } from '../core/prng';
import { lengthGroups } from './lengthGroups';

const cost = (lengths: number[], groups: number[][], passCost: number) =>
  groups.reduce((total, g) => total + g.length * Math.max(...g.map((i) => lengths[i])) + passCost, 0);

/** Every way to split the rows into groups (set partitions), for small n. */
function* partitions(items: number[]): Generator<number[][]> {
  if (items.length === 0) {
    yield [];
    return;
  }
  const [first, ...rest] = items;
  for (const partition of partitions(rest)) {
    yield [[first], ...partition];
    for (let i = 0; i < partition.length; i++) yield partition.map((g, j) => (j === i ? [first, ...g] : g));
  }
}

describe('lengthGroups', () => {
  it('finds the cheapest split of all, each row once, each group in the rows\' order', () => {
    const rng = createRng('groups');
    for (let trial = 0; trial < 60; trial++) {
      const n = 1 + rng.int(7);
      const lengths = Array.from({ length: n }, () => 1 + rng.int(40));
      const passCost = [0, 5, 20, 80][trial % 4];
      const groups = lengthGroups(lengths, passCost);
      expect(groups.flat().sort((a, b) => a - b)).toEqual(lengths.map((_, i) => i));
      for (const g of groups) expect(g).toEqual([...g].sort((a, b) => a - b));
      let best = Infinity;
      for (const p of partitions(lengths.map((_, i) => i))) best = Math.min(best, cost(lengths, p, passCost));
      expect(cost(lengths, groups, passCost)).toBe(best);
    }
  });

  it('keeps one group when a pass costs more than padding saves, or when told to', () => {
    expect(lengthGroups([10, 200, 12], Infinity)).toEqual([[0, 1, 2]]);
    expect(lengthGroups([100, 101, 99, 100], 50)).toEqual([[0, 1, 2, 3]]);
    expect(lengthGroups([20, 200, 22, 210], 50)).toEqual([[0, 2], [1, 3]]);
    expect(lengthGroups([], 10)).toEqual([]);
  });
});
