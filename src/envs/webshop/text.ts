/**
 * Text helpers shared by search, reward and the policies: tokenising, WebShop's colour and size normalisation
 * (`engine/normalize.py`) and its fuzzy string match (`fuzz.token_set_ratio > 85`). Everything is locale-free (plain ASCII
 * lower-casing by code point) so the browser and Node agree byte for byte.
 */
import { token_set_ratio } from 'fuzzball';

export { compareCodePoints, tokenize } from '../text.ts';

/**
 * WebShop's `COLOR_SET` (`web_agent_site/engine/normalize.py`), in its order. `normalizeColor` returns the
 * first entry contained in the string, so `navy blue` and `dark blue` become `blue` (it precedes both `dark`
 * and `navy`) and `steelivy fuchsia` becomes `fuchsia`.
 */
export const COLOR_SET: readonly string[] = [
  'alabaster', 'apricot', 'aqua', 'ash', 'asphalt', 'azure',
  'banana', 'beige', 'black', 'blue', 'blush', 'bordeaux', 'bronze',
  'brown', 'burgundy', 'camel', 'camo', 'caramel', 'champagne',
  'charcoal', 'cheetah', 'chestnut', 'chocolate', 'christmas', 'coffee',
  'cognac', 'copper', 'coral', 'cranberry', 'cream', 'crystal', 'dark',
  'denim', 'eggplant', 'elephant', 'espresso', 'fuchsia', 'gold', 'granite',
  'grape', 'graphite', 'grass', 'gray', 'green', 'grey', 'heather', 'indigo',
  'ivory', 'ivy', 'khaki', 'lavender', 'lemon', 'leopard', 'light', 'lilac',
  'lime', 'magenta', 'maroon', 'mauve', 'merlot', 'midnight', 'mint', 'mocha',
  'multicolor', 'mushroom', 'mustard', 'natural', 'navy', 'nude', 'olive',
  'orange', 'peach', 'pewter', 'pink', 'plum', 'purple', 'rainbow', 'red',
  'rose', 'royal', 'rust', 'sand', 'sapphire', 'seashell', 'silver', 'skull',
  'slate', 'steel', 'stone', 'stonewash', 'sunflower', 'tan', 'taupe', 'teal',
  'tiger', 'turquoise', 'violet', 'walnut', 'wheat', 'white', 'wine', 'yellow',
];

/**
 * Maps a colour string to the first `COLOR_SET` entry it contains, as WebShop's `normalize_color` does
 * (substring test, list order); strings with no colour come back unchanged.
 */
export function normalizeColor(text: string): string {
  for (const color of COLOR_SET) if (text.includes(color)) return color;
  return text;
}

/** WebShop's `SIZE_SET`: size words that `normalizeColorSize` tries (as patterns) before `SIZE_PATTERNS`. */
export const SIZE_SET: readonly string[] = [
  'xx-large', '3x-large', '4x-large', '5x-large', 'x-large', 'x-small',
  'medium', 'large', 'small',
  'queen', 'twin', 'full', 'king', 'one size',
  'pack',
];

/**
 * WebShop's size patterns, in its order: every `SIZE_SET` word, then the shapes of `SIZE_PATTERNS`. Each keeps
 * Python's pattern text as its name, since `normalize_color_size` maps a size to that text.
 */
export const SIZE_PATTERNS: readonly { pattern: string; regex: RegExp }[] = [
  ...SIZE_SET,
  '(.*)neck(.*)sleeve', '(.*) women \\| (.*) men', '(.*)w x(.*)l', '(.*)w by (.*)l', '(.*)w x(.*)h', '(.*)wide',
  '(.*)x-wide', '(.*)narrow', '(.*)petite', '(.*)inch', '(.*)plus', '(.*)mm', 'women(.*)', '(.*)x(.*)', '(.*)ft',
  '(.*)feet', '(.*)meter', '(.*)yards', '(.*)\\*(.*)', '(.*)\\-(.*)', '(\\d+)"$', '(\\d+)f$', '(\\d+)m$', '(\\d+)cm$',
  '(\\d+)g$',
].map((pattern) => ({ pattern, regex: new RegExp(pattern) }));

/** A product variant's colour and size, as the keys of WebShop's `product_prices` carry them. */
export interface ColorSizeVariant {
  color: string;
  size: string;
}

/**
 * WebShop's `normalize_color_size`: maps every colour of the variants to its `COLOR_SET` entry and every size to
 * the text of the first matching size pattern (`numeric_size` for a plain number), both lower-cased, with
 * `not_matched` when nothing fits; `N.A.` maps to `not_matched` in both.
 */
export function normalizeColorSize(variants: readonly ColorSizeVariant[]): { colors: Map<string, string>; sizes: Map<string, string> } {
  const colors = new Map<string, string>([['N.A.', 'not_matched']]);
  const sizes = new Map<string, string>([['N.A.', 'not_matched']]);
  for (const { color, size } of variants) {
    const c = color.toLowerCase();
    colors.set(c, COLOR_SET.find((base) => c.includes(base)) ?? 'not_matched');
    const s = size.toLowerCase();
    const pattern = SIZE_PATTERNS.find(({ regex }) => regex.test(s))?.pattern;
    sizes.set(s, pattern ?? (isPythonDigitsWithOneDot(s) ? 'numeric_size' : 'not_matched'));
  }
  return { colors, sizes };
}

/** Python's `s.replace('.', '', 1).isdigit()`: digits, with at most one dot removed first. */
function isPythonDigitsWithOneDot(text: string): boolean {
  const withoutFirstDot = text.replace('.', '');
  return withoutFirstDot.length > 0 && /^[0-9]+$/.test(withoutFirstDot);
}

/**
 * WebShop's fuzzy match, `fuzz.token_set_ratio(a, b) > 85`, computed with fuzzball (a port of TheFuzz with the
 * same scorers). `cool powder snow` matches `powder snow` and `essential oils` matches `essential oil`; strings
 * with no letters or digits match nothing.
 */
export function fuzzyMatch(a: string, b: string): boolean {
  return tokenSetRatio(a, b) > 85;
}

/** `fuzz.token_set_ratio(a, b)`: 0–100, rounded, after TheFuzz's default processing (ASCII, lower-case, alphanumeric). */
export function tokenSetRatio(a: string, b: string): number {
  return token_set_ratio(a, b, { force_ascii: true, full_process: true });
}

/** Formats a float as Python's `str(float)` does (`1.0`, `0.5`, `0.6666666666666666`). */
export function pythonFloat(value: number): string {
  return Number.isInteger(value) ? value.toFixed(1) : String(value);
}

/** Formats dollars with two decimals, as the pages and the price text do. */
export function dollars(value: number): string {
  return value.toFixed(2);
}
