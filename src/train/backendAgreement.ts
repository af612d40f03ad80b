/**
 * One real training iteration on the active backend, reduced to the numbers that must agree across
 * backends: the actions sampled (same seed, same weights) and the update's losses. Used by the
 * cross-backend tests in Node and in the browser.
 */
import { trainConfigSchema } from './config';
import type { Checkpoint } from './checkpoint';
import { Trainer } from './trainer';

/** What one iteration produced, in comparable form. */
export interface IterationFingerprint {
  actions: string[];
  pgLoss: number;
  gradNorm: number;
  entropy: number;
}

/** A small, fast configuration: one task, two rollouts, two steps each, every step in the update. */
export const AGREEMENT_CONFIG = trainConfigSchema.parse({
  env: 'alfworld', preset: 'tiny', seed: 11, algorithm: 'grpo', empg: 'full',
  tasksPerIteration: 1, groupSize: 2, maxSteps: 2, gradNormSample: 1, miniBatchSize: 8,
});

/** Runs one iteration from `checkpoint` (or a fresh model of the config's seed). */
export async function iterationFingerprint(checkpoint?: Checkpoint): Promise<IterationFingerprint> {
  const trainer = await Trainer.create(AGREEMENT_CONFIG, { checkpoint });
  try {
    const { metrics, trajectories } = await trainer.step();
    return {
      actions: trajectories.flatMap((t) => t.steps.map((s) => s.action)),
      pgLoss: metrics['loss/pg'],
      gradNorm: metrics['grad/norm'],
      entropy: metrics['entropy/token_mean'],
    };
  } finally {
    trainer.dispose();
  }
}

/** What differs between two fingerprints beyond float32 tolerance (empty when they agree). */
export function fingerprintDifferences(actual: IterationFingerprint, reference: IterationFingerprint): string[] {
  const problems: string[] = [];
  if (actual.actions.join('|') !== reference.actions.join('|')) problems.push(`actions differ: ${actual.actions} vs ${reference.actions}`);
  if (Math.abs(actual.pgLoss - reference.pgLoss) > 1e-4 + 1e-3 * Math.abs(reference.pgLoss)) problems.push(`loss/pg ${actual.pgLoss} vs ${reference.pgLoss}`);
  if (Math.abs(actual.gradNorm - reference.gradNorm) > 1e-3 * Math.max(1, reference.gradNorm)) problems.push(`grad/norm ${actual.gradNorm} vs ${reference.gradNorm}`);
  if (Math.abs(actual.entropy - reference.entropy) > 1e-4) problems.push(`entropy ${actual.entropy} vs ${reference.entropy}`);
  if (!(reference.gradNorm > 0)) problems.push('the reference iteration produced no gradient');
  return problems;
}
