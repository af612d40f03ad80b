import { describe, expect, it } from 'vitest';
import type { LaneProgress } from '../../store/progressStore';
import { describeProgress } from './progressWords';

const first = { phase: 'rollout', round: 0, step: 1, maxSteps: 15, finished: 0, episodes: 64 } as const;
const rollout = (step: number, abandoned = false, rerun = false): LaneProgress => ({
  lane: 0, generation: 1, iteration: 4, abandoned, start: first, rerun,
  progress: { phase: 'rollout', round: 0, step, maxSteps: 15, finished: 10, episodes: 64 },
});
const update = (minibatch: number, rerun = false): LaneProgress => ({
  lane: 1, generation: 1, iteration: 4, abandoned: false, start: first, rerun, progress: { phase: 'update', minibatch, minibatches: 5 },
});

describe('describeProgress', () => {
  it('says where the iteration is, in words, with the fill of the phase', () => {
    expect(describeProgress(rollout(7), true, false, null)).toEqual({
      text: 'Iteration 4 · rollout: step 7 of at most 15 · 10 of 64 episodes finished', fraction: 6 / 15, phase: 'rollout',
    });
    expect(describeProgress(update(2), true, false, 'GRPO')).toMatchObject({ text: 'Iteration 4 (GRPO) · update: minibatch 2 of 5 applied', fraction: 0.4 });
    expect(describeProgress(update(0), true, false, null).text).toMatch(/5 minibatches to apply/);
  });

  it('tells a pause that is on its way from one that took effect', () => {
    // A Step runs with the lanes not playing: that is not a pause.
    expect(describeProgress(rollout(7), false, false, null).phase).toBe('rollout');
    expect(describeProgress(rollout(7), true, true, null)).toMatchObject({ phase: 'pausing', text: expect.stringMatching(/pausing at the next safe point \(now at rollout step 7/) });
    const abandoned = describeProgress(rollout(7, true), false, false, null);
    expect(abandoned.phase).toBe('abandoned');
    expect(abandoned.text).toMatch(/^Paused in iteration 4 at rollout step 7 of at most 15: .*dropped.*Play runs it again/);
  });

  it('says when an iteration that Pause dropped runs again from its start', () => {
    expect(describeProgress(rollout(3, false, true), true, false, null).text).toBe('Iteration 4 (run again from its start) · rollout: step 3 of at most 15 · 10 of 64 episodes finished');
    expect(describeProgress(update(2, true), true, false, null).text).toMatch(/^Iteration 4 \(run again from its start\) · update: minibatch 2 of 5/);
    expect(describeProgress(rollout(3, true, true), false, false, null).text).toMatch(/^Paused in iteration 4 at rollout step 3/);
  });

  it('before the live run exists it says the run is starting, and that a pressed Step or Play waits for it', () => {
    expect(describeProgress(null, false, false, null, { backend: 'selecting', queued: null })).toEqual({
      text: 'Starting the run: choosing a backend (a speed probe and a self-check)…', fraction: 0, phase: 'starting',
    });
    expect(describeProgress(null, false, false, null, { backend: 'ready', queued: 'step' }).text)
      .toBe('Starting the run: building the model… Step runs one iteration as soon as it is ready.');
    expect(describeProgress(null, false, false, null, { backend: 'starting', queued: 'play' }).text).toMatch(/choosing a backend.*Play starts training as soon as it is ready/);
  });

  it('between iterations it says so', () => {
    expect(describeProgress(null, false, false, null).phase).toBe('idle');
    expect(describeProgress(null, true, false, null).text).toMatch(/next iteration/);
  });
});
