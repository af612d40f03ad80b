import { describe, expect, it } from 'vitest';
import { createRng } from '../../core/prng.ts';
import { handmadeCatalogue } from './__fixtures__/handmade.ts';
import { priceUpperFor } from './goals.ts';
import { buildNounLexicon, computeReward, countOptionMatches } from './reward.ts';
import { Bm25Index } from './search.ts';
import { fuzzyMatch, normalizeColor } from './text.ts';
import type { Goal } from './types.ts';

const { products, goals } = handmadeCatalogue();
const goal = goals[0];
const lexicon = buildNounLexicon(products);
const byAsin = (asin: string) => products.find((product) => product.asin === asin)!;
const target = byAsin('B0TESTMG01');

describe('WebShop reward (goal.py::get_reward)', () => {
  it('scores the parts of hand-computed purchases', () => {
    expect(computeReward(target, { color: 'navy blue', size: '16 oz' }, goal, lexicon)).toMatchObject({ score: 1, r_type: 1, r_att: 1, r_option: 1, r_price: 1, r_exact: 1 });
    // (1 attribute + 1 option + price) / (1 + 2 + 1)
    expect(computeReward(target, { color: 'navy blue', size: '12 oz' }, goal, lexicon)).toMatchObject({ score: 0.75, r_option: 0.5 });
    expect(computeReward(target, {}, goal, lexicon)).toMatchObject({ score: 0.5, r_option: 0 });
    // A plain mug: same type (query match, shared brand noun), no attribute, no options, price fits: 1/4.
    expect(computeReward(byAsin('B0TESTMG02'), {}, goal, lexicon)).toMatchObject({ score: 0.25, r_type: 1, r_att: 0, r_price: 1, query_match: true });
    // Tea shares no breadcrumb level and no noun with the goal: r_type 0.
    expect(computeReward(byAsin('B0TESTTEA1'), {}, goal, lexicon)).toMatchObject({ score: 0, r_type: 0, title_score: 0, category_match: false });
  });

  it('applies the price limit and 2-of-3 attributes', () => {
    const pricey: Goal = { ...goal, priceUpper: 14 };
    expect(computeReward(target, { color: 'navy blue', size: '16 oz' }, pricey, lexicon)).toMatchObject({ r_price: 0, score: 0.75 });
    const threeAttributes: Goal = { ...goal, attributes: ['dishwasher safe', 'gift box', 'lead free'] };
    const parts = computeReward(target, { color: 'navy blue', size: '16 oz' }, threeAttributes, lexicon);
    expect(parts.r_att).toBeCloseTo(2 / 3, 10);
    expect(parts.score).toBeCloseTo(5 / 6, 10);
    expect(parts.r_exact).toBe(0);
  });

  it('gives r_type 0.5 without a query or category match and title overlap ≤ 0.2', () => {
    const otherType: Goal = { ...goal, query: 'tea kettles', productCategory: 'home › appliances › kettles', name: 'Acme Brewco Green Tea Coffee Mugs Kettle' };
    // Goal nouns {acme, brewco, green, tea, coffee, mugs}; the plain mug shares {acme}: 1/6 ≤ 0.2.
    expect(computeReward(byAsin('B0TESTMG02'), {}, otherType, lexicon).r_type).toBe(0.5);
  });

  it('normalises colours and matches tokens like token_set_ratio > 85', () => {
    expect(normalizeColor('navy blue')).toBe('blue');
    expect(normalizeColor('x-large')).toBe('x-large');
    expect(countOptionMatches(['dark blue'], ['navy blue'])).toBe(1);
    expect(countOptionMatches(['white'], ['navy blue'])).toBe(0);
    expect(fuzzyMatch('cool powder snow', 'powder snow')).toBe(true);
    expect(fuzzyMatch('x-large', 'large')).toBe(true);
    expect(fuzzyMatch('12 oz', '16 oz')).toBe(false);
    expect(fuzzyMatch('', 'large')).toBe(false);
  });

  it('draws price limits with the PRICE_RANGE rule', () => {
    const seen = new Set<number | null>();
    for (let seed = 0; seed < 200; seed++) seen.add(priceUpperFor(14.5, createRng(seed)));
    expect([...seen].sort()).toEqual([30, 40, 50]);
    expect(priceUpperFor(975, createRng(1))).toBe(990);
    expect(priceUpperFor(985, createRng(1))).toBeNull();
    expect(priceUpperFor(20, createRng(1))).toBeGreaterThanOrEqual(40);
  });
});

describe('BM25 search', () => {
  it('ranks by BM25 and breaks ties by ASIN, whatever the product order', () => {
    const index = Bm25Index.fromProducts(products);
    const mugs = Array.from({ length: 11 }, (_, k) => `B0TESTMG${String(k + 2).padStart(2, '0')}`);
    expect(index.search('coffee')).toEqual(mugs);
    expect(Bm25Index.fromProducts([...products].reverse()).search('coffee')).toEqual(mugs);
    expect(index.search('dishwasher safe mug')[0]).toBe('B0TESTMG01');
    // The longer document ranks below the short ones for an equally frequent word.
    expect(index.search('mug').at(-1)).toBe('B0TESTMG01');
    expect(index.search('mug', 3)).toEqual(['B0TESTMG02', 'B0TESTMG03', 'B0TESTMG04']);
    expect(index.search('unicorn')).toEqual([]);
  });

  it('computes Lucene BM25 with k1 0.9 and b 0.4', () => {
    const index = new Bm25Index(['A', 'B', 'C'], ['apple apple pear', 'pear', 'fig fig fig fig']);
    const avgdl = 8 / 3;
    const idf = Math.log(1 + (3 - 1 + 0.5) / (1 + 0.5));
    const expected = (idf * 2 * 1.9) / (2 + 0.9 * (1 - 0.4 + (0.4 * 3) / avgdl));
    expect(index.scores('apple')[0]).toBeCloseTo(expected, 12);
    expect(index.scores('apple')[1]).toBe(0);
  });
});
