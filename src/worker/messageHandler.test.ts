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

/** Lets every message already sent start, then waits for the lanes' queued work. */
async function settle(lanes: LaneSet): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
  await lanes.idle();
}

describe('messageHandler', () => {
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
});
