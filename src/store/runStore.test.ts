import { describe, expect, it } from 'vitest';
import { MAX_SAVED_HISTORY } from '../persist/savedRun';
import { DEFAULT_TRAIN_CONFIG } from '../train/config';
import type { FromWorker, RunStatus } from '../worker/protocol';
import { applyRunMessage, KEPT_ITERATIONS, useRun, type RunData } from './runStore';

const status = (generation: number, iteration = 0): RunStatus => ({
  generation, running: true, iteration, config: DEFAULT_TRAIN_CONFIG, init: 'base', initLabel: 'base', vocabulary: [], parameterCount: 1,
});
const metrics = (iteration: number, generation = 1): FromWorker => ({
  type: 'metrics', lane: 0, generation, iteration, metrics: { iteration, 'env/success_rate': iteration / 10 }, steps: [], trajectories: [],
});
const empty: RunData = { lanes: [{ status: null, history: [], recent: [] }], selection: null, detail: null };

describe('applyRunMessage', () => {
  it('appends an iteration of the current run and keeps the last few step records', () => {
    let data = applyRunMessage(empty, { type: 'run', lane: 0, status: status(1) });
    for (let i = 1; i <= KEPT_ITERATIONS + 2; i++) data = applyRunMessage(data, metrics(i));
    expect(data.lanes[0].history).toHaveLength(KEPT_ITERATIONS + 2);
    expect(data.lanes[0].recent.map((r) => r.iteration)[0]).toBe(3);
    expect(data.lanes[0].status?.iteration).toBe(KEPT_ITERATIONS + 2);
  });

  it('keeps the last MAX_SAVED_HISTORY iterations of metrics, as the worker and the saved run do', () => {
    let data = applyRunMessage(empty, { type: 'run', lane: 0, status: status(1) });
    for (let i = 1; i <= MAX_SAVED_HISTORY + 3; i++) data = applyRunMessage(data, metrics(i));
    expect(data.lanes[0].history).toHaveLength(MAX_SAVED_HISTORY);
    expect(data.lanes[0].history[0].iteration).toBe(4);
    expect(data.lanes[0].history.at(-1)!.iteration).toBe(MAX_SAVED_HISTORY + 3);
  });

  it('ignores a stale run\'s metrics and returns the same object', () => {
    const data = applyRunMessage(empty, { type: 'run', lane: 0, status: status(2) });
    expect(applyRunMessage(data, metrics(1, 1))).toBe(data);
  });

  it('a status message of the same run keeps the history and step records as they are (same objects)', () => {
    let data = applyRunMessage(empty, { type: 'run', lane: 0, status: status(1) });
    data = applyRunMessage(data, metrics(1));
    data = applyRunMessage(data, metrics(2));
    const next = applyRunMessage(data, { type: 'run', lane: 0, status: { ...status(1, 2), running: false } });
    expect(next.lanes[0].status?.running).toBe(false);
    expect(next.lanes[0].history).toBe(data.lanes[0].history);
    expect(next.lanes[0].recent).toBe(data.lanes[0].recent);
    // Back at an earlier iteration (after a divergence), what it undid is dropped.
    const back = applyRunMessage(data, { type: 'run', lane: 0, status: status(1, 1) });
    expect(back.lanes[0].history.map((m) => m.iteration)).toEqual([1]);
    expect(back.lanes[0].recent.map((r) => r.iteration)).toEqual([1]);
  });

  it('a new generation starts the lane over and drops its selection', () => {
    let data = applyRunMessage(empty, { type: 'run', lane: 0, status: status(1) });
    data = applyRunMessage(data, metrics(1));
    data = { ...data, selection: { lane: 0, iteration: 1, traj: 0, t: 0 } };
    data = applyRunMessage(data, { type: 'run', lane: 0, status: status(2) });
    expect(data.lanes[0].history).toEqual([]);
    expect(data.selection).toBeNull();
  });
});

describe('receiveMany', () => {
  it('applies a burst of messages as one store update', () => {
    let updates = 0;
    const unsubscribe = useRun.subscribe(() => updates++);
    useRun.getState().receiveMany([{ type: 'run', lane: 0, status: status(7) }, metrics(1, 7), metrics(2, 7), { type: 'lanes', count: 2 }]);
    unsubscribe();
    expect(updates).toBe(1);
    const { lanes } = useRun.getState();
    expect(lanes).toHaveLength(2);
    expect(lanes[0].history.map((m) => m.iteration)).toEqual([1, 2]);
  });
});
