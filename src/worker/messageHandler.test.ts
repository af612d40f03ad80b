import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import type { FromWorker, ToWorker } from './protocol';
import { LaneSet } from './lanes';
import { messageHandler } from './messageHandler';

const fast = { env: 'alfworld', preset: 'tiny', tasksPerIteration: 1, groupSize: 2, maxSteps: 2, gradNormSample: 1 } as const;

/**
 * The worker's message handling on cpu, with a backend choice that finishes only when the test says
 * (`backendReady`), as a slow machine's probe and self-check would.
 */
function harness() {
  const messages: FromWorker[] = [];
  const post = (m: FromWorker) => messages.push(m);
  const lanes = new LaneSet({ post, backend: () => 'cpu', loadBaseCheckpoint: async () => null });
  let backendReady = () => {};
  const send = messageHandler({
    post, lanes,
    start: () => new Promise<void>((resolve) => { backendReady = resolve; }),
    setSaving: () => {},
    resume: async () => {},
    fault: async () => {},
  });
  send({ type: 'init', backend: 'cpu', baseUrl: 'http://localhost/' });
  const of = <T extends FromWorker['type']>(type: T) => messages.filter((m): m is Extract<FromWorker, { type: T }> => m.type === type);
  return { lanes, send, of, backendReady: () => backendReady() };
}

/** Waits for the lanes' work to produce a condition; a hang is caught by the suite's guard, not a clock. */
const until = async (condition: () => boolean) => {
  while (!condition()) await new Promise((r) => setTimeout(r, 5));
};

/** Lets every message already sent start, then waits for the lanes' queued work. */
async function settle(lanes: LaneSet): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
  await lanes.idle();
}

describe('messageHandler', () => {
  it('takes a receipt from the page at once, even while the backend is still being chosen', async () => {
    const drew: number[] = [];
    const lanes = new LaneSet({ post: () => {}, backend: () => 'cpu', loadBaseCheckpoint: async () => null });
    const send = messageHandler({
      post: () => {}, lanes, start: () => new Promise<void>(() => {}), setSaving: () => {}, resume: async () => {},
      fault: async () => {}, pageDrew: (count) => drew.push(count),
    });
    send({ type: 'init', backend: 'cpu', baseUrl: 'http://localhost/' });
    send({ type: 'drawn', count: 3 });
    await new Promise((r) => setTimeout(r, 0));
    expect(drew).toEqual([3]);
  });

  it('a Step pressed while the backend is still being chosen runs once it is ready', async () => {
    await tf.setBackend('cpu');
    const { lanes, send, of, backendReady } = harness();
    send({ type: 'configure', lane: 0, config: fast, init: 'scratch' });
    send({ type: 'step' });
    await settle(lanes);
    expect(of('run')).toHaveLength(0);
    backendReady();
    await settle(lanes);
    const status = of('run').at(-1)!.status;
    expect(of('metrics').map((m) => [m.iteration, m.generation])).toEqual([[1, status.generation]]);
    expect(of('error')).toEqual([]);
  });

  it('a Pause sent after Play, both before the backend is ready, leaves the run paused', async () => {
    await tf.setBackend('cpu');
    const { lanes, send, of, backendReady } = harness();
    const commands: ToWorker[] = [{ type: 'configure', lane: 0, config: fast, init: 'scratch' }, { type: 'play' }, { type: 'pause' }];
    for (const command of commands) send(command);
    backendReady();
    await settle(lanes);
    expect(lanes.playing).toBe(false);
    expect(of('run').at(-1)!.status.running).toBe(false);
    const iterations = of('metrics').length;
    await settle(lanes);
    expect(of('metrics')).toHaveLength(iterations);
  });

  it('a checkpoint asked for before the backend is ready is sent once the run is built', async () => {
    await tf.setBackend('cpu');
    const { lanes, send, of, backendReady } = harness();
    send({ type: 'configure', lane: 0, config: fast, init: 'scratch' });
    send({ type: 'requestCheckpoint', lane: 0 });
    backendReady();
    await settle(lanes);
    expect(of('checkpoint').map((m) => m.iteration)).toEqual([0]);
  });

  it('Play pressed while a new setting\'s run is being built plays it, says so, and Pause stops it', async () => {
    await tf.setBackend('cpu');
    const { lanes, send, of, backendReady } = harness();
    backendReady();
    send({ type: 'configure', lane: 0, config: fast, init: 'scratch' });
    send({ type: 'play' });
    await until(() => of('metrics').length >= 1);
    // A new seed restarts the run (and pauses it); Play comes before the new run is built.
    send({ type: 'configure', lane: 0, config: { ...fast, seed: 7 }, init: 'scratch' });
    send({ type: 'play' });
    await until(() => of('run').some((m) => m.status.config.seed === 7));
    const { generation } = of('run').find((m) => m.status.config.seed === 7)!.status;
    await until(() => of('metrics').some((m) => m.generation === generation));
    // The page's buttons follow the status: it must say the lanes play, or Pause could not be pressed.
    expect(lanes.playing).toBe(true);
    expect(of('run').at(-1)!.status).toMatchObject({ generation, running: true });
    send({ type: 'pause' });
    await settle(lanes);
    expect(of('run').at(-1)!.status.running).toBe(false);
    const count = of('metrics').length;
    await settle(lanes);
    expect(of('metrics')).toHaveLength(count);
  });
});
