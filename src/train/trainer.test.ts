import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { createRng } from '../core/prng';
import { maxRelativeError } from '../core/numeric';
import { prepareScoring, scoreActions } from '../policy/scoring';
import { trainConfigSchema } from './config';
import { generateTask, getAlfworldPreset, progressSteps } from '../envs/alfworld/index';
import { rollout } from './rollout';
import { createTaskSource } from './tasks';
import { IterationAbandoned, Trainer, type IterationProgress } from './trainer';

const small = (overrides: Record<string, unknown> = {}) => trainConfigSchema.parse({
  env: 'alfworld', preset: 'tiny', seed: 3, tasksPerIteration: 2, groupSize: 2, maxSteps: 4, gradNormSample: 2, miniBatchSize: 16, ...overrides,
});

describe('Trainer', () => {
  it('recomputes exactly the log-probs the rollout recorded (ratio = 1 before any update)', async () => {
    await tf.setBackend('cpu');
    const trainer = await Trainer.create(small());
    const trajectories = await rollout(trainer.model, trainer.tokenizer, trainer.source, [{ taskSeed: 7, group: 0 }], {
      split: 'train', copies: 2, maxSteps: 3, temperature: 1, greedy: false, masked: true, maxActionTokens: 8, context: trainer.model.config.context, invalidPenalty: 0.1,
    }, createRng(1));
    const steps = trajectories.flatMap((t) => t.steps);
    const inputs = prepareScoring(steps, trainer.model.config.vocabSize);
    const scored = tf.tidy(() => scoreActions(trainer.model, inputs, 1).logProbs);
    const values = await scored.data();
    const k = inputs.actionLength;
    steps.forEach((step, i) => {
      const recomputed = Array.from(values.slice(i * k + k - step.tokens.length, (i + 1) * k));
      expect(maxRelativeError(recomputed, step.logProbs)).toBeLessThan(1e-4);
    });
    scored.dispose();
    trainer.dispose();
  });

  it('is reproducible: the same seed gives the same iteration', async () => {
    await tf.setBackend('cpu');
    const run = async () => {
      const trainer = await Trainer.create(small({ empg: 'full' }));
      const r = await trainer.step();
      trainer.dispose();
      expect(r.metrics['premise/pairs']).toBeGreaterThanOrEqual(0);
      return r.trajectories.map((t) => t.steps.map((s) => s.action).join('|'));
    };
    expect(await run()).toEqual(await run());
  });

  it('labels a sample of whole groups with the oracle\'s progress, step for step, on ALFWorld-lite only', async () => {
    await tf.setBackend('cpu');
    const trainer = await Trainer.create(small({ tasksPerIteration: 3, maxSteps: 6 }));
    const { metrics, trajectories } = await trainer.step();
    // 3 groups × 2 rollouts × ≤ 6 steps stay under the sample's size: every step is labelled.
    const labels = trajectories.flatMap((t) => progressSteps(generateTask(t.taskSeed, getAlfworldPreset('tiny')), t.steps.map((s) => s.action)));
    const known = labels.filter((l) => l !== null);
    expect(metrics['premise/progress_steps']).toBe(known.length);
    expect(metrics['premise/progress_share']).toBeCloseTo(known.filter(Boolean).length / known.length, 12);
    expect(metrics['perf/premise_ms']).toBeGreaterThanOrEqual(0);
    trainer.dispose();
    expect(createTaskSource('webshop', 'tiny').progress).toBeUndefined();
    expect(createTaskSource('deepsearch', 'tiny').progress).toBeUndefined();
  });

  it('keeps the tensor count flat over 50 iterations, for every algorithm', async () => {
    await tf.setBackend('cpu');
    for (const [algorithm, empg, klCoef] of [['grpo', 'full', 0.05], ['dapo', 'off', 0], ['grpo', 'bonus', 0]] as const) {
      const trainer = await Trainer.create(small({ algorithm, empg, klCoef, maxSteps: 2, tasksPerIteration: 1 }));
      await trainer.step();
      const baseline = tf.memory().numTensors;
      const iterations = algorithm === 'grpo' && empg === 'full' ? 50 : 5;
      for (let i = 0; i < iterations; i++) {
        const { metrics } = await trainer.step();
        expect(metrics['tfjs/num_tensors']).toBe(baseline);
        for (const [name, value] of Object.entries(metrics)) expect(Number.isFinite(value), `${name} = ${value}`).toBe(true);
      }
      trainer.dispose();
    }
  });

  it('saves and restores a checkpoint that reproduces the policy', async () => {
    await tf.setBackend('cpu');
    const trainer = await Trainer.create(small());
    await trainer.step();
    const checkpoint = await trainer.toCheckpoint();
    const restored = await Trainer.create(small(), { checkpoint });
    const [a, b] = [await trainer.model.getWeights(), await restored.model.getWeights()];
    expect(a.map((w) => Array.from(w.values))).toEqual(b.map((w) => Array.from(w.values)));
    expect(restored.tokenizer.words).toEqual(trainer.tokenizer.words);
    trainer.dispose();
    restored.dispose();
  });

  it('reports progress inside an iteration, in order: rollout steps, then minibatches', async () => {
    await tf.setBackend('cpu');
    const trainer = await Trainer.create(small({ miniBatchSize: 4 }));
    const seen: IterationProgress[] = [];
    await trainer.step({ progress: (p) => { seen.push(p); } });
    const rolloutSteps = seen.filter((p) => p.phase === 'rollout').map((p) => p.phase === 'rollout' && p.step);
    expect(rolloutSteps.length).toBeGreaterThanOrEqual(2);
    expect(rolloutSteps).toEqual([...rolloutSteps].sort((a, b) => Number(a) - Number(b)));
    const firstUpdate = seen.findIndex((p) => p.phase === 'update');
    expect(seen.slice(firstUpdate).every((p) => p.phase === 'update')).toBe(true);
    const minibatches = seen.slice(firstUpdate).map((p) => (p.phase === 'update' ? p.minibatch : -1));
    const total = seen[firstUpdate].phase === 'update' ? seen[firstUpdate].minibatches : 0;
    expect(total).toBeGreaterThanOrEqual(2);
    expect(minibatches).toEqual(Array.from({ length: total + 1 }, (_, i) => i));
    trainer.dispose();
  });

  it('an iteration abandoned in its rollout or its update leaves no trace: the run goes on bit for bit as without it', async () => {
    await tf.setBackend('cpu');
    const config = small({ miniBatchSize: 4, empg: 'full' });
    // Timings differ between runs, and the tensor count is global (it includes the other trainer's leftovers).
    const strip = (m: Record<string, number>) => Object.fromEntries(Object.entries(m).filter(([name]) => !/^(perf|tfjs)\//.test(name)));
    const weightsOf = async (t: Trainer) => (await t.model.getWeights()).map((w) => Array.from(w.values));

    const plain = await Trainer.create(config);
    const expected = [];
    for (let i = 0; i < 3; i++) expected.push(strip((await plain.step()).metrics));
    const expectedWeights = await weightsOf(plain);
    plain.dispose();

    const stopped = await Trainer.create(config);
    const before = await weightsOf(stopped);
    /** Abandons the iteration at the first progress point that `when` picks. */
    const abandonAt = async (when: (p: IterationProgress) => boolean) => {
      let stop = false;
      const tensors = tf.memory().numTensors;
      const error = await stopped.step({ progress: (p) => { stop = when(p); }, shouldStop: () => stop }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(IterationAbandoned);
      expect(tf.memory().numTensors).toBe(tensors);
      return (error as IterationAbandoned).at;
    };
    // Iteration 1: in the rollout, then in the update (the first update creates Adam's moments).
    expect(await abandonAt((p) => p.phase === 'rollout' && p.step === 2)).toMatchObject({ phase: 'rollout', step: 2 });
    expect(await abandonAt((p) => p.phase === 'update' && p.minibatch === 1)).toMatchObject({ phase: 'update', minibatch: 1 });
    expect(stopped.iteration).toBe(0);
    expect(await weightsOf(stopped)).toEqual(before);
    const actual = [strip((await stopped.step()).metrics)];
    // Iteration 2: in the update again, now with Adam's moments from iteration 1.
    await abandonAt((p) => p.phase === 'update' && p.minibatch === 1);
    actual.push(strip((await stopped.step({ progress: () => undefined, shouldStop: () => false })).metrics));
    actual.push(strip((await stopped.step()).metrics));
    expect(actual).toEqual(expected);
    expect(await weightsOf(stopped)).toEqual(expectedWeights);
    stopped.dispose();
  });
});
