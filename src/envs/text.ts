/**
 * Text helpers every environment's search shares: the BM25 tokeniser and a locale-free string order.
 * Plain ASCII lower-casing by code point, so the browser and Node agree byte for byte.
 */

/** Lower-cases and splits on every non-alphanumeric character (the BM25 and fuzzy-match tokeniser). */
export function tokenize(text: string): string[] {
  return text.toLowerCase().split(/[^a-z0-9]+/).filter((token) => token.length > 0);
}

/** Plain code-point comparison, as Python's `sorted` does (no locale). */
export function compareCodePoints(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
