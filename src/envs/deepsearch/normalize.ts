/**
 * Answer scoring exactly as the search-agent code scores it: Search-R1's `normalize_answer` and `em_check`
 * (`verl/utils/reward_score/qa_em.py`, identical to HotpotQA's `hotpot_evaluate_v1.py`) and HotpotQA's
 * token-level `f1_score`, logged beside the exact-match reward.
 */

/** Python's `string.punctuation`. */
const PUNCTUATION = new Set('!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~');

/**
 * `white_space_fix(remove_articles(remove_punc(lower(s))))`: lower-case, drop every punctuation character,
 * replace the words a / an / the by a space, collapse whitespace.
 */
export function normalizeAnswer(text: string): string {
  const lower = text.toLowerCase();
  let withoutPunctuation = '';
  for (const ch of lower) if (!PUNCTUATION.has(ch)) withoutPunctuation += ch;
  const withoutArticles = withoutPunctuation.replace(/\b(a|an|the)\b/g, ' ');
  return withoutArticles.split(/\s+/).filter((word) => word.length > 0).join(' ');
}

/** `em_check`: 1 when the normalised prediction equals any normalised gold answer, else 0. */
export function exactMatch(prediction: string, golds: readonly string[]): number {
  const normalized = normalizeAnswer(prediction);
  return golds.some((gold) => normalizeAnswer(gold) === normalized) ? 1 : 0;
}

/**
 * HotpotQA's `f1_score`: token-multiset overlap of the normalised strings; 0 when either side is yes / no /
 * noanswer and they differ.
 */
export function answerF1(prediction: string, gold: string): number {
  const p = normalizeAnswer(prediction);
  const g = normalizeAnswer(gold);
  const special = ['yes', 'no', 'noanswer'];
  if ((special.includes(p) || special.includes(g)) && p !== g) return 0;
  const predicted = p.split(' ').filter((w) => w.length > 0);
  const golden = g.split(' ').filter((w) => w.length > 0);
  const counts = new Map<string, number>();
  for (const word of golden) counts.set(word, (counts.get(word) ?? 0) + 1);
  let same = 0;
  for (const word of predicted) {
    const left = counts.get(word) ?? 0;
    if (left > 0) {
      same++;
      counts.set(word, left - 1);
    }
  }
  if (same === 0) return 0;
  const precision = same / predicted.length;
  const recall = same / golden.length;
  return (2 * precision * recall) / (precision + recall);
}
