import { describe, expect, it } from 'vitest';
import { Tokenizer } from '../policy/tokenizer';
import { buildPrompt } from './prompt';

const tokenizer = Tokenizer.fromTexts(['task : now : done : ; .', 'put a apple in fridge', 'go to cabinet 1 2 3 4 5', 'open', 'you arrive at cabinet 1 . the cabinet 1 is closed .']);

describe('buildPrompt', () => {
  const input = { task: 'put a apple in fridge', observation: 'You arrive at cabinet 1. The cabinet 1 is closed.', history: ['go to cabinet 2', 'open cabinet 2', 'go to cabinet 1'] };

  it('reads task, history and observation in order', () => {
    const text = tokenizer.decode(buildPrompt(tokenizer, input, 200));
    expect(text).toBe('task: put a apple in fridge. done: go to cabinet 2; open cabinet 2; go to cabinet 1. now: you arrive at cabinet 1. the cabinet 1 is closed.');
  });

  it('drops the oldest actions first to fit the budget, never the observation', () => {
    const full = buildPrompt(tokenizer, input, 200);
    const tight = buildPrompt(tokenizer, input, full.length - 4);
    const text = tokenizer.decode(tight);
    expect(tight.length).toBeLessThanOrEqual(full.length - 4);
    expect(text).not.toContain('go to cabinet 2');
    expect(text).toContain('done: open cabinet 2; go to cabinet 1.');
    expect(text).toContain('go to cabinet 1. now: you arrive at cabinet 1. the cabinet 1 is closed.');
  });

  it('never exceeds the budget, even when the observation alone is too long', () => {
    for (const budget of [5, 12, 20]) expect(buildPrompt(tokenizer, input, budget).length).toBeLessThanOrEqual(budget);
  });
});
