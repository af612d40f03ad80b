/**
 * WebShop-lite: a seeded, deterministic, small version of the WebShop text environment (envs.md §2, §4.2).
 * Typical use: `const world = presetWorld(getPreset('tiny')); const env = new WebShopEnv(world, preset.env);
 * env.reset({ goal: goalForSeed(world, 'train', seed) })`.
 */
export type { Catalogue, Goal, Product, ProductOption, SearchMode, Split } from './types.ts';
export { WebShopEnv, DEFAULT_ENV_OPTIONS, parseAction, type WebShopEnvOptions, type WebShopTask } from './env.ts';
export { buildWorld, goalForSeed, splitGoalIds, type WebShopWorld } from './world.ts';
export { WEBSHOP_PRESETS, getPreset, generateCatalogue, presetWorld, MAX_ORACLE_STEPS, type WebShopPreset } from './presets.ts';
export { computeReward, buildNounLexicon, type RewardParts } from './reward.ts';
export { normalizeColor, fuzzyMatch, COLOR_SET } from './text.ts';
export { Bm25Index, SEARCH_RETURN_N } from './search.ts';
export { candidateQueries, usesOnlyInstructionWords } from './queries.ts';
export { priceUpperFor, syntheticInstruction } from './goals.ts';
export { planOracle, type OraclePlan } from './oracle.ts';
export { Demonstrator } from './demonstrator.ts';
export { parseCatalogue, catalogueFileSchema, type ParseCatalogueResult } from './schema.ts';
export { PRODUCT_WINDOW, SEP } from './pages.ts';
