/**
 * The oracle (envs.md §4.0): it knows the knowledge base and the question's structure, and returns the
 * shortest action sequence that answers correctly: one `search[entity noun]` per hop, each of which must
 * return the needed passage in the top k, then `answer[gold]`.
 */
import { relationInfo } from './relations.ts';
import type { Question, RelationName } from './types.ts';
import type { DeepSearchWorld } from './world.ts';

/** The query that looks up `relation` of `entity`: `kavo birthplace`. */
export function lookupQuery(entity: string, relation: RelationName): string {
  return `${entity} ${relationInfo(relation).noun}`;
}

/**
 * Follows `relations` from `start` by search: the queries and the entities reached, or null when a fact is
 * missing or its passage is not in the top `topK` of its query.
 */
export function followChain(
  world: DeepSearchWorld,
  start: string,
  relations: readonly RelationName[],
  topK: number,
): { queries: string[]; path: string[] } | null {
  const queries: string[] = [];
  const path = [start];
  let current = start;
  for (const relation of relations) {
    const fact = world.facts.get(current)?.get(relation);
    if (!fact) return null;
    const query = lookupQuery(current, relation);
    if (!world.index.search(query, topK).includes(fact.passage)) return null;
    queries.push(query);
    current = fact.object;
    path.push(current);
  }
  return { queries, path };
}

/** The oracle's actions for a question, or null when search cannot reach its answer. */
export function planOracle(world: DeepSearchWorld, question: Question, topK: number): string[] | null {
  const actions: string[] = [];
  for (const anchor of question.anchors) {
    const chain = followChain(world, anchor, question.relations, topK);
    if (!chain) return null;
    for (const query of chain.queries) if (!actions.includes(`search[${query}]`)) actions.push(`search[${query}]`);
  }
  actions.push(`answer[${question.answer}]`);
  return actions;
}
