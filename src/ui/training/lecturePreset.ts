/**
 * The lecture starting point: settings under which the success rate visibly rises within about two
 * minutes of training on wasm — WebShop-lite tiny, GRPO + EMPG, B = 4 tasks × G = 8 rollouts, lr 3e-3,
 * one lane, smoothed curves. Chosen from measurements over three seeds (docs/TRAINING.md, "A lecture
 * starting point"); the trainer's defaults, which the research grid uses, are left as they are.
 */
import { defaultHashState, type HashState } from '../../store/urlState';
import { RUN_KEYS } from '../io/recordingSettings';

/** The lecture's settings; every other run setting takes its default. */
export const LECTURE_SETTINGS = {
  env: 'webshop', preset: 'tiny', algo: 'grpo+empg', B: 4, G: 8, lr: 0.003, compare: false, smoothing: 0.8,
} as const satisfies Partial<HashState>;

/** The patch that turns any view into the lecture starting point (run settings reset to their defaults first). */
export function lecturePatch(): Partial<HashState> {
  const defaults = Object.fromEntries(RUN_KEYS.map((key) => [key, defaultHashState[key]])) as Partial<HashState>;
  return { ...defaults, ...LECTURE_SETTINGS };
}

/** The hash of the lecture link (presentation mode). */
export const LECTURE_HASH = `env=webshop&algo=grpo+empg&B=4&G=8&lr=0.003&smoothing=0.8&present=1`;
