import { describe, expect, it } from 'vitest';
import type { LaneView } from '../../store/runStore';
import { DEFAULT_TRAIN_CONFIG } from '../../train/config';
import { defaultLane, followTarget } from './followNewest';

function lane(empg: 'off' | 'full', iterations: number[]): LaneView {
  return {
    status: {
      generation: 1, running: true, iteration: iterations.at(-1) ?? 0, config: { ...DEFAULT_TRAIN_CONFIG, empg },
      init: 'base', initLabel: 'base', vocabulary: [], parameterCount: 0,
    },
    history: [],
    recent: iterations.map((iteration) => ({
      iteration, steps: [],
      trajectories: [3, 4].map((id) => ({ id, group: 0, task: 't', won: false, reward: 0, length: 2 })),
    })),
  };
}

describe('the inspector follows the newest iteration', () => {
  it('opens on the EMPG lane', () => {
    expect(defaultLane([lane('off', [1]), lane('full', [1])])).toBe(1);
    expect(defaultLane([lane('off', [1])])).toBe(0);
  });

  it('moves an unpinned selection to the newest iteration', () => {
    const lanes = [lane('off', [1, 2]), lane('full', [1, 2])];
    expect(followTarget(lanes, null, false)).toEqual({ lane: 1, iteration: 2, traj: 3, t: 0 });
    expect(followTarget(lanes, { lane: 1, iteration: 1, traj: 4, t: 1 }, false)).toEqual({ lane: 1, iteration: 2, traj: 3, t: 0 });
    expect(followTarget(lanes, { lane: 1, iteration: 2, traj: 3, t: 0 }, false)).toBeNull();
  });

  it('keeps a pinned step while it is kept, and follows again once it is gone', () => {
    const pinned = { lane: 0, iteration: 1, traj: 4, t: 1 };
    expect(followTarget([lane('off', [1, 2]), lane('full', [1, 2])], pinned, true)).toBeNull();
    expect(followTarget([lane('off', [2, 3]), lane('full', [2, 3])], pinned, true)).toEqual({ lane: 1, iteration: 3, traj: 3, t: 0 });
  });
});
