/**
 * Deep Search-lite: a seeded, deterministic, small analogue of the paper's Deep Search task (multi-hop QA
 * with a search tool; reference/deepsearch.md). Typical use: `const world = presetWorld(getPreset('tiny'));
 * const env = new DeepSearchEnv(world, preset.env); env.reset({ question: questionForSeed(world, 'train', seed) })`.
 */
export type { Domain, Entity, EntityType, Fact, KnowledgeBase, Question, QuestionKind, RelationName, Split } from './types.ts';
export { DeepSearchEnv, DEFAULT_ENV_OPTIONS, INVALID_ACTION_MESSAGE, informationText, parseAction, type DeepSearchEnvOptions, type DeepSearchTask } from './env.ts';
export { buildWorld, questionForSeed, withQuestions, type DeepSearchWorld, type Passage } from './world.ts';
export { DEEPSEARCH_PRESETS, OOD_PAIRS, getPreset, generateWorldKnowledge, presetWorld, relabelKnowledge, trainingWorld, worldFromKnowledge, type DeepSearchPreset } from './presets.ts';
export { RELATIONS, nounsIn, passageText, relationInfo } from './relations.ts';
export { normalizeAnswer, exactMatch, answerF1 } from './normalize.ts';
export { planOracle, followChain, lookupQuery } from './oracle.ts';
export { Demonstrator, parseQuestion, readFact, singleSearchAction } from './demonstrator.ts';
export { generateKnowledgeBase, type KnowledgeSettings } from './generator.ts';
export { writeQuestions, type QuestionSettings } from './questions.ts';
export { parseKnowledgeBase, knowledgeFileSchema, type ParseKnowledgeResult } from './schema.ts';
