import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import type { FromWorker } from './protocol';
import { RunController } from './runController';
import { toBase64 } from '../train/checkpoint';

const fast = { env: 'alfworld', preset: 'tiny', tasksPerIteration: 1, groupSize: 2, maxSteps: 2, gradNormSample: 1 } as const;

function harness() {
  const messages: FromWorker[] = [];
  const run = new RunController({ post: (m) => messages.push(m), backend: () => 'cpu', loadBaseCheckpoint: async () => null });
  const of = <T extends FromWorker['type']>(type: T) => messages.filter((m): m is Extract<FromWorker, { type: T }> => m.type === type);
  return { run, messages, of };
}

const until = async (condition: () => boolean, ms = 20_000) => {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > ms) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe('RunController', () => {
  it('builds a run, steps once, and reports metrics with the generation', async () => {
    await tf.setBackend('cpu');
    const { run, of } = harness();
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

  it('plays until paused, and a reset starts again at iteration 0 with the same first batch', async () => {
    await tf.setBackend('cpu');
    const { run, of } = harness();
    await run.configure(fast, 'scratch');
    await run.step();
    const firstBatch = JSON.stringify(of('metrics')[0].steps.map((s) => s.action));
    run.play();
    await until(() => of('metrics').length >= 3);
    run.pause();
    await run.idle();
    const count = of('metrics').length;
    await new Promise((r) => setTimeout(r, 100));
    expect(of('metrics').length).toBe(count);
    await run.reset();
    expect(of('run').at(-1)!.status.iteration).toBe(0);
    await run.step();
    expect(JSON.stringify(of('metrics').at(-1)!.steps.map((s) => s.action))).toBe(firstBatch);
  });

  it('rejects a bad checkpoint or setting with a clear message and keeps the run', async () => {
    await tf.setBackend('cpu');
    const { run, of } = harness();
    await run.configure(fast, 'scratch');
    await run.loadCheckpoint({ format: 'something else' }, 'weights.json');
    expect(of('error').at(-1)).toMatchObject({ kind: 'invalid-input' });
    expect(of('error').at(-1)!.message).toMatch(/weights\.json is not a usable checkpoint: format/);
    await run.configure({ lr: -1 });
    expect(of('error').at(-1)!.message).toMatch(/lr/);
    await run.step();
    expect(of('metrics')).toHaveLength(1);
  });

  it('pauses with an explanation when training diverges (NaN weights)', async () => {
    await tf.setBackend('cpu');
    const { run, of } = harness();
    await run.configure(fast, 'scratch');
    await run.requestCheckpoint();
    const checkpoint = JSON.parse(of('checkpoint')[0].json);
    // Poison one weight matrix with NaN (same byte length, so the file still validates).
    const weight = checkpoint.weights[0];
    const floats = weight.shape.reduce((a: number, b: number) => a * b, 1);
    weight.data = toBase64(new Uint8Array(new Float32Array(floats).fill(NaN).buffer));
    await run.loadCheckpoint(checkpoint, 'poisoned.json');
    run.play();
    await until(() => of('error').length > 0);
    await run.idle();
    expect(of('error')[0].kind).toBe('diverged');
    expect(of('error')[0].message).toMatch(/paused/);
    expect(of('run').at(-1)!.status.running).toBe(false);
    expect(of('metrics')).toHaveLength(0);
  });
});
