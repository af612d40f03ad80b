import { describe, expect, it } from 'vitest';
import { groupDigits, premiseVerdict, summarizePremise } from './premiseSummary';

describe('summarizePremise', () => {
  it('weights each iteration by its pairs and skips iterations without any', () => {
    const s = summarizePremise([
      { 'premise/pairs': 30, 'premise/auc': 0.6, 'premise/auc/take': 0.7, 'premise/no_signal_adv_share': 0.2 },
      { 'premise/pairs': 10, 'premise/auc': 0.4, 'premise/auc/go': 0.5, 'premise/no_signal_adv_share': 0.4 },
      { 'premise/pairs': 0, 'premise/no_signal_adv_share': 0.6 },
    ]);
    expect(s.pairs).toBe(40);
    expect(s.auc).toBeCloseTo(0.55, 12);
    expect(s.byVerb).toEqual([['go', 0.5], ['take', 0.7]]);
    expect(s.noSignalShare).toBeCloseTo(0.4, 12);
    expect(s.gOutcomeR).toBeNaN();
    expect(s.verdict).toBe('coin flip');
  });

  it('pools the oracle\'s step-level check by steps labelled, and has none where no step was labelled', () => {
    const s = summarizePremise([
      { 'premise/pairs': 5, 'premise/auc': 0.5, 'premise/progress_steps': 300, 'premise/progress_auc': 0.7, 'premise/progress_auc_same_verb': 0.6, 'premise/progress_share': 0.2 },
      { 'premise/pairs': 5, 'premise/auc': 0.5, 'premise/progress_steps': 100, 'premise/progress_auc': 0.5, 'premise/progress_auc_same_verb': 0.4, 'premise/progress_share': 0.4 },
    ]);
    expect(s.progressSteps).toBe(400);
    expect(s.progressAuc).toBeCloseTo(0.65, 12);
    expect(s.progressAucSameVerb).toBeCloseTo(0.55, 12);
    expect(s.progressShare).toBeCloseTo(0.25, 12);
    const webshop = summarizePremise([{ 'premise/pairs': 5, 'premise/auc': 0.5 }]);
    expect(webshop.progressSteps).toBe(0);
    expect(webshop.progressAuc).toBeNaN();
  });

  it('reads AUCs as reversed, coin flip, weak or holding', () => {
    expect([0.3, 0.5, 0.6, 0.8, NaN].map(premiseVerdict)).toEqual(['reversed', 'coin flip', 'weak', 'holds', 'no data']);
    expect(summarizePremise([]).verdict).toBe('no data');
  });
});

describe('groupDigits', () => {
  it('writes a count as toLocaleString("en") does', () => {
    for (const n of [0, 7, 999, 1000, 12345, 999999, 1000000, 1234567890, -1234, Number.MAX_SAFE_INTEGER]) expect(groupDigits(n)).toBe(n.toLocaleString('en'));
  });
});
