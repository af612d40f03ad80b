import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import type { FromWorker } from './protocol';
import { LaneSet } from './lanes';
import { toBase64 } from '../train/checkpoint';
import { RunAccumulator } from '../import/accumulate';

const fast = { env: 'alfworld', preset: 'tiny', tasksPerIteration: 1, groupSize: 2, maxSteps: 2, gradNormSample: 1 } as const;

/** A lane set on cpu with no base checkpoint; `run` is its lane 0, `of(type)` the messages of one type. */
function laneHarness() {
  const messages: FromWorker[] = [];
  const lanes = new LaneSet({ post: (m) => messages.push(m), backend: () => 'cpu', loadBaseCheckpoint: async () => null });
  const of = <T extends FromWorker['type']>(type: T) => messages.filter((m): m is Extract<FromWorker, { type: T }> => m.type === type);
  return { lanes, run: lanes.lane(0), messages, of };
}

/** Waits for the lanes' work to produce a condition; a hang is caught by the suite's guard, not a clock. */
const until = async (condition: () => boolean) => {
  while (!condition()) await new Promise((r) => setTimeout(r, 5));
};

describe('RunController', () => {
  it('builds a run, steps once, and reports metrics with the generation', async () => {
    await tf.setBackend('cpu');
    const { run, of } = laneHarness();
    await run.configure(fast, 'base');
    const status = of('run').at(-1)!.status;
    expect(status.initLabel).toMatch(/no base checkpoint/);
    expect(status.iteration).toBe(0);
    await run.step();
    const metrics = of('metrics');
    expect(metrics).toHaveLength(1);
    expect(metrics[0].iteration).toBe(1);
    expect(metrics[0].generation).toBe(status.generation);
    expect(Number.isFinite(metrics[0].metrics['env/success_rate'])).toBe(true);
  });

  it('starts the small model from a fresh model, since the base checkpoints are of the tiny one', async () => {
    await tf.setBackend('cpu');
    const base = JSON.parse(readFileSync('public/checkpoints/alfworld-base.json', 'utf8'));
    const messages: FromWorker[] = [];
    const lanes = new LaneSet({ post: (m) => messages.push(m), backend: () => 'cpu', loadBaseCheckpoint: async () => base });
    const statuses = () => messages.flatMap((m) => (m.type === 'run' ? [m.status] : []));
    await lanes.lane(0).configure(fast, 'base');
    expect(statuses().at(-1)!.initLabel).toMatch(/^base checkpoint \(alfworld\/tiny/);
    await lanes.lane(0).configure({ ...fast, modelSize: 'small' }, 'base');
    expect(statuses().at(-1)!.initLabel).toBe('fresh model: no base checkpoint for alfworld/tiny and the small model');
    expect(statuses().at(-1)!.iteration).toBe(0);
  });

  it('plays until paused, and a reset starts again at iteration 0 with the same first batch', async () => {
    await tf.setBackend('cpu');
    const { lanes, of } = laneHarness();
    const run = lanes.lane(0);
    await run.configure(fast, 'scratch');
    await run.step();
    const firstBatch = JSON.stringify(of('metrics')[0].steps.map((s) => s.action));
    lanes.play();
    await until(() => of('metrics').length >= 3);
    lanes.pause();
    await lanes.idle();
    const count = of('metrics').length;
    await new Promise((r) => setTimeout(r, 100));
    expect(of('metrics').length).toBe(count);
    await run.reset();
    expect(of('run').at(-1)!.status.iteration).toBe(0);
    await run.step();
    expect(JSON.stringify(of('metrics').at(-1)!.steps.map((s) => s.action))).toBe(firstBatch);
  });

  it('with no base checkpoint to start from, a shape-keeping setting keeps the run and a queued Step', async () => {
    await tf.setBackend('cpu');
    const { run, of } = laneHarness();
    await run.configure(fast, 'base');
    await run.step();
    const { generation } = of('run').at(-1)!.status;
    // Step, then a new ζ before that iteration has run: the Step is carried out, on the same run.
    await Promise.all([run.step(), run.configure({ ...fast, zeta: 0.3 }, 'base')]);
    const status = of('run').at(-1)!.status;
    expect(status.generation).toBe(generation);
    expect(status.config.zeta).toBe(0.3);
    expect(status.initLabel).toMatch(/no base checkpoint/);
    expect(of('metrics').map((m) => [m.iteration, m.generation])).toEqual([[1, generation], [2, generation]]);
    // Asking for a fresh model changes nothing either: the run already is one (the same seed's weights).
    await run.configure(fast, 'scratch');
    expect(of('run').at(-1)!.status.generation).toBe(generation);
    // A new seed still restarts it.
    await run.configure({ ...fast, seed: 9 }, 'base');
    expect(of('run').at(-1)!.status).toMatchObject({ generation: generation + 1, iteration: 0 });
  });

  it('rejects a bad checkpoint or setting with a clear message and keeps the run', async () => {
    await tf.setBackend('cpu');
    const { run, of } = laneHarness();
    await run.configure(fast, 'scratch');
    await run.loadCheckpoint({ format: 'something else' }, 'weights.json');
    expect(of('error').at(-1)).toMatchObject({ kind: 'invalid-input' });
    expect(of('error').at(-1)!.message).toMatch(/weights\.json is not a usable checkpoint: format/);
    await run.configure({ lr: -1 });
    expect(of('error').at(-1)!.message).toMatch(/lr/);
    await run.step();
    expect(of('metrics')).toHaveLength(1);
  });

  it('refuses a checkpoint the trainer could not use before anything changes (NaN weights, 3 heads)', async () => {
    await tf.setBackend('cpu');
    const { lanes, of } = laneHarness();
    const run = lanes.lane(0);
    await run.configure(fast, 'scratch');
    await run.step();
    await run.requestCheckpoint();
    const checkpoint = JSON.parse(of('checkpoint')[0].json);
    const weight = checkpoint.weights[0];
    const floats = weight.shape.reduce((a: number, b: number) => a * b, 1);
    weight.data = toBase64(new Uint8Array(new Float32Array(floats).fill(NaN).buffer));
    await run.loadCheckpoint(checkpoint, 'poisoned.json');
    expect(of('error').at(-1)).toMatchObject({ kind: 'invalid-input', message: expect.stringMatching(/poisoned\.json is not a usable checkpoint: weights\[0\] \(wte\): value 0 is NaN/) });
    await run.loadCheckpoint({ ...JSON.parse(of('checkpoint')[0].json), model: { ...checkpoint.model, nHeads: 3 } }, 'heads.json');
    expect(of('error').at(-1)!.message).toMatch(/heads\.json is not a usable checkpoint: model: dModel 32 is not divisible by nHeads 3/);
    // The run on screen is the one before: Step continues it.
    await run.step();
    expect(of('metrics').map((m) => m.iteration)).toEqual([1, 2]);
    expect(of('run').at(-1)!.status.init).toBe('scratch');
  });

  it('a loaded checkpoint survives a shape-keeping setting, and the environment follows it', async () => {
    await tf.setBackend('cpu');
    const { run, of } = laneHarness();
    await run.configure(fast, 'base');
    const webshop = JSON.parse(readFileSync(new URL('../../public/checkpoints/webshop-base.json', import.meta.url), 'utf8'));
    await run.loadCheckpoint(webshop, 'webshop-base.json');
    let status = of('run').at(-1)!.status;
    expect(status).toMatchObject({ init: 'loaded', config: { env: 'webshop', preset: webshop.preset } });
    await run.step();
    await run.step();
    // The page sends every setting with its own choice of initial weights ('base'): k alone changes.
    await run.configure({ ...fast, env: 'webshop', preset: webshop.preset, k: 2 }, 'base');
    status = of('run').at(-1)!.status;
    expect(status).toMatchObject({ init: 'loaded', iteration: 2, config: { k: 2 } });
    // Another environment does not fit the file: the page's choice applies, and the banner says why.
    await run.configure({ env: 'alfworld', preset: 'tiny' }, 'base');
    expect(of('error').at(-1)!.message).toMatch(/webshop-base\.json is a webshop\/tiny checkpoint and does not fit alfworld\/tiny/);
    expect(of('run').at(-1)!.status).toMatchObject({ init: 'scratch', iteration: 0, config: { env: 'alfworld' } });
  });

  it('warns when a loaded checkpoint cannot write the environment’s words', async () => {
    await tf.setBackend('cpu');
    const { run, of } = laneHarness();
    await run.configure(fast, 'scratch');
    const checkpoint = JSON.parse(readFileSync(new URL('../../public/checkpoints/alfworld-base.json', import.meta.url), 'utf8'));
    // Rename one word: the file is still valid, but the policy can no longer write it.
    const index = checkpoint.tokenizer.words.indexOf('sinkbasin');
    checkpoint.tokenizer.words[index] = 'zzz-unknown';
    await run.loadCheckpoint(checkpoint, 'narrow.json');
    expect(of('run').at(-1)!.status.init).toBe('loaded');
    expect(of('error').at(-1)!.message).toMatch(/narrow\.json: 1 words of alfworld\/tiny are not in its vocabulary \("sinkbasin"\)/);
  });

  it('extreme settings (lr 1, ζ 10, k = k_F = 50, T 5): the collapse pauses the run with the last good weights', async () => {
    await tf.setBackend('cpu');
    const { lanes, of } = laneHarness();
    const run = lanes.lane(0);
    await run.configure({ ...fast, tasksPerIteration: 2, groupSize: 4, maxSteps: 8, gradNormSample: 0, lr: 1, zeta: 10, k: 50, kF: 50, temperature: 5 }, 'scratch');
    // Bounded by iterations, not time: the collapse comes within a few (iteration 3 on this seed).
    for (let i = 0; i < 12 && of('error').length === 0; i++) await lanes.step();
    const error = of('error')[0];
    expect(error.kind).toBe('diverged');
    expect(error.message).toMatch(/The policy collapsed at iteration (\d+): the mean step entropy fell to .* Paused, with the weights of iteration \d+ kept/);
    const collapsedAt = Number(/iteration (\d+):/.exec(error.message)![1]);
    const status = of('run').at(-1)!.status;
    expect(status.running).toBe(false);
    expect(status.iteration).toBe(collapsedAt - 2);
    // The kept weights still explore: with gentler settings the next iteration is healthy.
    await run.configure({ lr: 3e-3, zeta: 0.1, k: 1, kF: 1, temperature: 1 });
    await run.step();
    const next = of('metrics').at(-1)!;
    expect(next.iteration).toBe(collapsedAt - 1);
    expect(next.metrics['entropy/step_mean']).toBeGreaterThan(1e-3);
  });

  it('compare mode: two lanes from the same seed alternate and see the same tasks', async () => {
    await tf.setBackend('cpu');
    const { lanes, of } = laneHarness();
    await lanes.lane(0).configure({ ...fast, empg: 'off' }, 'scratch');
    await lanes.setCount(2);
    await lanes.lane(1).configure({ empg: 'full' });
    await lanes.step();
    await lanes.step();
    const byLane = (lane: number) => of('metrics').filter((m) => m.lane === lane);
    expect(byLane(0).map((m) => m.iteration)).toEqual([1, 2]);
    expect(byLane(1).map((m) => m.iteration)).toEqual([1, 2]);
    // Same seed and initial weights: the first batch (before any update) is identical.
    expect(byLane(1)[0].trajectories.map((t) => t.task)).toEqual(byLane(0)[0].trajectories.map((t) => t.task));
    expect(byLane(1)[0].steps.map((s) => s.action)).toEqual(byLane(0)[0].steps.map((s) => s.action));
    expect(of('lanes').at(-1)).toMatchObject({ count: 2 });
    expect(() => lanes.lane(2)).toThrow(/no lane 2/);
  });

  it('exports the kept iterations in the step format, and they import back step for step', async () => {
    await tf.setBackend('cpu');
    const { run, of } = laneHarness();
    await run.configure(fast, 'scratch');
    await run.step();
    await run.step();
    run.requestSteps();
    const file = of('steps').at(-1)!;
    expect(file).toMatchObject({ lane: 0, iterations: [1, 2], name: 'empg-alfworld-tiny-iter1-2-steps.jsonl' });
    const acc = new RunAccumulator();
    file.text.trimEnd().split('\n').forEach((line, i) => acc.addLine(line, i + 1));
    const imported = acc.finish();
    expect(imported).toMatchObject({ format: 'empg-steps', skipped: 0, duplicates: 0, meta: { source: 'empg-playground', adv_estimator: 'grpo+empg' } });
    for (const metrics of of('metrics')) {
      const steps = imported.kept.get(metrics.iteration)!;
      expect(steps).toHaveLength(metrics.steps.length);
      expect(file.count).toBe(of('metrics').reduce((n, m) => n + m.steps.length, 0));
      for (const view of metrics.steps) {
        const step = steps.find((s) => s.trajId === `${metrics.iteration}-${view.traj}` && s.stepIdx === view.t)!;
        expect(step.advantage).toBe(view.finalAdvantage);
        expect(step.entropy).toHaveLength(view.tokens.length);
        expect(step.response).toBe(view.action);
      }
    }
  });
});
