import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { createRng } from '../core/prng';
import { maxRelativeError } from '../core/numeric';
import { prepareScoring, scoreActions } from '../policy/scoring';
import { trainConfigSchema } from './config';
import { rollout } from './rollout';
import { Trainer } from './trainer';

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
});
