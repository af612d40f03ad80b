/**
 * WebShop's search: the shared BM25 (../bm25.ts) over the same product text WebShop indexes with pyserini
 * (`search_engine/convert_product_file_format.py`: title, description, first bullet point and the option
 * values); results are named by ASIN, so ties are broken by ASIN.
 */
import { Bm25Index as SharedBm25Index } from '../bm25.ts';
import type { Product } from './types.ts';

/** How many hits a search returns (WebShop's `SEARCH_RETURN_N`). */
export const SEARCH_RETURN_N = 50;

/** The text WebShop indexes for a product: title, description, first bullet and `opt: v1, v2, and opt2: …`. */
export function indexedText(product: Product): string {
  const optionText = product.options.map((option) => `${option.name}: ${option.values.join(', ')}`).join(', and ');
  return [product.title, product.description, product.bulletPoints[0] ?? '', optionText].join(' ').toLowerCase();
}

/** The shared BM25 index, built over products. */
export class Bm25Index extends SharedBm25Index {
  /** Builds the index of a product list. */
  static fromProducts(products: readonly Product[]): Bm25Index {
    return new Bm25Index(products.map((product) => product.asin), products.map(indexedText));
  }
}
