import { describe, expect, it } from 'vitest';
import type { LaneProgress } from '../../store/progressStore';
import { describeProgress } from './progressWords';

const rollout = (step: number, abandoned = false): LaneProgress => ({
  lane: 0, generation: 1, iteration: 4, abandoned,
  progress: { phase: 'rollout', round: 0, step, maxSteps: 15, finished: 10, episodes: 64 },
});
const update = (minibatch: number): LaneProgress => ({ lane: 1, generation: 1, iteration: 4, abandoned: false, progress: { phase: 'update', minibatch, minibatches: 5 } });

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

  it('between iterations it says so', () => {
    expect(describeProgress(null, false, false, null).phase).toBe('idle');
    expect(describeProgress(null, true, false, null).text).toMatch(/next iteration/);
  });
});
