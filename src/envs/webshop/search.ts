/**
 * The search engine: BM25 over the same product text WebShop indexes with pyserini
 * (`search_engine/convert_product_file_format.py`: title, description, first bullet point and the option
 * values), with Lucene's default parameters k1 = 0.9, b = 0.4. Ties are broken by ASIN so the ranking is
 * fully deterministic.
 */
import { compareCodePoints, tokenize } from './text.ts';
import type { Product } from './types.ts';

/** How many hits a search returns (WebShop's `SEARCH_RETURN_N`). */
export const SEARCH_RETURN_N = 50;

const K1 = 0.9;
const B = 0.4;

/** The text WebShop indexes for a product: title, description, first bullet and `opt: v1, v2, and opt2: …`. */
export function indexedText(product: Product): string {
  const optionText = product.options.map((option) => `${option.name}: ${option.values.join(', ')}`).join(', and ');
  return [product.title, product.description, product.bulletPoints[0] ?? '', optionText].join(' ').toLowerCase();
}

/** A BM25 index over a product list. */
export class Bm25Index {
  private readonly postings = new Map<string, { doc: number; tf: number }[]>();
  private readonly docLengths: number[];
  private readonly averageLength: number;

  /** Indexes `documents` (one text per ASIN); `asins[i]` names `documents[i]` for the tie-break. */
  constructor(
    private readonly asins: readonly string[],
    documents: readonly string[],
  ) {
    this.docLengths = documents.map((text, doc) => {
      const counts = new Map<string, number>();
      const tokens = tokenize(text);
      for (const token of tokens) counts.set(token, (counts.get(token) ?? 0) + 1);
      for (const [token, tf] of counts) {
        let list = this.postings.get(token);
        if (!list) this.postings.set(token, (list = []));
        list.push({ doc, tf });
      }
      return tokens.length;
    });
    const totalLength = this.docLengths.reduce((sum, length) => sum + length, 0);
    this.averageLength = documents.length > 0 ? totalLength / documents.length : 0;
  }

  /** Builds the index of a product list. */
  static fromProducts(products: readonly Product[]): Bm25Index {
    return new Bm25Index(products.map((product) => product.asin), products.map(indexedText));
  }

  /** BM25 score of every document for a query (a repeated query word counts once per repetition, as in Lucene). */
  scores(query: string): Float64Array {
    const scores = new Float64Array(this.docLengths.length);
    const documentCount = this.docLengths.length;
    for (const token of tokenize(query)) {
      const list = this.postings.get(token);
      if (!list) continue;
      const idf = Math.log(1 + (documentCount - list.length + 0.5) / (list.length + 0.5));
      for (const { doc, tf } of list) {
        const norm = K1 * (1 - B + (B * this.docLengths[doc]) / this.averageLength);
        scores[doc] += (idf * tf * (K1 + 1)) / (tf + norm);
      }
    }
    return scores;
  }

  /**
   * The ASINs of the best `limit` documents that share at least one word with the query, best first;
   * equal scores are ordered by ASIN (code point).
   */
  search(query: string, limit = SEARCH_RETURN_N): string[] {
    const scores = this.scores(query);
    const hits: number[] = [];
    for (let doc = 0; doc < scores.length; doc++) if (scores[doc] > 0) hits.push(doc);
    hits.sort((a, b) => scores[b] - scores[a] || compareCodePoints(this.asins[a], this.asins[b]));
    return hits.slice(0, limit).map((doc) => this.asins[doc]);
  }
}
