/**
 * The pages of the shop and their text in WebShop's "simple" mode (envs.md §2.1, §2.3): the visible text of
 * each HTML template joined with ` [SEP] `, and the clickables each page offers (lower-cased button texts and
 * option values, in page order, as `get_available_actions` lists them).
 */
import type { RewardParts } from './reward.ts';
import { dollars, pythonFloat } from './text.ts';
import type { Product } from './types.ts';

/** Products per results page (WebShop's `PRODUCT_WINDOW`). */
export const PRODUCT_WINDOW = 10;

/** The separator of the simple text mode. */
export const SEP = ' [SEP] ';

/** The sub-pages of an item page. */
export type ItemSection = 'description' | 'features' | 'reviews';

/** The page the agent is on, with what it needs to render and to go back. */
export type Page =
  | { kind: 'search' }
  | { kind: 'results'; keywords: string; hits: readonly string[]; page: number }
  | { kind: 'item'; keywords: string; hits: readonly string[]; page: number; asin: string }
  | { kind: 'section'; keywords: string; hits: readonly string[]; page: number; asin: string; section: ItemSection }
  | { kind: 'done'; asin: string };

/** The ASINs shown on a results page (empty past the last hit, as in WebShop where `next >` is always shown). */
export function pageHits(hits: readonly string[], page: number): readonly string[] {
  return hits.slice((page - 1) * PRODUCT_WINDOW, page * PRODUCT_WINDOW);
}

/** A product's price as the pages show it: `$lo` or `$lo to $hi`. */
export function priceText(product: Product): string {
  return product.priceRange
    ? `$${dollars(product.priceRange[0])} to $${dollars(product.priceRange[1])}`
    : `$${dollars(product.price)}`;
}

/** What the rendering needs besides the page itself. */
export interface RenderContext {
  instruction: string;
  lookup: (asin: string) => Product;
  /** The purchase's reward, for the done page. */
  reward?: RewardParts;
  chosenOptions?: Readonly<Record<string, string>>;
  /** Shown on the done page only, after the episode has ended (WebShop's hidden done-page blocks). */
  target?: { asin: string; options: { name: string; value: string }[]; attributes: string[]; priceUpper: number | null };
}

/** The observation text of a page. */
export function renderPage(page: Page, context: RenderContext): string {
  const header = ['Instruction:', context.instruction, 'Back to Search'];
  switch (page.kind) {
    case 'search':
      return ['WebShop', 'Instruction:', context.instruction, 'Search'].join(SEP);
    case 'results': {
      const parts = [...header, `Page ${page.page} (Total results: ${page.hits.length})`];
      if (page.page > 1) parts.push('< Prev');
      parts.push('Next >');
      for (const asin of pageHits(page.hits, page.page)) {
        const product = context.lookup(asin);
        parts.push(asin.toUpperCase(), product.title, priceText(product));
      }
      return parts.join(SEP);
    }
    case 'item': {
      const product = context.lookup(page.asin);
      const parts = [...header, '< Prev'];
      for (const option of product.options) parts.push(option.name, ...option.values);
      parts.push(product.title, `Price: ${priceText(product)}`, 'Rating: N.A.', 'Description', 'Features', 'Reviews', 'Buy Now');
      return parts.join(SEP);
    }
    case 'section': {
      const product = context.lookup(page.asin);
      const parts = [...header, '< Prev'];
      if (page.section === 'description') parts.push(product.description);
      if (page.section === 'features') parts.push(...product.bulletPoints);
      return parts.join(SEP);
    }
    case 'done': {
      const parts = ['Thank you for shopping with us!', 'Your score (min 0.0, max 1.0)', pythonFloat(context.reward?.score ?? 0)];
      parts.push('Purchased', 'asin', page.asin, 'options', JSON.stringify(context.chosenOptions ?? {}));
      if (context.target) {
        const wanted = Object.fromEntries(context.target.options.map((option) => [option.name, option.value]));
        parts.push('Target', 'asin', context.target.asin, 'options', JSON.stringify(wanted));
        parts.push('attrs', JSON.stringify(context.target.attributes));
        if (context.target.priceUpper !== null) parts.push('price upper', dollars(context.target.priceUpper));
      }
      return parts.join(SEP);
    }
  }
}

/** The clickable texts of a page (lower-cased, page order), without the search button, which does nothing. */
export function pageClickables(page: Page, lookup: (asin: string) => Product): string[] {
  switch (page.kind) {
    case 'search':
    case 'done':
      return [];
    case 'results': {
      const clickables = ['back to search'];
      if (page.page > 1) clickables.push('< prev');
      clickables.push('next >');
      for (const asin of pageHits(page.hits, page.page)) clickables.push(asin.toLowerCase());
      return clickables;
    }
    case 'item': {
      const clickables = ['back to search', '< prev'];
      for (const option of lookup(page.asin).options) {
        for (const value of option.values) if (!clickables.includes(value)) clickables.push(value);
      }
      clickables.push('description', 'features', 'reviews', 'buy now');
      return clickables;
    }
    case 'section':
      return ['back to search', '< prev'];
  }
}
