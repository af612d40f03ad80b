/**
 * A catalogue made ready to shop in: the search index, the ASIN lookup, the noun lexicon of the type
 * reward and the fixed goal splits. Building it is the expensive part, so one world is shared by every
 * environment and every episode over the same catalogue.
 */
import { buildNounLexicon } from './reward.ts';
import { Bm25Index } from './search.ts';
import type { Catalogue, Goal, Product, Split } from './types.ts';

/** A catalogue with its derived lookups. Treat as read-only. */
export interface WebShopWorld {
  catalogue: Catalogue;
  index: Bm25Index;
  productsByAsin: ReadonlyMap<string, Product>;
  nounLexicon: ReadonlySet<string>;
  /** Goal ids of each split, ascending. */
  splits: Readonly<Record<Split, readonly number[]>>;
}

/**
 * The fixed global partition of goal ids (envs.md §4.0, §2.7): goals are stored in a seeded order, so the
 * first tenth (at most 500) is the test split, the next tenth (at most 500) the valid split, the rest train.
 * It depends on nothing but the goal count, unlike WebShop's per-worker shuffle.
 */
export function splitGoalIds(goalCount: number): Record<Split, number[]> {
  const heldOut = Math.min(500, Math.max(1, Math.floor(goalCount / 10)));
  const ids = Array.from({ length: goalCount }, (_, id) => id);
  return { test: ids.slice(0, heldOut), valid: ids.slice(heldOut, 2 * heldOut), train: ids.slice(2 * heldOut) };
}

/** Builds the lookups of a catalogue. */
export function buildWorld(catalogue: Catalogue): WebShopWorld {
  return {
    catalogue,
    index: Bm25Index.fromProducts(catalogue.products),
    productsByAsin: new Map(catalogue.products.map((product) => [product.asin, product])),
    nounLexicon: buildNounLexicon(catalogue.products),
    splits: splitGoalIds(catalogue.goals.length),
  };
}

/** The goal of a split picked by a seed (`seed` modulo the split size), so any integer seed names a task. */
export function goalForSeed(world: WebShopWorld, split: Split, seed: number): Goal {
  const ids = world.splits[split];
  if (ids.length === 0) throw new Error(`the ${split} split of this catalogue has no goals`);
  const position = ((Math.trunc(seed) % ids.length) + ids.length) % ids.length;
  return world.catalogue.goals[ids[position]];
}
