/**
 * Presets of increasing size and the world generator they drive. A preset fixes the knowledge-base
 * generator, the question writer and the environment settings; with a seed it names one world exactly.
 * In-domain questions are 1–2 hop (tiny) or 1–3 hop (small, standard) chains and comparisons;
 * out-of-domain ones are longer chains (Musique-lite), chains through relation pairs never composed in
 * training (Bamboogle-lite) and, from `small` on, bridge-comparisons.
 */
import { createRng } from '../../core/prng.ts';
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
    description: '34 entities, ~150 passages; 1–2 hop questions and comparisons in domain, 3-hop chains and unseen relation pairs out of domain.',
    defaultSeed: 0,
    knowledge: { persons: 16, cities: 6, countries: 3, films: 5, orgs: 4, fatherRate: 0.6, spouseRate: 0.5 },
    questions: { idHops: [1, 2], oodHops: [3], oodPairs: OOD_PAIRS, comparisons: true, bridgeComparisons: false, maxPerPattern: 24 },
    env: { ...DEFAULT_ENV_OPTIONS },
  },
  small: {
    name: 'small',
    description: '81 entities, ~280 passages; 1–3 hop questions and comparisons in domain, 4-hop chains, unseen pairs and bridge-comparisons out of domain.',
    defaultSeed: 0,
    knowledge: { persons: 40, cities: 12, countries: 5, films: 16, orgs: 8, fatherRate: 0.6, spouseRate: 0.5 },
    questions: { idHops: [1, 3], oodHops: [4], oodPairs: OOD_PAIRS, comparisons: true, bridgeComparisons: true, maxPerPattern: 40 },
    env: { ...DEFAULT_ENV_OPTIONS },
  },
  standard: {
    name: 'standard',
    description: '168 entities, ~600 passages; 1–3 hop questions and comparisons in domain, 4-hop chains, unseen pairs and bridge-comparisons out of domain.',
    defaultSeed: 0,
    knowledge: { persons: 80, cities: 24, countries: 8, films: 40, orgs: 16, fatherRate: 0.6, spouseRate: 0.5 },
    questions: { idHops: [1, 3], oodHops: [4], oodPairs: OOD_PAIRS, comparisons: true, bridgeComparisons: true, maxPerPattern: 80 },
    env: { ...DEFAULT_ENV_OPTIONS },
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
