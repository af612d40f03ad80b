/**
 * Everything a Trainer changes as it trains, as plain JSON-safe data: the iteration counter, the
 * weights, Adam's state (its step count, the running powers β₁ᵗ and β₂ᵗ and the first and second moment
 * of every weight) and the position of each of its random streams (task draws, sampling, minibatches).
 * A trainer built with the same configuration and initial weights and given this state continues
 * exactly as the saved one would have: the same metrics, bit for bit (src/train/trainerState.test.ts).
 * What it does not hold comes from elsewhere: the configuration, the tokenizer and the initial weights
 * (the KL reference) are rebuilt as the run was first built.
 */
import { z } from 'zod';
import type { RngState } from '../core/prng';
import { checkpointSchema } from './checkpoint';

/** The version of the state layout this code writes and reads. */
export const TRAINER_STATE_VERSION = 1;

const u32 = z.number().int().min(0).max(0xffffffff);
const rngStateSchema = z.object({ seed: u32, words: z.tuple([u32, u32, u32, u32]) });
const weightsSchema = z.array(checkpointSchema.shape.weights.element);

/** The schema of a saved trainer state (errors name the field). */
export const trainerStateSchema = z.object({
  version: z.literal(TRAINER_STATE_VERSION),
  iteration: z.number().int().min(0),
  /** The policy's weights (float32, base64, as in checkpoints). */
  weights: weightsSchema,
  optimizer: z.object({
    /** Adam steps taken (optimizer steps, several per iteration). */
    steps: z.number().int().min(0),
    /** β₁ᵗ and β₂ᵗ as Adam keeps them (float32 products, not recomputed powers). */
    accBeta1: z.number().finite(),
    accBeta2: z.number().finite(),
    /** The first moments, then the second moments, in the order of the model's weights (empty before the first step). */
    moments: weightsSchema,
  }),
  rngs: z.object({ tasks: rngStateSchema, sampling: rngStateSchema, minibatches: rngStateSchema }),
});

/** A saved trainer state. */
export type TrainerState = z.infer<typeof trainerStateSchema>;

/** The random streams a trainer owns. */
export type TrainerRngs = Record<keyof TrainerState['rngs'], RngState>;

/** Reads a trainer state from parsed JSON; errors name the field. */
export function parseTrainerState(json: unknown): { ok: true; state: TrainerState } | { ok: false; errors: string[] } {
  const result = trainerStateSchema.safeParse(json);
  if (result.success) return { ok: true, state: result.data };
  return { ok: false, errors: result.error.issues.slice(0, 5).map((i) => `state.${i.path.join('.')}: ${i.message}`) };
}
