import { describe, expect, it } from 'vitest';
import { playgroundStepLines } from './playground';
import { stepLineSchema } from './stepFormat';

describe('playgroundStepLines', () => {
  const trajectory = {
    id: 3, group: 1, taskSeed: 42, reward: 1,
    steps: [
      { t: 0, observation: 'You are in a room.', tokens: [5, 6], logProbs: [-0.5, -0.01], tokenEntropies: [0.9, 0.05], scoreNorms: [0.6, 0.02], action: 'go north', valid: true },
      { t: 1, observation: 'A key.', tokens: [7], logProbs: [-0.2], tokenEntropies: [0.3], scoreNorms: [0.25], action: 'take', valid: false },
    ],
  };
  const vocabulary = ['<pad>', '<bos>', '<eos>', '<unk>', '<sep>', 'go', 'north', 'take'];

  it('writes one valid empg-steps/v1 line per step, tokens as text and grad_sq = ‖e_a − p‖²', () => {
    const lines = playgroundStepLines(9, [trajectory], [{ traj: 3, t: 0, finalAdvantage: 0.4 }, { traj: 3, t: 1, finalAdvantage: -0.1 }], vocabulary);
    const [a, b] = lines.map((line) => stepLineSchema.parse(JSON.parse(line)));
    expect(a).toMatchObject({ train_step: 9, traj_id: '9-3', group_id: 'task-42-1', step_idx: 0, num_steps: 2, tokens: ['go', 'north'], advantage: 0.4, valid_action: true });
    expect(a.grad_sq).toEqual([0.36, 0.0004]);
    expect(b).toMatchObject({ step_idx: 1, tokens: ['take'], advantage: -0.1, valid_action: false, outcome_reward: 1 });
  });

  it('refuses a step without an advantage', () => {
    expect(() => playgroundStepLines(1, [trajectory], [{ traj: 3, t: 0, finalAdvantage: 0 }], vocabulary)).toThrow(/no advantage for trajectory 3 step 1/);
  });
});
