/**
 * The data WebShop-lite works on: product records shaped like WebShop's (`engine.py::load_products`), goals
 * shaped like its synthetic goals (`goal.py::get_synthetic_goals`), and the options that pick a variant of
 * the environment. Plain JSON-compatible objects, so catalogues and goals can be saved and loaded.
 */

/** One option dimension of a product, e.g. `{ name: 'size', values: ['small', 'medium'] }` (lower-case). */
export interface ProductOption {
  name: string;
  values: string[];
}

/** How an attribute phrase reads in the synthetic instruction template (WebShop's hand tags). */
export type AttributeTag = 'prop' | 'item' | 'use';

/** A product record with the fields WebShop's reward and pages read. */
export interface Product {
  /** 10-character id, `B0` + 8 upper-case alphanumerics; shown upper-case, clicked lower-case. */
  asin: string;
  /** The product title (WebShop's `Title`, also the goal `name`). */
  title: string;
  /** Broad category, e.g. `beauty`. */
  category: string;
  /** The product-type search term, e.g. `men's t-shirts` (WebShop's `query`). */
  query: string;
  /** Three-level breadcrumb joined by ` › `. */
  productCategory: string;
  /** Brand name; its words count as nouns for the type reward. */
  brand: string;
  description: string;
  bulletPoints: string[];
  /** Mined attribute phrases, e.g. `machine wash`. */
  attributes: string[];
  /** Option dimensions in page order. */
  options: ProductOption[];
  /** The price the reward compares with the goal's limit, in dollars, rounded to cents. */
  price: number;
  /** Shown as `$lo to $hi` when present (the page price of a product sold in several variants). */
  priceRange?: [number, number];
}

/** A shopping goal: the instruction the agent reads and the hidden fields the reward compares with. */
export interface Goal {
  /** Position in the catalogue's goal list (stable for a given catalogue). */
  id: number;
  /** The product the goal was written from (`r_exact` compares with it; other products can still score 1). */
  asin: string;
  /** The instruction text shown to the agent. */
  instruction: string;
  /** The target's product type (`query`) and breadcrumb, for the type reward. */
  query: string;
  productCategory: string;
  /** The target's title, whose nouns the type reward compares. */
  name: string;
  /** Attribute phrases the purchase must have. */
  attributes: string[];
  /** Option values the purchase must be bought with, in dimension order. */
  options: { name: string; value: string }[];
  /** Upper price limit in dollars; null when the instruction states none. */
  priceUpper: number | null;
}

/** A catalogue: the products and the goals over them. */
export interface Catalogue {
  products: Product[];
  goals: Goal[];
}

/** How the search box works for a policy (envs.md §4.2, "Search action for a small policy"). */
export type SearchMode =
  /** The search page offers K candidate queries built from the instruction; only those are accepted. */
  | 'candidates'
  /** Any query whose words all appear in the instruction is accepted; the candidates are still listed. */
  | 'free';

/** Which third of the fixed goal partition a goal belongs to. */
export type Split = 'train' | 'valid' | 'test';
