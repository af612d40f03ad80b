/**
 * The data Deep Search-lite works on: a knowledge base of named entities and typed facts (one short
 * passage per fact), and questions over it. Plain JSON-compatible objects, so a knowledge base can be saved
 * and loaded (schema.ts).
 */

/** Entity types of the knowledge base (reference/deepsearch.md §6). */
export type EntityType = 'person' | 'city' | 'country' | 'film' | 'org' | 'year';

/** The typed relations; each maps a subject to exactly one object (functional). */
export type RelationName =
  | 'born_in' | 'born_year' | 'father' | 'spouse' | 'employer'
  | 'in_country' | 'capital' | 'director' | 'released' | 'founder' | 'hq';

/** A named entity: one lower-case word (years are four digits). */
export interface Entity {
  name: string;
  type: EntityType;
}

/** One fact `relation(subject) = object`, named by entity names. */
export interface Fact {
  subject: string;
  relation: RelationName;
  object: string;
}

/** A knowledge base: entities and the facts between them. */
export interface KnowledgeBase {
  entities: Entity[];
  facts: Fact[];
}

/** Question families, after the real multi-hop sets (HotpotQA, 2WikiMultiHopQA, MuSiQue). */
export type QuestionKind =
  /** "what is the r₂ of the r₁ of X ?" — a chain of 1–4 hops (2Wiki compositional, MuSiQue chains). */
  | 'compositional'
  /** "whose r is earlier , A or B ?" — two lookups compared (HotpotQA / 2Wiki comparison). */
  | 'comparison'
  /** "whose r₁ has the earlier r₂ , A or B ?" — two 2-hop chains compared (2Wiki bridge-comparison). */
  | 'bridge-comparison';

/** In-domain (the training distribution) or out-of-domain (hop patterns or relation pairs never trained on). */
export type Domain = 'id' | 'ood';

/** A question with the structure its oracle follows. */
export interface Question {
  /** Position in the world's question list. */
  id: number;
  /** The question text the agent reads. */
  text: string;
  /** The gold answer (an entity name). */
  answer: string;
  kind: QuestionKind;
  domain: Domain;
  /** Searches the oracle needs (the answer step not counted). */
  hops: number;
  /** Entities the question starts from: one for a chain, two for a comparison. */
  anchors: string[];
  /** Relations followed from each anchor, innermost first (a comparison's last one is compared). */
  relations: RelationName[];
}

/** Which part of the fixed question partition a question belongs to. */
export type Split = 'train' | 'valid' | 'test-id' | 'test-ood';
