/**
 * Knowledge bases from a file: a zod schema of the JSON format documented in docs/DEEPSEARCH.md, the checks
 * that span fields (unique names, facts between known entities of the relation's types, one object per
 * subject and relation), and the conversion to a `KnowledgeBase`. Questions are written from the file's
 * facts by a preset's question writer. A bad file gets one message per problem, naming the field path,
 * e.g. `facts[3].relation: expected one of born_in, born_year, …, got "mother"`.
 */
import { z } from 'zod';
import { RESERVED_NAMES } from './generator.ts';
import { RELATION_BY_NAME, RELATIONS, RELATION_NOUNS } from './relations.ts';
import type { EntityType, KnowledgeBase, RelationName } from './types.ts';

const ENTITY_TYPES = ['person', 'city', 'country', 'film', 'org', 'year'] as const;
const RELATION_NAMES = RELATIONS.map((r) => r.name) as [RelationName, ...RelationName[]];

function shown(input: unknown): string {
  return input === undefined ? 'nothing' : JSON.stringify(input);
}

/** An error callback: `expected <what>, got <input>`. */
function expected(what: string) {
  return (issue: { input?: unknown }) => `expected ${what}, got ${shown(issue.input)}`;
}

const nameSchema = z
  .string({ error: expected('a name') })
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9]+$/, { error: expected('one word of letters or digits') });

/** The file format: entities and the facts between them. */
export const knowledgeFileSchema = z.object(
  {
    entities: z
      .array(
        z.object(
          { name: nameSchema, type: z.enum(ENTITY_TYPES, { error: expected(`one of ${ENTITY_TYPES.join(', ')}`) }) },
          { error: expected('an object { name, type }') },
        ),
        { error: expected('a list of entities') },
      )
      .min(2, { error: expected('at least two entities') }),
    facts: z
      .array(
        z.object(
          { subject: nameSchema, relation: z.enum(RELATION_NAMES, { error: expected(`one of ${RELATION_NAMES.join(', ')}`) }), object: nameSchema },
          { error: expected('an object { subject, relation, object }') },
        ),
        { error: expected('a list of facts') },
      )
      .min(1, { error: expected('at least one fact') }),
  },
  { error: expected('an object { entities, facts }') },
);

/** Formats a zod path as `facts[12].relation`. */
function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : `${out ? '.' : ''}${String(key)}`;
  return out || '(root)';
}

function crossFieldErrors(kb: KnowledgeBase): string[] {
  const errors: string[] = [];
  const types = new Map<string, EntityType>();
  kb.entities.forEach((entity, i) => {
    if (types.has(entity.name)) errors.push(`entities[${i}].name: "${entity.name}" is used by an earlier entity`);
    else types.set(entity.name, entity.type);
    if (RESERVED_NAMES.has(entity.name) || RELATION_NOUNS.some((noun) => noun.split(' ').includes(entity.name))) {
      errors.push(`entities[${i}].name: "${entity.name}" is a word of the question and passage templates`);
    }
    if (entity.type === 'year' && !/^[0-9]+$/.test(entity.name)) errors.push(`entities[${i}].name: a year is written in digits, got "${entity.name}"`);
    if (entity.type !== 'year' && /^[0-9]+$/.test(entity.name)) errors.push(`entities[${i}].name: only a year may be all digits, got "${entity.name}"`);
  });
  const stated = new Set<string>();
  kb.facts.forEach((fact, i) => {
    const relation = RELATION_BY_NAME.get(fact.relation);
    if (!relation) return;
    for (const [field, want] of [['subject', relation.subject], ['object', relation.object]] as const) {
      const type = types.get(fact[field]);
      if (type === undefined) errors.push(`facts[${i}].${field}: no entity is named "${fact[field]}"`);
      else if (type !== want) errors.push(`facts[${i}].${field}: ${fact.relation} needs a ${want}, "${fact[field]}" is a ${type}`);
    }
    const key = `${fact.subject}\u0000${fact.relation}`;
    if (stated.has(key)) errors.push(`facts[${i}]: ${fact.subject} already has a ${fact.relation} (each relation has one object)`);
    stated.add(key);
  });
  return errors;
}

/** Result of `parseKnowledgeBase`: a knowledge base, or readable errors (`path: problem`). */
export type ParseKnowledgeResult = { ok: true; kb: KnowledgeBase } | { ok: false; errors: string[] };

/** Validates parsed JSON as a knowledge-base file and converts it (names lower-cased). Never throws. */
export function parseKnowledgeBase(json: unknown): ParseKnowledgeResult {
  const parsed = knowledgeFileSchema.safeParse(json, { reportInput: true });
  if (!parsed.success) return { ok: false, errors: parsed.error.issues.map((issue) => `${formatPath(issue.path)}: ${issue.message}`) };
  const kb: KnowledgeBase = { entities: parsed.data.entities, facts: parsed.data.facts };
  const errors = crossFieldErrors(kb);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, kb };
}
