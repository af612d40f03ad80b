/**
 * Presets of increasing difficulty and the catalogue generator they drive. A preset fixes the product
 * generator, the goal writer and the environment settings; with a seed it names one catalogue exactly.
 * `standard` is as close to WebShop-small as a browser allows (1,000 products, five categories, up to two
 * option dimensions with up to 8 values, up to 3 attributes per goal, free-text search).
 */
import { createRng } from '../../core/prng.ts';
import { generateProducts, type ProductGeneratorSettings } from './catalogue.ts';
import { DEFAULT_ENV_OPTIONS, type WebShopEnvOptions } from './env.ts';
import { type GoalGeneratorSettings, writeGoals } from './goals.ts';
import { planOracle } from './oracle.ts';
import type { Catalogue } from './types.ts';
import { buildWorld, type WebShopWorld } from './world.ts';

/** Longest oracle solution a generated goal may need (envs.md §4.3.3: ≤ 8 of the 15 steps). */
export const MAX_ORACLE_STEPS = 8;

/** A named difficulty level. */
export interface WebShopPreset {
  name: string;
  /** One line for the UI. */
  description: string;
  /** The catalogue seed used when none is given (the preset's fixed, global catalogue). */
  defaultSeed: number;
  products: ProductGeneratorSettings;
  goals: GoalGeneratorSettings;
  env: WebShopEnvOptions;
}

/** The presets, easiest first. */
export const WEBSHOP_PRESETS: Readonly<Record<string, WebShopPreset>> = {
  tiny: {
    name: 'tiny',
    description: '300 products in 2 categories, one attribute and at most one two-value option per goal, 3 candidate searches.',
    defaultSeed: 0,
    products: {
      categories: 2,
      typesPerCategory: 3,
      attributesPerCategory: 6,
      anchorCount: 100,
      distractorsPerAnchor: 2,
      attributesPerProduct: [1, 2],
      maxDimensions: 1,
      optionlessRate: 0.6,
      valuesPerDimension: [2, 2],
      priceRangeRate: 0,
    },
    goals: { goalAttributes: [1, 1], goalsPerProduct: 2, paraphraseRate: 0.3 },
    env: { ...DEFAULT_ENV_OPTIONS, candidateCount: 3 },
  },
  small: {
    name: 'small',
    description: '600 products in 5 categories, 1–2 attributes and up to two options per goal, 4 candidate searches.',
    defaultSeed: 0,
    products: {
      categories: 5,
      typesPerCategory: 5,
      attributesPerCategory: 10,
      anchorCount: 150,
      distractorsPerAnchor: 3,
      attributesPerProduct: [2, 4],
      maxDimensions: 2,
      optionlessRate: 0.2,
      valuesPerDimension: [2, 4],
      priceRangeRate: 0.2,
    },
    goals: { goalAttributes: [1, 2], goalsPerProduct: 4, paraphraseRate: 0.3 },
    env: { ...DEFAULT_ENV_OPTIONS, candidateCount: 4 },
  },
  standard: {
    name: 'standard',
    description: '1,000 products in 5 categories, 1–3 attributes and up to two 2–8-value options per goal, free-text search.',
    defaultSeed: 0,
    products: {
      categories: 5,
      typesPerCategory: 8,
      attributesPerCategory: 15,
      anchorCount: 200,
      distractorsPerAnchor: 4,
      attributesPerProduct: [2, 5],
      maxDimensions: 2,
      optionlessRate: 0.1,
      valuesPerDimension: [2, 8],
      priceRangeRate: 0.3,
    },
    goals: { goalAttributes: [1, 3], goalsPerProduct: 8, paraphraseRate: 0.3 },
    env: { ...DEFAULT_ENV_OPTIONS, searchMode: 'free', candidateCount: 5 },
  },
};

/** The preset of a name; throws with the known names otherwise. */
export function getPreset(name: string): WebShopPreset {
  const preset = WEBSHOP_PRESETS[name];
  if (!preset) throw new Error(`unknown WebShop preset "${name}"; known: ${Object.keys(WEBSHOP_PRESETS).join(', ')}`);
  return preset;
}

/**
 * Generates a preset's catalogue from a seed: products, then goals in a seeded order, keeping only goals
 * the oracle solves in at most `MAX_ORACLE_STEPS` with the offered searches; goal ids are their positions.
 */
export function generateCatalogue(preset: WebShopPreset, seed: number = preset.defaultSeed): Catalogue {
  const rng = createRng(`webshop:${preset.name}:${seed}`);
  const { products, anchors } = generateProducts(rng.fork('products'), preset.products);
  const draft = buildWorld({ products, goals: [] });
  const goals = writeGoals(rng.fork('goals'), anchors, preset.goals)
    .filter((goal) => {
      const plan = planOracle(draft, goal, preset.env.candidateCount);
      return plan !== null && plan.actions.length <= MAX_ORACLE_STEPS;
    })
    .map((goal, id) => ({ ...goal, id }));
  return { products, goals };
}

const worldCache = new Map<string, WebShopWorld>();

/** The world of a preset and seed, built once and shared (worlds are read-only). */
export function presetWorld(preset: WebShopPreset, seed: number = preset.defaultSeed): WebShopWorld {
  const key = `${preset.name}:${seed}`;
  let world = worldCache.get(key);
  if (!world) {
    world = buildWorld(generateCatalogue(preset, seed));
    if (worldCache.size >= 8) worldCache.delete(worldCache.keys().next().value as string);
    worldCache.set(key, world);
  }
  return world;
}
