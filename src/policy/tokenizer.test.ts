import { describe, expect, it } from 'vitest';
import { BOS_ID, joinWords, splitWords, Tokenizer, UNK_ID } from './tokenizer';

describe('tokenizer', () => {
  it('splits words, numbers and punctuation, lower-cased', () => {
    expect(splitWords('You arrive at Cabinet 12. On it, you see a mug 1.')).toEqual(
      ['you', 'arrive', 'at', 'cabinet', '12', '.', 'on', 'it', ',', 'you', 'see', 'a', 'mug', '1', '.']);
    expect(splitWords('click[Buy Now]')).toEqual(['click', '[', 'buy', 'now', ']']);
  });

  it('joins action words back into the exact action text', () => {
    for (const action of ['click[buy now]', 'search[red running shoes]', 'put apple 1 in/on fridge 1', 'go to cabinet 12', 'click[< prev]', 'click[next >]']) {
      expect(joinWords(splitWords(action))).toBe(action);
    }
  });

  it('has deterministic ids and round-trips through JSON', () => {
    const a = Tokenizer.fromTexts(['go to fridge 1', 'open fridge 1']);
    const b = Tokenizer.fromTexts(['open fridge 1', 'go to fridge 1']);
    expect(a.words).toEqual(b.words);
    expect(a.encode('go to fridge 1')[0]).toBeGreaterThan(BOS_ID);
    expect(Tokenizer.fromJSON(a.toJSON()).encode('open fridge 1')).toEqual(a.encode('open fridge 1'));
    expect(a.encode('open the pod bay doors')).toContain(UNK_ID);
    expect(a.decode(a.encode('go to fridge 1'))).toBe('go to fridge 1');
  });
});
