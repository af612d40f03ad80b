/**
 * A wasm backend that aborts for real — its 4 GiB heap runs out — is replaced by a fresh module, and
 * the run continues from its last good iteration (paused, with the reason). Runs in Node, where
 * tfjs-backend-wasm loads its binary from node_modules.
 */
import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import '../policy/wasmBackend';
import { selectBackend } from '../train/backend';
import { exhaustWasmHeap, wasmHasAborted } from '../train/backendFaults';
import { BackendRecovery } from './backendRecovery';
import { LaneSet } from './lanes';
import type { FromWorker } from './protocol';

const fast = { env: 'alfworld', preset: 'tiny', tasksPerIteration: 1, groupSize: 2, maxSteps: 2, gradNormSample: 1 } as const;

describe('a wasm module that aborted', () => {
  it('is replaced, and the run continues from its last good iteration', async () => {
    const messages: FromWorker[] = [];
    const post = (m: FromWorker) => messages.push(m);
    const of = <T extends FromWorker['type']>(type: T) => messages.filter((m): m is Extract<FromWorker, { type: T }> => m.type === type);
    const recovery: BackendRecovery = new BackendRecovery({
      post, lanes: () => lanes, select: (options) => selectBackend(options), request: () => ({ requested: 'wasm' }),
    });
    const lanes: LaneSet = new LaneSet({ post, backend: () => tf.getBackend(), backendFailure: (m) => recovery.laneFailed(m), loadBaseCheckpoint: async () => null });

    expect((await selectBackend({ requested: 'wasm' })).backend).toBe('wasm');
    await lanes.lane(0).configure(fast, 'scratch');
    await lanes.step();
    await lanes.step();
    const before = of('run').at(-1)!.status;
    expect(lanes.lane(0).currentIteration).toBe(2);

    // The real thing: the heap runs out and Emscripten aborts; the module is unusable afterwards.
    const abort = await exhaustWasmHeap();
    expect(abort).toMatch(/^Aborted\(/);
    expect(wasmHasAborted()).toBe(true);

    // The next iteration fails on the dead module; the recovery takes over and reports it once.
    await lanes.step();
    await recovery.idle();
    await lanes.idle();
    expect(of('error').map((e) => e.kind)).toEqual(['backend-aborted']);
    // The abort's own reason (here Emscripten gives none), not the symptom of the next call into the dead module.
    const message = of('error')[0].message;
    expect(message).toMatch(/^The wasm backend aborted(?: \([^)]*\))?, most likely because its 4 GiB memory ran out\. A fresh wasm module replaced it, and the run is paused at its last completed iteration \(2\)/);
    expect(message).not.toMatch(/out of bounds|unreachable/);
    expect(tf.getBackend()).toBe('wasm');
    expect(wasmHasAborted()).toBe(false);
    expect(Array.from(await tf.tensor([1, 2, 3]).add(1).data())).toEqual([2, 3, 4]);
    const after = of('run').at(-1)!.status;
    expect(after).toMatchObject({ generation: before.generation, iteration: 2, running: false });

    await lanes.step();
    expect(of('metrics').map((m) => m.iteration)).toEqual([1, 2, 3]);
    expect(Number.isFinite(of('metrics').at(-1)!.metrics['loss/pg'])).toBe(true);
    await lanes.lane(0).dispose();
  });
});
