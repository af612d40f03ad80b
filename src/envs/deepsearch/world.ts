/**
 * A knowledge base made ready to search: one passage per fact (`Doc` ids in fact order), the BM25 index over
 * them, the lookups the oracle and the environment use, and the questions with their fixed splits. Building
 * it is the expensive part, so one world is shared by every environment over the same knowledge base.
 */
import { Bm25Index } from '../bm25.ts';
import { passageText } from './relations.ts';
import type { Entity, KnowledgeBase, Question, RelationName, Split } from './types.ts';

/** A passage: one fact written as a short sentence, titled by its subject. */
export interface Passage {
  id: string;
  title: string;
  text: string;
  /** The entity names the passage mentions (subject, object). */
  entities: [string, string];
}

/** A knowledge base with its derived lookups. Treat as read-only. */
export interface DeepSearchWorld {
  kb: KnowledgeBase;
  passages: readonly Passage[];
  passageById: ReadonlyMap<string, Passage>;
  index: Bm25Index;
  entityByName: ReadonlyMap<string, Entity>;
  /** `object(subject, relation)` and the id of the passage stating it. */
  facts: ReadonlyMap<string, ReadonlyMap<RelationName, { object: string; passage: string }>>;
  questions: readonly Question[];
  /** Question ids of each split, ascending. */
  splits: Readonly<Record<Split, readonly number[]>>;
}

/** The passage id of fact `k` (zero-padded, so ids sort in fact order). */
function passageId(k: number): string {
  return `p${String(k).padStart(5, '0')}`;
}

/** Builds passages, index and lookups; questions are added by `withQuestions`. */
export function buildWorld(kb: KnowledgeBase): DeepSearchWorld {
  const passages: Passage[] = kb.facts.map((fact, k) => ({
    id: passageId(k),
    title: fact.subject,
    text: passageText(fact.subject, fact.relation, fact.object),
    entities: [fact.subject, fact.object],
  }));
  const facts = new Map<string, Map<RelationName, { object: string; passage: string }>>();
  kb.facts.forEach((fact, k) => {
    let bySubject = facts.get(fact.subject);
    if (!bySubject) facts.set(fact.subject, (bySubject = new Map()));
    bySubject.set(fact.relation, { object: fact.object, passage: passageId(k) });
  });
  return {
    kb,
    passages,
    passageById: new Map(passages.map((p) => [p.id, p])),
    index: new Bm25Index(passages.map((p) => p.id), passages.map((p) => p.text)),
    entityByName: new Map(kb.entities.map((e) => [e.name, e])),
    facts,
    questions: [],
    splits: { train: [], valid: [], 'test-id': [], 'test-ood': [] },
  };
}

/**
 * The world with its questions and the fixed partition: in-domain questions are stored in a seeded order and
 * the first tenth (at least 1, at most 500) is `test-id`, the next tenth `valid`, the rest `train`; every
 * out-of-domain question is `test-ood`. Question ids are positions in `questions`.
 */
export function withQuestions(
  world: DeepSearchWorld,
  inDomain: ReadonlyArray<Omit<Question, 'id'>>,
  outOfDomain: ReadonlyArray<Omit<Question, 'id'>>,
): DeepSearchWorld {
  const questions = [...inDomain, ...outOfDomain].map((q, id) => ({ ...q, id }));
  const heldOut = Math.min(500, Math.max(1, Math.floor(inDomain.length / 10)));
  const ids = (from: number, to: number) => Array.from({ length: Math.max(0, to - from) }, (_, k) => from + k);
  return {
    ...world,
    questions,
    splits: {
      'test-id': ids(0, heldOut),
      valid: ids(heldOut, 2 * heldOut),
      train: ids(2 * heldOut, inDomain.length),
      'test-ood': ids(inDomain.length, questions.length),
    },
  };
}

/** The question of a split picked by a seed (`seed` modulo the split size), so any integer seed names a task. */
export function questionForSeed(world: DeepSearchWorld, split: Split, seed: number): Question {
  const ids = world.splits[split];
  if (ids.length === 0) throw new Error(`the ${split} split of this knowledge base has no questions`);
  const position = ((Math.trunc(seed) % ids.length) + ids.length) % ids.length;
  return world.questions[ids[position]];
}
