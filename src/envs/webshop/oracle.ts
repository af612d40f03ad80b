/**
 * The oracle shopper (envs.md §4.0): it knows the catalogue and the reward, tries every search the
 * environment offers for the goal, and returns the shortest action sequence that buys a product with
 * score 1: search, `next >` to the right page, the product, one click per goal option, `buy now`.
 */
import { PRODUCT_WINDOW } from './pages.ts';
import { candidateQueries } from './queries.ts';
import { computeReward } from './reward.ts';
import { SEARCH_RETURN_N } from './search.ts';
import { fuzzyMatch, normalizeColor } from './text.ts';
import type { Goal, Product } from './types.ts';
import type { WebShopWorld } from './world.ts';

/**
 * Option values to click so that every goal option is matched: for each goal option, a value of the
 * same-named dimension that matches it (an equal value first), else one from any dimension. Null when a
 * goal option cannot be matched.
 */
export function optionClicksFor(product: Product, goal: Goal): Record<string, string> | null {
  const chosen: Record<string, string> = {};
  for (const wanted of goal.options) {
    const matches = (value: string) => fuzzyMatch(normalizeColor(value), normalizeColor(wanted.value));
    const ordered = [...product.options.filter((o) => o.name === wanted.name), ...product.options.filter((o) => o.name !== wanted.name)];
    let found = false;
    for (const option of ordered) {
      const value = option.values.find((v) => v === wanted.value) ?? option.values.find(matches);
      if (value !== undefined && chosen[option.name] === undefined) {
        chosen[option.name] = value;
        found = true;
        break;
      }
    }
    if (!found) return null;
  }
  return chosen;
}

/** True when buying the product with the given option clicks scores 1. */
export function purchaseScoresOne(world: WebShopWorld, product: Product, goal: Goal): Record<string, string> | null {
  const clicks = optionClicksFor(product, goal);
  if (!clicks) return null;
  return computeReward(product, clicks, goal, world.nounLexicon).score === 1 ? clicks : null;
}

/** The oracle's plan: the actions and the purchase it leads to. */
export interface OraclePlan {
  actions: string[];
  asin: string;
  query: string;
  /** 0-based rank of the bought product in the search results. */
  rank: number;
}

/**
 * The shortest plan to a score-1 purchase using the candidate queries of the goal (which both search modes
 * accept); null when none of them retrieves such a product within the 50 hits.
 */
export function planOracle(world: WebShopWorld, goal: Goal, candidateCount: number): OraclePlan | null {
  let best: OraclePlan | null = null;
  for (const query of candidateQueries(goal.instruction, candidateCount)) {
    const hits = world.index.search(query, SEARCH_RETURN_N);
    for (let rank = 0; rank < hits.length; rank++) {
      const nextClicks = Math.floor(rank / PRODUCT_WINDOW);
      const product = world.productsByAsin.get(hits[rank]) as Product;
      const lowerBound = 3 + nextClicks;
      if (best && lowerBound >= best.actions.length) break;
      const clicks = purchaseScoresOne(world, product, goal);
      if (!clicks) continue;
      const actions = [`search[${query}]`];
      for (let k = 0; k < nextClicks; k++) actions.push('click[next >]');
      actions.push(`click[${product.asin.toLowerCase()}]`);
      // Click in page order so that a value shared by two dimensions lands where the environment stores it.
      for (const option of product.options) if (clicks[option.name] !== undefined) actions.push(`click[${clicks[option.name]}]`);
      actions.push('click[buy now]');
      if (!best || actions.length < best.actions.length) best = { actions, asin: product.asin, query, rank };
    }
  }
  return best;
}
