/**
 * The relation table: subject and object types, the noun a question and a query use for the relation,
 * and the passage a fact is written as. Every passage names the relation's noun, so a query
 * `entity noun` finds it by BM25 (the lexical match Search-R1's BM25 retriever relies on).
 */
import type { EntityType, RelationName } from './types.ts';

/** One relation's definition. */
export interface RelationInfo {
  name: RelationName;
  subject: EntityType;
  object: EntityType;
  /** The noun phrase of questions and queries, e.g. `birthplace`, `birth year`. */
  noun: string;
}

/** Every relation, in a fixed order. */
export const RELATIONS: readonly RelationInfo[] = [
  { name: 'born_in', subject: 'person', object: 'city', noun: 'birthplace' },
  { name: 'born_year', subject: 'person', object: 'year', noun: 'birth year' },
  { name: 'father', subject: 'person', object: 'person', noun: 'father' },
  { name: 'spouse', subject: 'person', object: 'person', noun: 'spouse' },
  { name: 'employer', subject: 'person', object: 'org', noun: 'employer' },
  { name: 'in_country', subject: 'city', object: 'country', noun: 'country' },
  { name: 'capital', subject: 'country', object: 'city', noun: 'capital' },
  { name: 'director', subject: 'film', object: 'person', noun: 'director' },
  { name: 'released', subject: 'film', object: 'year', noun: 'release year' },
  { name: 'founder', subject: 'org', object: 'person', noun: 'founder' },
  { name: 'hq', subject: 'org', object: 'city', noun: 'headquarters' },
];

/** The relation of a name. */
export const RELATION_BY_NAME: ReadonlyMap<RelationName, RelationInfo> = new Map(RELATIONS.map((r) => [r.name, r]));

/** The relation of a name; throws for an unknown one. */
export function relationInfo(name: RelationName): RelationInfo {
  const info = RELATION_BY_NAME.get(name);
  if (!info) throw new Error(`unknown relation "${name}"`);
  return info;
}

/** Relation nouns, longest first (so `birth year` is read before any shorter noun inside it). */
export const RELATION_NOUNS: readonly string[] = RELATIONS.map((r) => r.noun).sort((a, b) => b.length - a.length || (a < b ? -1 : 1));

/** The passage of a fact: `the birthplace of kavo is lumera .` */
export function passageText(subject: string, relation: RelationName, object: string): string {
  return `the ${relationInfo(relation).noun} of ${subject} is ${object} .`;
}

/** The relation nouns a question names, in the order they first occur. */
export function nounsIn(question: string): string[] {
  const found: { noun: string; at: number }[] = [];
  let rest = ` ${question.toLowerCase()} `;
  for (const noun of RELATION_NOUNS) {
    const pattern = ` ${noun} `;
    const at = rest.indexOf(pattern);
    if (at < 0) continue;
    found.push({ noun, at });
    rest = rest.split(pattern).join(` ${'#'.repeat(noun.length)} `);
  }
  return found.sort((a, b) => a.at - b.at).map((f) => f.noun);
}
