import { describe, expect, it } from 'vitest';
import { Bm25Index } from './bm25.ts';

describe('shared BM25', () => {
  it('computes Lucene BM25 with k1 0.9 and b 0.4', () => {
    const index = new Bm25Index(['A', 'B', 'C'], ['apple apple pear', 'pear', 'fig fig fig fig']);
    const avgdl = 8 / 3;
    const idf = Math.log(1 + (3 - 1 + 0.5) / (1 + 0.5));
    const expected = (idf * 2 * 1.9) / (2 + 0.9 * (1 - 0.4 + (0.4 * 3) / avgdl));
    expect(index.scores('apple')[0]).toBeCloseTo(expected, 12);
    expect(index.scores('apple')[1]).toBe(0);
  });

  it('returns every matching id by default, ties by id whatever the document order, and honours the limit', () => {
    const docs = ['the red fox', 'a red hen', 'blue sky', 'red red red'];
    const index = new Bm25Index(['d', 'c', 'b', 'a'], docs);
    expect(index.search('red')).toEqual(['a', 'c', 'd']);
    expect(new Bm25Index(['a', 'b', 'c', 'd'], [...docs].reverse()).search('red')).toEqual(['a', 'c', 'd']);
    expect(index.search('red', 1)).toEqual(['a']);
    expect(index.search('green')).toEqual([]);
  });
});
