import { describe, expect, it } from 'vitest';
import { createRng } from '../../core/prng';
import { demonstrate, generateTask, oraclePlan, parseScene, type AlfworldGame } from './index';

/** A kitchen whose only apple sits in one of two closed cabinets. */
function hiddenAppleKitchen(appleIn: 'cabinet 1' | 'cabinet 2'): AlfworldGame {
  const parsed = parseScene({
    receptacles: [
      { name: 'cabinet 1', open: false, contents: appleIn === 'cabinet 1' ? ['apple 1'] : ['bowl 1'] },
      { name: 'cabinet 2', open: false, contents: appleIn === 'cabinet 2' ? ['apple 1'] : ['bowl 1'] },
      { name: 'countertop 1', contents: ['mug 1'] },
      { name: 'fridge 1', open: false, contents: [] },
      { name: 'diningtable 1', contents: [] },
    ],
    task: { type: 'pick_cool_then_place_in_recep', object: 'apple', receptacle: 'diningtable' },
  });
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.game;
}

describe('ALFWorld observing demonstrator', () => {
  it('solves generated worlds of every preset, with and without noise', () => {
    for (const preset of ['tiny', 'small', 'standard']) {
      for (const noise of [0, 0.2]) {
        let wins = 0;
        for (let seed = 0; seed < 60; seed++) if (demonstrate(generateTask(seed, preset), { noise, rng: createRng(seed) }).won) wins++;
        expect(wins, `${preset} noise ${noise}`).toBeGreaterThanOrEqual(57);
      }
    }
  });

  it('acts only on what it has seen: it searches the same way wherever the hidden object is', () => {
    const rng = () => createRng('same-stream');
    const first = demonstrate(hiddenAppleKitchen('cabinet 1'), { rng: rng() }).actions;
    const second = demonstrate(hiddenAppleKitchen('cabinet 2'), { rng: rng() }).actions;
    // Both runs must agree up to the moment the apple is seen, i.e. until the first cabinet is opened.
    const firstOpen = first.findIndex((a) => a.startsWith('open cabinet'));
    expect(firstOpen).toBeGreaterThanOrEqual(0);
    expect(second.slice(0, firstOpen + 1)).toEqual(first.slice(0, firstOpen + 1));
    // In one of the two worlds it opens the wrong cabinet first, so it is longer than the all-knowing oracle there.
    const longer = [first, second].some((actions, i) =>
      actions.length > oraclePlan(hiddenAppleKitchen(i === 0 ? 'cabinet 1' : 'cabinet 2'))!.length);
    expect(longer).toBe(true);
  });

  it('is deterministic given its PRNG', () => {
    const game = generateTask(3, 'standard');
    const a = demonstrate(game, { noise: 0.3, rng: createRng(9) });
    const b = demonstrate(game, { noise: 0.3, rng: createRng(9) });
    expect(a).toEqual(b);
  });
});
