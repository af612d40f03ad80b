import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCheckpoint, type Checkpoint } from './checkpoint';
import { trainConfigSchema, type TrainConfig } from './config';
import { Trainer, type Metrics } from './trainer';
import { parseTrainerState, type TrainerState } from './trainerState';

// A small run from the base policy with enough reward variance that every iteration updates the weights.
const config: TrainConfig = trainConfigSchema.parse({
  env: 'alfworld', preset: 'tiny', seed: 5, algorithm: 'grpo', empg: 'full', klCoef: 0.05, tasksPerIteration: 2, groupSize: 4,
  maxSteps: 6, gradNormSample: 4, miniBatchSize: 8, maxUpdateSteps: 16, ppoEpochs: 2,
});
const base = parseCheckpoint(JSON.parse(readFileSync('public/checkpoints/alfworld-base.json', 'utf8')));
if (!base.ok) throw new Error(base.errors.join('; '));
const checkpoint: Checkpoint = base.checkpoint;

/** The metrics that depend on training alone (not on the clock or the process). */
function comparable(metrics: Metrics): Metrics {
  return Object.fromEntries(Object.entries(metrics).filter(([name]) => !name.startsWith('perf/') && name !== 'tfjs/num_tensors'));
}

async function run(iterations: number, from?: TrainerState): Promise<{ metrics: Metrics[]; state: TrainerState }> {
  const trainer = await Trainer.create(config, { checkpoint, backend: 'cpu' });
  if (from) await trainer.loadState(from);
  const metrics: Metrics[] = [];
  for (let i = 0; i < iterations; i++) metrics.push(comparable((await trainer.step()).metrics));
  const state = await trainer.saveState();
  trainer.dispose();
  return { metrics, state };
}

/** A state as it comes back from storage: through JSON text and the schema. */
function stored(state: TrainerState): TrainerState {
  const parsed = parseTrainerState(JSON.parse(JSON.stringify(state)));
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  return parsed.state;
}

describe('saving and resuming a trainer', () => {
  let uninterrupted: Metrics[];
  let saved: TrainerState;

  beforeAll(async () => {
    await tf.setBackend('cpu');
    uninterrupted = (await run(4)).metrics;
    saved = stored((await run(2)).state);
  }, 600_000);

  it('gives exactly the metrics of the uninterrupted run from the next iteration on', async () => {
    expect(saved.iteration).toBe(2);
    expect(saved.optimizer.steps).toBeGreaterThan(0);
    const resumed = await run(2, saved);
    expect(resumed.metrics.map((m) => m.iteration)).toEqual([3, 4]);
    // Every iteration updated the policy, so the optimizer's state matters to what follows.
    for (const m of uninterrupted) expect(m['batch/update_steps']).toBeGreaterThan(0);
    expect(resumed.metrics).toEqual(uninterrupted.slice(2));
  }, 600_000);

  it('differs when any part of the state is left out, so the comparison above can fail', async () => {
    const fresh = (await run(0)).state;
    const without: Record<string, TrainerState> = {
      'the weights': { ...saved, weights: fresh.weights },
      "Adam's moments": { ...saved, optimizer: { ...saved.optimizer, moments: [] } },
      "Adam's step count and running powers": { ...saved, optimizer: { ...fresh.optimizer, moments: saved.optimizer.moments, steps: 0 } },
      'the task stream': { ...saved, rngs: { ...saved.rngs, tasks: fresh.rngs.tasks } },
      'the sampling stream': { ...saved, rngs: { ...saved.rngs, sampling: fresh.rngs.sampling } },
      'the minibatch stream': { ...saved, rngs: { ...saved.rngs, minibatches: fresh.rngs.minibatches } },
    };
    for (const [part, state] of Object.entries(without)) {
      const resumed = await run(1, state);
      expect(resumed.metrics[0], `resumed without ${part}`).not.toEqual(uninterrupted[2]);
    }
  }, 600_000);

  it('refuses a state of another model or a malformed one, and changes nothing', async () => {
    const trainer = await Trainer.create(config, { checkpoint, backend: 'cpu' });
    const before = await trainer.saveState();
    await expect(trainer.loadState({ ...saved, weights: saved.weights.slice(1) })).rejects.toThrow(/do not fit this model/);
    await expect(trainer.loadState({ ...saved, optimizer: { ...saved.optimizer, moments: saved.optimizer.moments.slice(2) } })).rejects.toThrow(/moments/);
    expect(await trainer.saveState()).toEqual(before);
    trainer.dispose();
    const broken = parseTrainerState({ ...saved, rngs: { ...saved.rngs, sampling: { seed: -1, words: [0, 0, 0] } } });
    expect(broken.ok).toBe(false);
    if (!broken.ok) expect(broken.errors.join(' ')).toMatch(/state\.rngs\.sampling/);
    expect(parseTrainerState({ ...saved, version: 99 }).ok).toBe(false);
  }, 600_000);
});
