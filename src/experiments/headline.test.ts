import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { experimentsBundleSchema, type ExperimentsBundle } from './bundle';
import { PROFILES } from './grid';
import { HEADLINE_PATH, headlineSentence, resultsHeadline, type ResultsHeadline } from './headline';

type Reading = ExperimentsBundle['comparisons'][number]['reading'];

/** Holm's adjusted p-value a test comparison gets: calls hold after correction unless listed in `weak`. */
const HOLM_HOLDS = 0.01;

/**
 * A bundle with one EMPG − base comparison per [regime, base, reading, seeds, Holm p], each arm with `seeds`
 * seeds (the EMPG arm one more); Holm's adjusted p defaults to one that holds.
 */
function bundle(pairs: [string, string, Reading, number, number?][]): ExperimentsBundle {
  const cell = (regime: string, label: string, seeds: number) => ({
    key: `${regime}/${label}`, regime, label, seeds, baseT1: 20, curves: {},
    finalT1: { n: seeds, mean: 40, half: 2 }, finalGreedy: { n: seeds, mean: 30, half: 2 }, changeT1: { n: seeds, mean: 20, half: 2 },
  });
  return {
    format: 'empg-playground-results', profile: 'quick', seedsPerCell: 8, runs: 0,
    cells: pairs.flatMap(([regime, base, , seeds]) => [cell(regime, base, seeds), cell(regime, `${base}+empg`, seeds + 1)]),
    comparisons: pairs.map(([regime, base, reading, , holm]) => ({
      regime, kind: 'empg' as const, label: `${base}+empg − ${base}`, text: '', reading, holm: reading === 'too few seeds' ? null : holm ?? HOLM_HOLDS,
    })),
    trends: [],
  };
}

describe('the first screen\'s line on success at this scale', () => {
  it('says no pair differs when none does, with the iterations and seeds behind it', () => {
    const h = resultsHeadline(bundle([['alfworld-short', 'grpo', 'no detectable difference', 4], ['webshop', 'dapo', 'no detectable difference', 5], ['deepsearch', 'grpo', 'too few seeds', 1]]), 100);
    expect(h).toEqual({ profile: 'quick', iterations: 100, tested: 2, seedsLow: 4, seedsHigh: 6, gains: [], losses: [], notAfterCorrection: [] });
    expect(headlineSentence(h)).toBe('At this scale (100 iterations, 4–6 seeds per arm), EMPG changes held-out success '
      + 'significantly in none of 2 environment × algorithm pairs');
  });

  it('names the pairs where EMPG helps or hurts', () => {
    const h = resultsHeadline(bundle([['alfworld-short', 'dapo', 'loss', 8], ['webshop', 'grpo', 'gain', 7], ['webshop', 'dapo', 'no detectable difference', 7]]), 100);
    expect(h.gains).toEqual([{ environment: 'WebShop-lite', algorithm: 'GRPO' }]);
    expect(h.losses).toEqual([{ environment: 'ALFWorld-lite short', algorithm: 'DAPO' }]);
    expect(headlineSentence(h)).toBe('At this scale (100 iterations, 7–9 seeds per arm), EMPG raises held-out success in '
      + 'WebShop-lite with GRPO and lowers it in ALFWorld-lite short with DAPO; no significant difference in the other 1 of 3 pairs');
    expect(headlineSentence(resultsHeadline(bundle([['webshop', 'grpo', 'loss', 8]]), 100)))
      .toBe('At this scale (100 iterations, 8–9 seeds per arm), EMPG does not help in the one pair measured; it lowers held-out success in WebShop-lite with GRPO');
    expect(headlineSentence(resultsHeadline(bundle([['webshop', 'grpo', 'gain', 8], ['deepsearch', 'grpo', 'no detectable difference', 8]]), 100)))
      .toBe('At this scale (100 iterations, 8–9 seeds per arm), EMPG raises held-out success in WebShop-lite with GRPO; no significant difference in the other 1 of 2 pairs');
  });

  it('groups the pairs of one environment, and says which calls do not hold after correcting for every pair tested', () => {
    const h = resultsHeadline(bundle([
      ['alfworld-short', 'grpo', 'loss', 8, 0.21], ['alfworld-short', 'dapo', 'loss', 8, 0.039], ['webshop', 'grpo', 'no detectable difference', 8, 1],
    ]), 100);
    expect(h.losses).toEqual([{ environment: 'ALFWorld-lite short', algorithm: 'GRPO' }, { environment: 'ALFWorld-lite short', algorithm: 'DAPO' }]);
    expect(h.notAfterCorrection).toEqual([{ environment: 'ALFWorld-lite short', algorithm: 'GRPO' }]);
    expect(headlineSentence(h)).toBe('At this scale (100 iterations, 8–9 seeds per arm), EMPG helps in none of 3 pairs; it lowers held-out success in '
      + 'ALFWorld-lite short with DAPO');
    const weakOnly = resultsHeadline(bundle([['webshop', 'grpo', 'gain', 8, 0.06], ['deepsearch', 'dapo', 'loss', 8, 0.2], ['webshop', 'dapo', 'gain', 8, 0.01]]), 100);
    expect(headlineSentence(weakOnly)).toBe('At this scale (100 iterations, 8–9 seeds per arm), EMPG raises held-out success in '
      + 'WebShop-lite with DAPO and lowers it in Deep Search-lite with DAPO before correcting for 3 tests, in none after');
    const twoEnvironments = resultsHeadline(bundle([
      ['alfworld-short', 'grpo', 'loss', 8, 0.21], ['alfworld-short', 'dapo', 'loss', 8, 0.04], ['alfworld-long', 'grpo', 'loss', 2, 0.04],
      ['webshop', 'dapo', 'loss', 8, 0.3],
    ]), 100);
    expect(headlineSentence(twoEnvironments)).toBe('At this scale (100 iterations, 2–9 seeds per arm), EMPG helps in none of 4 pairs; it lowers held-out success in '
      + 'ALFWorld-lite short with DAPO, ALFWorld-lite long with GRPO');
  });

  it('says so when one pair is measured', () => {
    expect(headlineSentence(resultsHeadline(bundle([['webshop', 'grpo', 'no detectable difference', 3]]), 100)))
      .toBe('At this scale (100 iterations, 3–4 seeds per arm), EMPG does not change held-out success significantly in the one environment × algorithm pair measured');
  });

  it('says nothing is measured before any pair has two seeds per arm', () => {
    expect(headlineSentence(resultsHeadline(bundle([['webshop', 'grpo', 'too few seeds', 1]]), 100))).toMatch(/^Success at this scale: not measured yet/);
  });

  it('is what the committed results say (run `npm run cli -- results` after adding runs)', () => {
    const shipped = experimentsBundleSchema.parse(JSON.parse(readFileSync('public/results/quick.json', 'utf8')));
    const committed = JSON.parse(readFileSync(HEADLINE_PATH, 'utf8')) as ResultsHeadline;
    expect(committed).toEqual(resultsHeadline(shipped, PROFILES.quick.iterations));
  });
});
