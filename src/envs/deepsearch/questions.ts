/**
 * The question writer: compositional chains of 1–4 hops, comparisons and bridge-comparisons over a
 * knowledge base (the shapes of 2WikiMultiHopQA and MuSiQue), split into in-domain and out-of-domain by hop
 * pattern (reference/deepsearch.md §5–6): out-of-domain questions use chain lengths or adjacent relation pairs
 * that no in-domain question contains, as Bamboogle-lite and Musique-lite do. Every question is kept only if
 * search can reach its answer (the oracle's check) and, for chains, no single first search already shows it.
 */
import type { Rng } from '../../core/prng.ts';
import { tokenize } from '../text.ts';
import { followChain } from './oracle.ts';
import { nounsIn, relationInfo, RELATIONS } from './relations.ts';
import type { Domain, Question, RelationName } from './types.ts';
import type { DeepSearchWorld } from './world.ts';

/** What the writer produces. */
export interface QuestionSettings {
  /** Chain lengths of in-domain compositional questions `[min, max]`. */
  idHops: readonly [number, number];
  /** Chain lengths that appear only out of domain. */
  oodHops: readonly number[];
  /** Adjacent relation pairs (inner, outer) that appear only out of domain. */
  oodPairs: ReadonlyArray<readonly [RelationName, RelationName]>;
  /** Comparisons in domain. */
  comparisons: boolean;
  /** Bridge-comparisons (a 4-search hop pattern) out of domain. */
  bridgeComparisons: boolean;
  /** Most questions kept per pattern (kind and relations), drawn at random. */
  maxPerPattern: number;
}

/** Relations a comparison compares: both have year objects. */
const COMPARED: readonly RelationName[] = ['born_year', 'released'];

/** The text of a chain question: `what is the country of the birthplace of kavo ?` */
export function chainText(anchor: string, relations: readonly RelationName[]): string {
  const nouns = [...relations].reverse().map((r) => relationInfo(r).noun);
  return `what is the ${nouns.join(' of the ')} of ${anchor} ?`;
}

/** The text of a comparison: `which has the earlier birth year , kavo or lumi ?` or its bridge form. */
export function comparisonText(a: string, b: string, relations: readonly RelationName[]): string {
  const compared = relationInfo(relations[relations.length - 1]).noun;
  if (relations.length === 1) return `which has the earlier ${compared} , ${a} or ${b} ?`;
  return `whose ${relationInfo(relations[0]).noun} has the earlier ${compared} , ${a} or ${b} ?`;
}

function hasOodPair(relations: readonly RelationName[], settings: QuestionSettings): boolean {
  for (let i = 0; i + 1 < relations.length; i++) {
    if (settings.oodPairs.some(([inner, outer]) => inner === relations[i] && outer === relations[i + 1])) return true;
  }
  return false;
}

/** True when some first search the agent is offered (question entity × question noun) already shows the answer. */
function answerInOneSearch(world: DeepSearchWorld, anchor: string, text: string, answer: string, topK: number): boolean {
  for (const noun of nounsIn(text)) {
    for (const id of world.index.search(`${anchor} ${noun}`, topK)) {
      if (tokenize(world.passageById.get(id)?.text ?? '').includes(answer)) return true;
    }
  }
  return false;
}

/** Every relation chain from `start` up to `maxHops` long that never revisits an entity. */
function chainsFrom(world: DeepSearchWorld, start: string, maxHops: number): RelationName[][] {
  const out: RelationName[][] = [];
  const walk = (entity: string, relations: RelationName[], visited: Set<string>) => {
    if (relations.length > 0) out.push(relations);
    if (relations.length === maxHops) return;
    for (const relation of RELATIONS) {
      const fact = world.facts.get(entity)?.get(relation.name);
      if (!fact || visited.has(fact.object)) continue;
      walk(fact.object, [...relations, relation.name], new Set([...visited, fact.object]));
    }
  };
  walk(start, [], new Set([start]));
  return out;
}

/** A question before it has its id. */
export type Draft = Omit<Question, 'id'>;

/** Writes the in-domain and out-of-domain questions of a world, each in a seeded order. */
export function writeQuestions(rng: Rng, world: DeepSearchWorld, settings: QuestionSettings, topK: number): { inDomain: Draft[]; outOfDomain: Draft[] } {
  const patterns = new Map<string, Draft[]>();
  const keep = (draft: Draft) => {
    const key = `${draft.kind}:${draft.relations.join('>')}`;
    let list = patterns.get(key);
    if (!list) patterns.set(key, (list = []));
    list.push(draft);
  };
  const maxHops = Math.max(settings.idHops[1], ...settings.oodHops);
  const subjects = world.kb.entities.filter((e) => e.type !== 'year').map((e) => e.name);

  for (const anchor of subjects) {
    for (const relations of chainsFrom(world, anchor, maxHops)) {
      const ood = settings.oodHops.includes(relations.length) || hasOodPair(relations, settings);
      const inDomain = relations.length >= settings.idHops[0] && relations.length <= settings.idHops[1];
      if (!ood && !inDomain) continue;
      const chain = followChain(world, anchor, relations, topK);
      if (!chain) continue;
      const answer = chain.path[chain.path.length - 1];
      const text = chainText(anchor, relations);
      if (relations.length > 1 && answerInOneSearch(world, anchor, text, answer, topK)) continue;
      keep({ text, answer, kind: 'compositional', domain: ood ? 'ood' : 'id', hops: relations.length, anchors: [anchor], relations });
    }
  }

  const compare = (relations: RelationName[], domain: Domain, kind: Question['kind']) => {
    const subjectType = relationInfo(relations[0]).subject;
    const candidates = world.kb.entities.filter((e) => e.type === subjectType).map((e) => e.name);
    for (let i = 0; i < candidates.length; i++) {
      for (let j = i + 1; j < candidates.length; j++) {
        const [a, b] = rng.chance(0.5) ? [candidates[i], candidates[j]] : [candidates[j], candidates[i]];
        const chainA = followChain(world, a, relations, topK);
        const chainB = followChain(world, b, relations, topK);
        if (!chainA || !chainB) continue;
        // The compared entities must differ (two lookups), and so must their years.
        if (chainA.path.slice(1).some((x, k) => x === chainB.path[k + 1])) continue;
        if (chainA.queries.some((q) => chainB.queries.includes(q))) continue;
        const yearA = Number(chainA.path[chainA.path.length - 1]);
        const yearB = Number(chainB.path[chainB.path.length - 1]);
        keep({
          text: comparisonText(a, b, relations), answer: yearA < yearB ? a : b, kind, domain,
          hops: 2 * relations.length, anchors: [a, b], relations,
        });
      }
    }
  };
  if (settings.comparisons) for (const relation of COMPARED) compare([relation], 'id', 'comparison');
  if (settings.bridgeComparisons) {
    compare(['father', 'born_year'], 'ood', 'bridge-comparison');
    compare(['director', 'born_year'], 'ood', 'bridge-comparison');
  }

  const inDomain: Draft[] = [];
  const outOfDomain: Draft[] = [];
  for (const key of [...patterns.keys()].sort()) {
    const list = patterns.get(key) as Draft[];
    for (const draft of rng.shuffle(list).slice(0, settings.maxPerPattern)) (draft.domain === 'id' ? inDomain : outOfDomain).push(draft);
  }
  return { inDomain: rng.shuffle(inDomain), outOfDomain: rng.shuffle(outOfDomain) };
}
