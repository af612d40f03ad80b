/**
 * Text helpers shared by search, reward and the policies: tokenising, colour normalisation and the
 * deterministic stand-in for WebShop's fuzzy string match. Everything is locale-free (plain ASCII
 * lower-casing by code point) so the browser and Node agree byte for byte.
 */

import { tokenize } from '../text.ts';

export { compareCodePoints, tokenize } from '../text.ts';

/**
 * Colour words in the spirit of WebShop's `COLOR_SET` (engine/normalize.py). Order matters:
 * `normalizeColor` returns the first entry (in this alphabetical order) contained in the string, so
 * `dark blue` and `light blue` both normalise to `blue` and count as the same colour.
 */
export const COLOR_SET: readonly string[] = [
  'alabaster', 'apricot', 'aqua', 'army green', 'ash', 'beige', 'black', 'blue', 'blush', 'bronze', 'brown',
  'burgundy', 'camel', 'champagne', 'charcoal', 'cherry', 'chocolate', 'coffee', 'copper', 'coral', 'cream',
  'dark blue', 'dark brown', 'dark green', 'dark grey', 'denim', 'espresso', 'fuchsia', 'gold', 'gray', 'green',
  'grey', 'ivory', 'khaki', 'lavender', 'light blue', 'light grey', 'light pink', 'lilac', 'mint', 'mocha',
  'multicolor', 'mustard', 'natural', 'navy', 'nude', 'olive', 'orange', 'peach', 'pink', 'plum', 'purple',
  'red', 'rose gold', 'rose', 'rust', 'sage', 'silver', 'sky blue', 'tan', 'taupe', 'teal', 'turquoise',
  'violet', 'walnut', 'white', 'wine', 'yellow',
];

/**
 * Maps a colour string to the first `COLOR_SET` entry it contains, as WebShop's `normalize_color` does
 * (substring test, list order); strings with no colour come back unchanged.
 */
export function normalizeColor(text: string): string {
  for (const color of COLOR_SET) if (text.includes(color)) return color;
  return text;
}

/**
 * The deterministic replacement for `fuzz.token_set_ratio(a, b) > 85` (envs.md §4.2): the token set of one
 * string is a subset of the other's (so `cool powder snow` matches `powder snow`, as in WebShop's tests),
 * or the two token sets have a Jaccard similarity of at least 0.85. Empty strings match nothing.
 */
export function fuzzyMatch(a: string, b: string): boolean {
  const setA = new Set(tokenize(a));
  const setB = new Set(tokenize(b));
  if (setA.size === 0 || setB.size === 0) return false;
  let shared = 0;
  for (const token of setA) if (setB.has(token)) shared++;
  if (shared === setA.size || shared === setB.size) return true;
  return shared / (setA.size + setB.size - shared) >= 0.85;
}

/** Formats a float as Python's `str(float)` does (`1.0`, `0.5`, `0.6666666666666666`). */
export function pythonFloat(value: number): string {
  return Number.isInteger(value) ? value.toFixed(1) : String(value);
}

/** Formats dollars with two decimals, as the pages and the price text do. */
export function dollars(value: number): string {
  return value.toFixed(2);
}
