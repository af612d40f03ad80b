import 'fake-indexeddb/auto';
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import type { Metrics } from '../train/trainer';
import { LaneSet } from './lanes';
import type { FromWorker } from './protocol';
import { openRunDatabase, type RunDatabase } from '../persist/runDatabase';
import { RunSaver, type SaveReport } from '../persist/runSaver';
import { describeSavedRun, parseSavedRun, SAVED_RUN_FORMAT, SAVED_RUN_VERSION } from '../persist/savedRun';

const fast = { env: 'alfworld', preset: 'tiny', seed: 4, tasksPerIteration: 2, groupSize: 3, maxSteps: 3, gradNormSample: 2, decoding: 'free' } as const;

/** The worker's lanes, saving through `saver` as the worker does. */
function worker(saver: RunSaver) {
  const messages: FromWorker[] = [];
  const lanes = new LaneSet({
    post: (m) => messages.push(m), backend: () => 'cpu', loadBaseCheckpoint: async () => null,
    saving: () => saver.enabled,
    persistRun: (saved) => saver.save({ format: SAVED_RUN_FORMAT, version: SAVED_RUN_VERSION, savedAt: new Date().toISOString(), lanes: saved }),
  });
  const of = <T extends FromWorker['type']>(type: T) => messages.filter((m): m is Extract<FromWorker, { type: T }> => m.type === type);
  return { lanes, of };
}

const comparable = (m: Metrics) => Object.fromEntries(Object.entries(m).filter(([k]) => !k.startsWith('perf/') && k !== 'tfjs/num_tensors'));

describe('the saved run', () => {
  it('is written after every iteration and a reloaded worker continues it exactly, with its history', async () => {
    await tf.setBackend('cpu');
    const reports: SaveReport[] = [];
    const saver = new RunSaver(openRunDatabase, (r) => reports.push(r));
    await saver.clear();
    saver.enabled = true;
    const first = worker(saver);
    await first.lanes.lane(0).configure(fast, 'scratch');
    for (let i = 0; i < 3; i++) await first.lanes.step();
    await saver.idle();
    expect(reports.at(-1)).toEqual({ ok: true, iteration: 3 });
    // One more iteration: what the resumed run must reproduce.
    const stored = await saver.read();
    await first.lanes.step();
    const expected = first.of('metrics').at(-1)!;

    // "Reload": a new worker reads the record the first one left at iteration 3.
    const parsed = parseSavedRun(structuredClone(stored));
    if (!parsed.ok) throw new Error(parsed.error);
    expect(describeSavedRun(parsed.run)).toMatch(/^iteration 3 · alfworld\/tiny · grpo\+empg · seed 4, B 2 × G 3/);
    const second = worker(new RunSaver(openRunDatabase, () => undefined));
    await second.lanes.lane(0).configure({ ...fast, seed: 9 }, 'scratch');
    // A run whose initial weights can no longer be rebuilt (here: no base checkpoint) is refused, and the page's run stays.
    const elsewhere = { ...parsed.run, lanes: [{ ...parsed.run.lanes[0], init: 'base' as const }] };
    expect(await second.lanes.restore(elsewhere)).toMatch(/started from the base weights, and fresh model: no base checkpoint/);
    expect(second.of('run').at(-1)!.status).toMatchObject({ iteration: 0, config: { seed: 9 } });
    expect(await second.lanes.restore(parsed.run)).toBeNull();
    const restored = second.of('restored').at(-1)!;
    expect(restored.history.map((m) => m.iteration)).toEqual([1, 2, 3]);
    expect(restored.latest?.iteration).toBe(3);
    expect(restored.latest?.steps.length).toBeGreaterThan(0);
    expect(second.of('run').at(-1)!.status).toMatchObject({ iteration: 3, config: { seed: 4 } });
    await second.lanes.step();
    const resumed = second.of('metrics').at(-1)!;
    expect(resumed.iteration).toBe(4);
    expect(comparable(resumed.metrics)).toEqual(comparable(expected.metrics));
    expect(resumed.steps).toEqual(expected.steps);
    // The inspector can still open a trajectory of the saved last batch.
    second.lanes.lane(0).requestTrajectory(3, 0);
    expect(second.of('trajectory').at(-1)?.iteration).toBe(3);
  }, 600_000);

  it('is not written while saving is off (the page is still offering to resume an earlier run)', async () => {
    await tf.setBackend('cpu');
    const database = await openRunDatabase();
    await database.clear();
    const saver = new RunSaver(openRunDatabase, () => undefined);
    const { lanes } = worker(saver);
    await lanes.lane(0).configure({ ...fast, maxSteps: 1 }, 'scratch');
    await lanes.step();
    await saver.idle();
    expect(await database.read()).toBeUndefined();
  }, 600_000);

  it('reports a full quota once, in words, and training goes on', async () => {
    await tf.setBackend('cpu');
    const full: RunDatabase = {
      read: async () => undefined, clear: async () => undefined,
      write: async () => { throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); },
    };
    const reports: SaveReport[] = [];
    const saver = new RunSaver(async () => full, (r) => reports.push(r));
    saver.enabled = true;
    const { lanes, of } = worker(saver);
    await lanes.lane(0).configure({ ...fast, maxSteps: 1 }, 'scratch');
    for (let i = 0; i < 3; i++) {
      await lanes.step();
      await saver.idle();
    }
    expect(of('metrics').map((m) => m.iteration)).toEqual([1, 2, 3]);
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({ ok: false });
    expect(!reports[0].ok && reports[0].message).toMatch(/storage quota for this site is full.*training goes on/);
  }, 600_000);

  it('refuses broken or outdated records with a reason, never an exception', async () => {
    const cases: [unknown, RegExp][] = [
      [undefined, /not a saved run/],
      ['text', /not a saved run/],
      [{ format: SAVED_RUN_FORMAT, version: 99, savedAt: '', lanes: [{}] }, /another version of the page \(format 99/],
      [{ format: SAVED_RUN_FORMAT, version: SAVED_RUN_VERSION, savedAt: '', lanes: [{ config: {} }] }, /lane 0: /],
    ];
    for (const [record, reason] of cases) {
      const parsed = parseSavedRun(record);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.error).toMatch(reason);
    }
  });

  it('says plainly when the browser has no IndexedDB', async () => {
    const factory = globalThis.indexedDB;
    Reflect.deleteProperty(globalThis, 'indexedDB');
    try {
      await expect(openRunDatabase()).rejects.toThrow(/no IndexedDB storage/);
    } finally {
      Object.assign(globalThis, { indexedDB: factory });
    }
  });
});

