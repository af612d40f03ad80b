import { describe, expect, it } from 'vitest';
import { STEP_ENTROPY_MODES, stepEntropyOf, stepEntropyTerms } from './stepEntropy';

// A step "take apple": a forced token, a 3-way choice, a forced token, a 12-way choice.
const entropies = [0, 0.9, 0, 1.2];
const counts = [1, 3, 1, 12];

describe('stepEntropyOf: golden values', () => {
  it('all: the paper literally, forced tokens included', () => {
    expect(stepEntropyOf(entropies, counts, 'all')).toBeCloseTo(0.525, 12);
  });
  it('choices: only tokens with more than one allowed continuation', () => {
    expect(stepEntropyOf(entropies, counts, 'choices')).toBeCloseTo(1.05, 12);
  });
  it('normalized: each choice divided by log(allowed)', () => {
    // (0.9 / ln 3 + 1.2 / ln 12) / 2, computed independently with Python's math module.
    expect(stepEntropyOf(entropies, counts, 'normalized')).toBeCloseTo(0.6510654146111836, 12);
  });
});

describe('stepEntropyTerms', () => {
  it('a uniform choice reads 1 in normalized mode whatever its width', () => {
    for (const n of [2, 3, 12, 200]) expect(stepEntropyOf([Math.log(n)], [n], 'normalized')).toBeCloseTo(1, 12);
  });
  it('forced tokens do not change choices/normalized but dilute all', () => {
    const more = [0, 0, 0, ...entropies];
    const moreCounts = [1, 1, 1, ...counts];
    expect(stepEntropyOf(more, moreCounts, 'choices')).toBeCloseTo(stepEntropyOf(entropies, counts, 'choices'), 12);
    expect(stepEntropyOf(more, moreCounts, 'normalized')).toBeCloseTo(stepEntropyOf(entropies, counts, 'normalized'), 12);
    expect(stepEntropyOf(more, moreCounts, 'all')).toBeLessThan(stepEntropyOf(entropies, counts, 'all'));
  });
  it('a step without choices has entropy 0 in the choice modes', () => {
    expect(stepEntropyTerms([0, 0], [1, 1], 'choices')).toEqual([0]);
    expect(stepEntropyTerms([0, 0], [1, 1], 'normalized')).toEqual([0]);
    expect(stepEntropyTerms([0, 0], [1, 1], 'all')).toEqual([0, 0]);
  });
  it('rejects mismatched lengths and impossible counts', () => {
    expect(() => stepEntropyTerms([0.1], [2, 3], 'all')).toThrow(/1 token entropies but 2 allowed counts/);
    expect(() => stepEntropyTerms([0.1], [0], 'choices')).toThrow(/integer ≥ 1, got 0/);
  });
  it('lists the paper-literal mode first', () => {
    expect(STEP_ENTROPY_MODES[0]).toBe('all');
  });
});
