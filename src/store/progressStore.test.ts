import { describe, expect, it } from 'vitest';
import type { IterationProgress } from '../train/trainer';
import type { FromWorker } from '../worker/protocol';
import { applyProgressMessage, useProgress, type LaneProgress } from './progressStore';

const step = (n: number): IterationProgress => ({ phase: 'rollout', round: 0, step: n, maxSteps: 15, finished: 0, episodes: 32 });
const progress = (iteration: number, at: IterationProgress, abandoned = false): FromWorker => ({
  type: 'progress', lane: 0, generation: 1, iteration, progress: at, ...(abandoned ? { abandoned: true as const } : {}),
});
const replay = (messages: FromWorker[]): (LaneProgress | null)[] => {
  let latest: LaneProgress | null = null;
  return messages.map((m) => (latest = applyProgressMessage(latest, m)));
};

describe('applyProgressMessage', () => {
  it('keeps where a run of an iteration began, whatever the page drew of it', () => {
    const states = replay([progress(1, step(1)), progress(1, step(2)), progress(1, step(3))]);
    expect(states.map((s) => s?.start)).toEqual([step(1), step(1), step(1)]);
    expect(states.every((s) => s?.rerun === false)).toBe(true);
  });

  it('marks the run after Pause dropped the same iteration as a rerun from its first report', () => {
    const states = replay([
      progress(1, step(1)), progress(1, step(2)), progress(1, step(3), true),
      progress(1, step(1)), progress(1, step(2)), progress(1, { phase: 'update', minibatch: 1, minibatches: 2 }),
    ]);
    expect(states[2]).toMatchObject({ abandoned: true, rerun: false, start: step(1) });
    expect(states.slice(3).map((s) => [s?.rerun, s?.start])).toEqual([[true, step(1)], [true, step(1)], [true, step(1)]]);
  });

  it('a new iteration, a new run generation or a finished iteration is no rerun', () => {
    const next = replay([progress(1, step(2), true), progress(2, step(1))]);
    expect(next[1]?.rerun).toBe(false);
    const reset = replay([progress(1, step(2), true), { ...progress(1, step(1)), generation: 2 } as FromWorker]);
    expect(reset[1]?.rerun).toBe(false);
    const done = replay([progress(1, step(2)), { type: 'metrics', lane: 0, generation: 1, iteration: 1, metrics: {}, steps: [], trajectories: [] }]);
    expect(done[1]).toBeNull();
  });

  it('a command pressed before the live run existed is shown as waiting until a lane’s run is reported', () => {
    const store = useProgress.getState();
    store.setQueued('step');
    store.receiveMany([{ type: 'status', phase: 'selecting' }, progress(1, step(1))]);
    expect(useProgress.getState().queued).toBe('step');
    store.receiveMany([{ type: 'lanes', count: 1 }]);
    expect(useProgress.getState().queued).toBe('step');
    const run: FromWorker = { type: 'run', lane: 0, status: { generation: 1, running: false, iteration: 0 } as never };
    store.receiveMany([run]);
    expect(useProgress.getState().queued).toBeNull();
    store.setQueued('play');
    store.receiveMany([{ type: 'error', kind: 'internal', message: 'the backend could not start' }]);
    expect(useProgress.getState().queued).toBeNull();
  });
});
