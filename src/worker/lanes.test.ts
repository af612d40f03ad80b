import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import type { FromWorker } from './protocol';
import { LaneSet } from './lanes';

const fast = { env: 'alfworld', preset: 'tiny', tasksPerIteration: 1, groupSize: 2, maxSteps: 2, gradNormSample: 1 } as const;

function harness() {
  const messages: FromWorker[] = [];
  const lanes = new LaneSet({ post: (m) => messages.push(m), backend: () => 'cpu', loadBaseCheckpoint: async () => null });
  const of = <T extends FromWorker['type']>(type: T) => messages.filter((m): m is Extract<FromWorker, { type: T }> => m.type === type);
  return { lanes, of };
}

/** Waits for the lanes' work to produce a condition; a hang is caught by the suite's guard, not a clock. */
const until = async (condition: () => boolean) => {
  while (!condition()) await new Promise((r) => setTimeout(r, 5));
};

describe('LaneSet', () => {
  it('Play waits after each iteration until the page has drawn it', async () => {
    await tf.setBackend('cpu');
    const messages: FromWorker[] = [];
    let release: (() => void) | null = null;
    const lanes = new LaneSet({
      post: (m) => messages.push(m), backend: () => 'cpu', loadBaseCheckpoint: async () => null,
      waitForPage: () => new Promise<void>((resolve) => { release = resolve; }),
    });
    const finished = () => messages.filter((m) => m.type === 'metrics').length;
    await lanes.lane(0).configure(fast, 'scratch');
    lanes.play();
    await until(() => finished() === 1 && release !== null);
    // Held at the page's receipt: no second iteration however long the loop is left alone.
    for (let i = 0; i < 20; i++) await new Promise((r) => setTimeout(r, 1));
    expect(finished()).toBe(1);
    const first = release!;
    release = null;
    first();
    await until(() => finished() === 2);
    lanes.pause();
    release!();
    await lanes.idle();
  });

  it('a setting that restarts the run during Play pauses it: the status and the loop agree', async () => {
    await tf.setBackend('cpu');
    const { lanes, of } = harness();
    await lanes.lane(0).configure(fast, 'scratch');
    lanes.play();
    await until(() => of('metrics').length >= 2);
    await lanes.lane(0).configure({ seed: 7 });
    await lanes.idle();
    // Let the play loop take a few more turns: it must not start iterations of the new run.
    for (let i = 0; i < 20; i++) await new Promise((r) => setTimeout(r, 1));
    await lanes.idle();
    const status = of('run').at(-1)!.status;
    expect(status.config.seed).toBe(7);
    expect(status.running).toBe(false);
    expect(status.iteration).toBe(0);
    expect(of('metrics').filter((m) => m.generation === status.generation)).toHaveLength(0);
    // Play starts the new run again.
    lanes.play();
    await until(() => of('metrics').some((m) => m.generation === status.generation));
    lanes.pause();
    await lanes.idle();
  });

  it('after a backend switch every lane continues from its last good weights and iteration', async () => {
    await tf.setBackend('cpu');
    const { lanes, of } = harness();
    await lanes.lane(0).configure(fast, 'scratch');
    await lanes.step();
    await lanes.step();
    const before = of('run').at(-1)!.status;
    const seen = of('run').length;
    await lanes.continueOnNewBackend();
    const after = of('run').at(-1)!.status;
    expect(after).toMatchObject({ generation: before.generation, iteration: 2, running: false });
    // No status at iteration 0 in between (the page would drop the curve).
    expect(of('run').slice(seen).map((m) => m.status.iteration)).not.toContain(0);
    await lanes.step();
    expect(of('metrics').map((m) => m.iteration)).toEqual([1, 2, 3]);
  });

  it('Pause inside an iteration abandons it at the next safe point, and Play runs the same iteration again', async () => {
    await tf.setBackend('cpu');
    const messages: FromWorker[] = [];
    let pauseWhen: ((m: FromWorker) => boolean) | null = null;
    // The page's Pause arrives while the worker yields at a safe point, right after the progress it saw.
    const lanes: LaneSet = new LaneSet({
      post: (m) => messages.push(m), backend: () => 'cpu', loadBaseCheckpoint: async () => null,
      yieldToMessages: async () => {
        const last = messages.at(-1)!;
        if (pauseWhen?.(last)) { pauseWhen = null; lanes.pause(); }
      },
    });
    const events = () => messages.filter((m) => m.type === 'progress' || m.type === 'metrics')
      .map((m) => (m.type === 'metrics' ? `metrics ${m.iteration}`
        : `${m.abandoned ? 'abandoned' : 'progress'} ${m.iteration} ${m.progress.phase} ${m.progress.phase === 'rollout' ? m.progress.step : m.progress.minibatch}`));
    await lanes.lane(0).configure({ ...fast, maxSteps: 4, miniBatchSize: 2 }, 'scratch');
    await lanes.step();
    const uninterrupted = messages.length;

    // Pause during the rollout of iteration 2, at its second step.
    pauseWhen = (m) => m.type === 'progress' && m.iteration === 2 && m.progress.phase === 'rollout' && m.progress.step === 2;
    lanes.play();
    await until(() => events().some((e) => e.startsWith('abandoned')));
    await lanes.idle();
    expect(events().slice(events().indexOf('metrics 1') + 1)).toEqual([
      'progress 2 rollout 1', 'progress 2 rollout 2', 'abandoned 2 rollout 2',
    ]);
    expect(messages.filter((m) => m.type === 'run').at(-1)).toMatchObject({ status: { iteration: 1, running: false } });

    // Pause during the update of iteration 2, after its first minibatch.
    pauseWhen = (m) => m.type === 'progress' && m.progress.phase === 'update' && m.progress.minibatch === 1;
    lanes.play();
    await until(() => events().filter((e) => e.startsWith('abandoned')).length === 2);
    await lanes.idle();
    expect(events().at(-2)).toBe('progress 2 update 1');
    expect(events().at(-1)).toBe('abandoned 2 update 1');
    expect(events()).not.toContain('metrics 2');

    // Step runs iteration 2 to its end: its batch is the one the abandoned runs had started.
    await lanes.step();
    const metrics = messages.filter((m) => m.type === 'metrics');
    expect(metrics.map((m) => m.iteration)).toEqual([1, 2]);
    const again = new LaneSet({ post: (m) => messages.push(m), backend: () => 'cpu', loadBaseCheckpoint: async () => null });
    await again.lane(0).configure({ ...fast, maxSteps: 4, miniBatchSize: 2 }, 'scratch');
    await again.step();
    await again.step();
    const plain = messages.slice(uninterrupted).filter((m) => m.type === 'metrics').slice(-1)[0];
    expect(plain.type === 'metrics' && plain.steps.map((s) => s.action)).toEqual(metrics[1].type === 'metrics' && metrics[1].steps.map((s) => s.action));
  });

  it('saves a comparison only with both lanes, and never a lane\'s state from a run it has left', async () => {
    await tf.setBackend('cpu');
    const records: { lane: number; iteration: number; seed: number }[][] = [];
    const lanes = new LaneSet({
      post: () => undefined, backend: () => 'cpu', loadBaseCheckpoint: async () => null, saving: () => true,
      persistRun: (saved) => records.push(saved.map((l, lane) => ({ lane, iteration: l.state.iteration, seed: l.config.seed }))),
    });
    await lanes.lane(0).configure({ ...fast, seed: 3 }, 'scratch');
    await lanes.setCount(2);
    // Lane 0's first iteration alone would make a one-lane record: nothing is saved until lane 1 has one too.
    await lanes.lane(0).step();
    expect(records).toEqual([]);
    await lanes.lane(1).step();
    expect(records.at(-1)).toEqual([{ lane: 0, iteration: 1, seed: 3 }, { lane: 1, iteration: 1, seed: 3 }]);
    // Lanes may stand one iteration apart (Pause drops the unfinished iteration): each is saved at its own.
    await lanes.lane(0).step();
    expect(records.at(-1)).toEqual([{ lane: 0, iteration: 2, seed: 3 }, { lane: 1, iteration: 1, seed: 3 }]);
    // A setting that restarts both lanes: lane 1's next iteration must not be saved beside lane 0's old run.
    const count = records.length;
    await lanes.lane(0).configure({ seed: 5 });
    await lanes.lane(1).configure({ seed: 5 });
    await lanes.lane(1).step();
    expect(records).toHaveLength(count);
    await lanes.lane(0).step();
    expect(records.at(-1)).toEqual([{ lane: 0, iteration: 1, seed: 5 }, { lane: 1, iteration: 1, seed: 5 }]);
    // Reset forgets both lanes' saved states the same way.
    await lanes.reset();
    await lanes.lane(0).step();
    expect(records).toHaveLength(count + 1);
    await lanes.lane(1).step();
    expect(records.at(-1)).toEqual([{ lane: 0, iteration: 1, seed: 5 }, { lane: 1, iteration: 1, seed: 5 }]);
  });
});
