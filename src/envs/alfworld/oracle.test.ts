import { describe, expect, it } from 'vitest';
import { generateTask, oraclePlan, parseScene, progressSteps, type AlfworldGame } from './index';

/** A kitchen whose only apple sits closed in cabinet 2; the goal is to put it on the dining table. */
function kitchen(): AlfworldGame {
  const parsed = parseScene({
    receptacles: [
      { name: 'cabinet 1', open: false, contents: ['bowl 1'] },
      { name: 'cabinet 2', open: false, contents: ['apple 1'] },
      { name: 'diningtable 1', contents: [] },
    ],
    task: { type: 'pick_and_place_simple', object: 'apple', receptacle: 'diningtable' },
  });
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.game;
}

describe('progressSteps', () => {
  it('marks the oracle plan as progress at every step', () => {
    const game = generateTask(5, 'long');
    const plan = oraclePlan(game)!;
    expect(plan.length).toBeGreaterThan(2);
    expect(progressSteps(game, plan)).toEqual(plan.map(() => true));
  });

  it('does not count detours, wrong guesses, inadmissible actions or steps after the goal', () => {
    const game = kitchen();
    const labels = progressSteps(game, [
      'go to cabinet 1', 'open cabinet 1', 'go to cabinet 2', 'open cabinet 2', 'jump', 'take apple 1 from cabinet 2',
      'go to diningtable 1', 'move apple 1 to diningtable 1', 'go to cabinet 1',
    ]);
    expect(labels).toEqual([false, false, true, true, false, true, true, true, false]);
  });
});
