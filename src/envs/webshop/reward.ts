/**
 * WebShop's reward (`web_agent_site/engine/goal.py::get_reward`, envs.md §2.4), ported line by line. Only the
 * noun tagger is replaced by a deterministic rule (envs.md §4.2): spaCy's NOUN/PROPN tags become a noun lexicon
 * (product-type words and brand words). `fuzz.token_set_ratio > 85` is fuzzball's port of it (`fuzzyMatch`).
 */
import { fuzzyMatch, normalizeColor, tokenize } from './text.ts';
import type { Goal, Product } from './types.ts';

/** The reward and its parts, named as WebShop's `get_reward` info dict names them. */
export interface RewardParts {
  /** The 0–1 score: (attribute + option + price matches) / (#attributes + #options + 1) × r_type. */
  score: number;
  /** Type reward: 1, 0.5, 0.1 or 0. */
  r_type: number;
  /** Fraction of goal attributes matched (1 when the goal has none). */
  r_att: number;
  /**
   * Fraction of goal options matched; `null` when the goal has none (WebShop's `None`: the part is absent,
   * and the total is computed exactly as when it is present, with zero option matches and zero options).
   */
  r_option: number | null;
  /** 1 when the price is within the goal's limit, else 0. */
  r_price: number;
  /** Same ASIN as the goal's source product and score 1 (WebShop's `r_exact` diagnostic). */
  r_exact: number;
  query_match: boolean;
  category_match: boolean;
  title_score: number;
  num_attr_matches: number;
  num_option_matches: number;
}

/** Words that never count as nouns even when they occur in a product type (`men's` gives `s`). */
const NOT_NOUNS = new Set(['a', 'an', 'and', 'for', 'of', 'the', 'with', 's', 'in', 'on', 'to', 'by']);

/**
 * The noun lexicon that stands in for spaCy's NOUN/PROPN tags: every word of every product type (`query`)
 * and brand in the catalogue, minus function words.
 */
export function buildNounLexicon(products: readonly Product[]): Set<string> {
  const lexicon = new Set<string>();
  for (const product of products) {
    for (const word of [...tokenize(product.query), ...tokenize(product.brand)]) {
      if (!NOT_NOUNS.has(word)) lexicon.add(word);
    }
  }
  return lexicon;
}

/**
 * The nouns of a text in order, repeats kept (spaCy's token list): its words that are in the lexicon.
 * WebShop divides the shared nouns by this list's length, so a goal title that repeats a noun needs more
 * overlap for the same title score.
 */
export function nounsOf(text: string, lexicon: ReadonlySet<string>): string[] {
  return tokenize(text).filter((word) => lexicon.has(word));
}

function breadcrumbLevels(productCategory: string): Set<string> {
  return new Set(productCategory.split('›').map((level) => level.trim()));
}

/** WebShop's `get_type_reward`. */
export function typeReward(
  purchased: Product,
  goal: Goal,
  lexicon: ReadonlySet<string>,
): { r_type: number; query_match: boolean; category_match: boolean; title_score: number } {
  const queryMatch = purchased.query === goal.query;
  const goalLevels = breadcrumbLevels(goal.productCategory);
  let sharedLevels = 0;
  for (const level of breadcrumbLevels(purchased.productCategory)) if (goalLevels.has(level)) sharedLevels++;
  const categoryMatch = sharedLevels >= 2;
  const goalNouns = nounsOf(goal.name, lexicon);
  const purchasedNouns = new Set(nounsOf(purchased.title, lexicon));
  let titleScore = 0.2;
  if (goalNouns.length > 0) {
    // |set(purchased) ∩ set(goal)| / len(goal list): distinct shared nouns over all goal nouns, repeats included.
    let shared = 0;
    for (const noun of new Set(goalNouns)) if (purchasedNouns.has(noun)) shared++;
    titleScore = shared / goalNouns.length;
  }
  let rType = 1.0;
  if (!(queryMatch || categoryMatch || titleScore > 0.2)) rType = 0.5;
  if (titleScore < 0.1) rType = 0.1;
  if (titleScore === 0.0) rType = 0.0;
  return { r_type: rType, query_match: queryMatch, category_match: categoryMatch, title_score: titleScore };
}

/** WebShop's `get_attribute_reward`: an attribute matches an `Attributes` entry, else a substring of the text. */
export function countAttributeMatches(purchased: Product, goalAttributes: readonly string[]): number {
  const title = purchased.title.toLowerCase();
  const bullets = purchased.bulletPoints.join(' ').toLowerCase();
  const description = purchased.description.toLowerCase();
  let matches = 0;
  for (const wanted of goalAttributes) {
    const inAttributes = purchased.attributes.some((attribute) => fuzzyMatch(attribute, wanted));
    const inText = title.includes(wanted) || bullets.includes(wanted) || description.includes(wanted);
    if (inAttributes || inText) matches++;
  }
  return matches;
}

/** WebShop's `get_option_reward`: each goal value matched by some chosen value, after `normalize_color`. */
export function countOptionMatches(chosenValues: readonly string[], goalValues: readonly string[]): number {
  const chosen = chosenValues.map(normalizeColor);
  let matches = 0;
  for (const wanted of goalValues) {
    const normalized = normalizeColor(wanted);
    if (chosen.some((value) => fuzzyMatch(value, normalized))) matches++;
  }
  return matches;
}

/**
 * The reward for buying `purchased` with `chosenOptions` (option name → clicked value) against `goal`.
 * `lexicon` is the catalogue's noun lexicon (`buildNounLexicon`).
 */
export function computeReward(
  purchased: Product,
  chosenOptions: Readonly<Record<string, string>>,
  goal: Goal,
  lexicon: ReadonlySet<string>,
): RewardParts {
  const type = typeReward(purchased, goal, lexicon);
  const numAttrMatches = countAttributeMatches(purchased, goal.attributes);
  const chosenValues = Object.keys(chosenOptions).sort().map((name) => chosenOptions[name]);
  const numOptionMatches = countOptionMatches(chosenValues, goal.options.map((option) => option.value));
  const rPrice = goal.priceUpper === null || purchased.price <= goal.priceUpper ? 1 : 0;
  const total = goal.attributes.length + goal.options.length + 1;
  const score = ((numAttrMatches + numOptionMatches + rPrice) / total) * type.r_type;
  return {
    score,
    r_type: type.r_type,
    r_att: goal.attributes.length > 0 ? numAttrMatches / goal.attributes.length : 1,
    r_option: goal.options.length > 0 ? numOptionMatches / goal.options.length : null,
    r_price: rPrice,
    r_exact: purchased.asin === goal.asin && score === 1 ? 1 : 0,
    query_match: type.query_match,
    category_match: type.category_match,
    title_score: type.title_score,
    num_attr_matches: numAttrMatches,
    num_option_matches: numOptionMatches,
  };
}
