/**
 * Presets of increasing size and the world generator they drive. A preset fixes the knowledge-base
 * generator, the question writer and the environment settings; with a seed it names one world exactly.
 * In-domain questions are 1–2 hop (tiny) or 1–3 hop (small, standard) chains and comparisons; out-of-domain
 * ones are chains through relation pairs never composed in training (Bamboogle-lite) and, from `small` on,
 * 4-hop chains (Musique-lite) and bridge-comparisons.
 */
import { createRng, type Rng } from '../../core/prng.ts';
import { DEFAULT_ENV_OPTIONS, type DeepSearchEnvOptions } from './env.ts';
import { generateKnowledgeBase, type KnowledgeSettings } from './generator.ts';
import { type QuestionSettings, writeQuestions } from './questions.ts';
import type { KnowledgeBase, RelationName } from './types.ts';
import { buildWorld, type DeepSearchWorld, withQuestions } from './world.ts';

/** A named difficulty level. */
export interface DeepSearchPreset {
  name: string;
  /** One line for the UI. */
  description: string;
  /** The world seed used when none is given (the preset's fixed, global world). */
  defaultSeed: number;
  knowledge: KnowledgeSettings;
  questions: QuestionSettings;
  env: DeepSearchEnvOptions;
  /**
   * How many relabelled copies of the world the training split is drawn from (`trainingWorld`); 0 trains on
   * the world itself. Held-out questions are always asked in the world itself.
   */
  trainWorlds: number;
}

/** Relation pairs that are composed only out of domain (inner relation first). */
export const OOD_PAIRS: ReadonlyArray<readonly [RelationName, RelationName]> = [
  ['director', 'born_in'],
  ['founder', 'father'],
  ['employer', 'hq'],
  ['spouse', 'employer'],
];

/** The presets, easiest first. */
export const DEEPSEARCH_PRESETS: Readonly<Record<string, DeepSearchPreset>> = {
  tiny: {
    name: 'tiny',
    description: '54 entities, ~90 passages; 1–2 hop questions and comparisons in domain, 2-hop chains through unseen relation pairs out of domain.',
    defaultSeed: 0,
    knowledge: { persons: 16, cities: 6, countries: 3, films: 5, orgs: 4, fatherRate: 0.6, spouseRate: 0.5 },
    questions: { idHops: [1, 2], oodHops: [], oodPairs: OOD_PAIRS, comparisons: true, bridgeComparisons: false, maxPerPattern: 24 },
    env: { ...DEFAULT_ENV_OPTIONS },
    trainWorlds: 32,
  },
  small: {
    name: 'small',
    description: '81 entities, ~280 passages; 1–3 hop questions and comparisons in domain, 4-hop chains, unseen pairs and bridge-comparisons out of domain.',
    defaultSeed: 0,
    knowledge: { persons: 40, cities: 12, countries: 5, films: 16, orgs: 8, fatherRate: 0.6, spouseRate: 0.5 },
    questions: { idHops: [1, 3], oodHops: [4], oodPairs: OOD_PAIRS, comparisons: true, bridgeComparisons: true, maxPerPattern: 40 },
    env: { ...DEFAULT_ENV_OPTIONS },
    trainWorlds: 0,
  },
  standard: {
    name: 'standard',
    description: '168 entities, ~600 passages; 1–3 hop questions and comparisons in domain, 4-hop chains, unseen pairs and bridge-comparisons out of domain.',
    defaultSeed: 0,
    knowledge: { persons: 80, cities: 24, countries: 8, films: 40, orgs: 16, fatherRate: 0.6, spouseRate: 0.5 },
    questions: { idHops: [1, 3], oodHops: [4], oodPairs: OOD_PAIRS, comparisons: true, bridgeComparisons: true, maxPerPattern: 80 },
    env: { ...DEFAULT_ENV_OPTIONS },
    trainWorlds: 0,
  },
};

/** The preset of a name; throws with the known names otherwise. */
export function getPreset(name: string): DeepSearchPreset {
  const preset = DEEPSEARCH_PRESETS[name];
  if (!preset) throw new Error(`unknown Deep Search preset "${name}"; known: ${Object.keys(DEEPSEARCH_PRESETS).join(', ')}`);
  return preset;
}

