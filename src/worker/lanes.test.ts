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
});
