/**
 * The search engine both WebShop-lite and Deep Search-lite use: Okapi BM25 with Lucene's default
 * parameters k1 = 0.9, b = 0.4 (pyserini's defaults, which WebShop's search and Search-R1's BM25 retriever
 * run on). Ties are broken by document id (code point), so a ranking is fully deterministic.
 */
import { compareCodePoints, tokenize } from './text.ts';

const K1 = 0.9;
const B = 0.4;

/** A BM25 index over a list of documents, each named by an id. */
export class Bm25Index {
  private readonly postings = new Map<string, { doc: number; tf: number }[]>();
  private readonly docLengths: number[];
  private readonly averageLength: number;

  /** Indexes `documents`; `ids[i]` names `documents[i]` in results and in the tie-break. */
  constructor(
    private readonly ids: readonly string[],
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
   * The ids of the best `limit` documents (default: all) that share at least one word with the query, best
   * first; equal scores are ordered by id (code point).
   */
  search(query: string, limit = Number.POSITIVE_INFINITY): string[] {
    const scores = this.scores(query);
    const hits: number[] = [];
    for (let doc = 0; doc < scores.length; doc++) if (scores[doc] > 0) hits.push(doc);
    hits.sort((a, b) => scores[b] - scores[a] || compareCodePoints(this.ids[a], this.ids[b]));
    return hits.slice(0, limit).map((doc) => this.ids[doc]);
  }
}