/** A world over a given knowledge base, with the preset's questions written from `seed`. */
export function worldFromKnowledge(kb: KnowledgeBase, preset: DeepSearchPreset, seed: number = preset.defaultSeed): DeepSearchWorld {
  const draft = buildWorld(kb);
  const { inDomain, outOfDomain } = writeQuestions(createRng(`deepsearch:${preset.name}:${seed}`).fork('questions'), draft, preset.questions, preset.env.topK);
  return withQuestions(draft, inDomain, outOfDomain);
}

/** Generates a preset's knowledge base from a seed. */
export function generateWorldKnowledge(preset: DeepSearchPreset, seed: number = preset.defaultSeed): KnowledgeBase {
  return generateKnowledgeBase(createRng(`deepsearch:${preset.name}:${seed}`).fork('knowledge'), preset.knowledge);
}

const worldCache = new Map<string, DeepSearchWorld>();

/** The world of a preset and seed, built once and shared (worlds are read-only). */
export function presetWorld(preset: DeepSearchPreset, seed: number = preset.defaultSeed): DeepSearchWorld {
  const key = `${preset.name}:${seed}`;
  let world = worldCache.get(key);
  if (!world) {
    world = worldFromKnowledge(generateWorldKnowledge(preset, seed), preset, seed);
    if (worldCache.size >= 8) worldCache.delete(worldCache.keys().next().value as string);
    worldCache.set(key, world);
  }
  return world;
}

/**
 * The knowledge base with the names of each entity type (years excepted) permuted by `rng`: the same graph of
 * facts and the same words, but which name holds which facts changes, so a policy cannot answer from
 * remembered facts and must read the passages.
 */
export function relabelKnowledge(kb: KnowledgeBase, rng: Rng): KnowledgeBase {
  const rename = new Map<string, string>();
  const types = [...new Set(kb.entities.map((e) => e.type))].filter((type) => type !== 'year');
  for (const type of types) {
    const names = kb.entities.filter((e) => e.type === type).map((e) => e.name);
    rng.shuffle(names).forEach((name, i) => rename.set(names[i], name));
  }
  const renamed = (name: string) => rename.get(name) ?? name;
  return {
    entities: kb.entities.map((e) => ({ ...e, name: renamed(e.name) })),
    facts: kb.facts.map((f) => ({ ...f, subject: renamed(f.subject), object: renamed(f.object) })),
  };
}

const trainingCache = new Map<string, DeepSearchWorld>();

/**
 * The world a training question is drawn from: with `preset.trainWorlds` = n > 0, copy `k mod n` of the
 * preset's world relabelled (`relabelKnowledge`). The entities keep their order and the questions are written
 * with the world's own seed, so a copy's training split is the world's training split renamed (less any
 * question that reads exactly like a held-out one, answer included): no held-out question's place in the
 * graph is ever trained on, and the vocabulary is the world's. With n = 0, the world itself.
 */
export function trainingWorld(preset: DeepSearchPreset, k: number, seed: number = preset.defaultSeed): DeepSearchWorld {
  if (preset.trainWorlds <= 0) return presetWorld(preset, seed);
  const copy = ((Math.trunc(k) % preset.trainWorlds) + preset.trainWorlds) % preset.trainWorlds;
  const key = `${preset.name}:${seed}:${copy}`;
  let world = trainingCache.get(key);
  if (!world) {
    const kb = relabelKnowledge(generateWorldKnowledge(preset, seed), createRng(`deepsearch:${preset.name}:${seed}`).fork(`relabel-${copy}`));
    const relabelled = worldFromKnowledge(kb, preset, seed);
    // A renamed question can read exactly like one the world holds out (same text, same answer): drop it.
    const original = presetWorld(preset, seed);
    const heldOut = new Set(
      (['valid', 'test-id', 'test-ood'] as const).flatMap((split) => original.splits[split].map((id) => `${original.questions[id].text}\u0000${original.questions[id].answer}`)),
    );
    const train = relabelled.splits.train.filter((id) => !heldOut.has(`${relabelled.questions[id].text}\u0000${relabelled.questions[id].answer}`));
    world = { ...relabelled, splits: { ...relabelled.splits, train } };
    if (trainingCache.size >= 64) trainingCache.delete(trainingCache.keys().next().value as string);
    trainingCache.set(key, world);
  }
  return world;
}
