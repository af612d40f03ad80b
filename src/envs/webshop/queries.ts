/**
 * Search queries a small policy can issue (envs.md §4.2, "Search action for a small policy"). WebShop's
 * baselines chose among a few candidate queries; here the candidates are built from the instruction's own
 * words only (never from the hidden goal fields), and the free-text mode accepts any query made of them.
 */
import { createRng, hashString } from '../../core/prng.ts';
import { compareCodePoints, tokenize } from './text.ts';

/** The instruction without its trailing price clause (`, and price lower than 50.00 dollars`). */
export function stripPriceClause(instruction: string): string {
  return instruction.replace(/,? and price lower than [0-9.]+ dollars\s*$/i, '');
}

/** Turns a phrase into query text: lower-case words separated by single spaces, keeping `'` and `-`. */
function queryText(phrase: string): string {
  return phrase
    .toLowerCase()
    .replace(/[^a-z0-9'&-]+/g, ' ')
    .trim();
}

const LEADING_FILLER = /^(find me|i need|i want to buy|i want|i am looking for|looking for|get me|a|an|some|the|color|size)\s+/;

/** Splits an instruction (price clause removed) into its phrases: the parts between commas, `with`, `for`, `and`… */
export function instructionPhrases(instruction: string): string[] {
  const core = stripPriceClause(instruction).toLowerCase();
  const phrases: string[] = [];
  for (const part of core.split(/,|\bwith\b|\bfor\b|\band\b|\bthat is\b|\bwhich is\b|\bin size\b/)) {
    let phrase = queryText(part);
    for (let previous = ''; previous !== phrase; ) {
      previous = phrase;
      phrase = phrase.replace(LEADING_FILLER, '');
    }
    if (phrase.length > 0 && !phrases.includes(phrase)) phrases.push(phrase);
  }
  return phrases;
}

/**
 * K candidate queries for an instruction, sorted by code point: always the whole instruction (without the
 * price clause), plus K − 1 others drawn from its phrases and pairs of neighbouring phrases. The draw is
 * seeded by the instruction text, so it is the same in every episode of the same goal and never depends
 * on anything the agent cannot see.
 */
export function candidateQueries(instruction: string, count: number): string[] {
  const whole = queryText(stripPriceClause(instruction));
  const phrases = instructionPhrases(instruction);
  const pool: string[] = [];
  const addToPool = (query: string) => {
    if (query.length > 0 && query !== whole && !pool.includes(query)) pool.push(query);
  };
  for (let i = 0; i < phrases.length; i++) {
    addToPool(phrases[i]);
    if (i + 1 < phrases.length) addToPool(`${phrases[i]} ${phrases[i + 1]}`);
  }
  const rng = createRng(hashString(`webshop-candidates:${instruction}`));
  const drawn = rng.shuffle(pool).slice(0, Math.max(0, count - 1));
  return [whole, ...drawn].sort(compareCodePoints);
}

/** True when every word of the query occurs in the instruction (the free-text mode's rule). */
export function usesOnlyInstructionWords(query: string, instruction: string): boolean {
  const words = tokenize(query);
  if (words.length === 0) return false;
  const allowed = new Set(tokenize(instruction));
  return words.every((word) => allowed.has(word));
}
