import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AlfworldEnv, NOTHING_HAPPENS, parseScene, type AlfworldGame } from './index';

const exampleScene = JSON.parse(readFileSync(new URL('../../../docs/examples/alfworld-scene.json', import.meta.url), 'utf8'));

/** Builds a game from a scene object, failing the test with the parser's messages if it is rejected. */
function sceneGame(scene: unknown): AlfworldGame {
  const parsed = parseScene(scene);
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.game;
}

/** A small kitchen for precondition tests. */
const kitchen = {
  receptacles: [
    { name: 'countertop 1', contents: ['apple 1', 'mug 1'] },
    { name: 'cabinet 1', open: false, contents: ['bowl 1'] },
    { name: 'microwave 1', open: false, contents: [] },
    { name: 'fridge 1', open: false, contents: [] },
    { name: 'sinkbasin 1', contents: [] },
    { name: 'coffeemachine 1', contents: [] },
    { name: 'sidetable 1', contents: ['desklamp 1'] },
  ],
  task: { type: 'pick_heat_then_place_in_recep', object: 'apple', receptacle: 'sidetable' },
};

function play(game: AlfworldGame, actions: readonly string[]) {
  const env = new AlfworldEnv();
  env.reset(game);
  return { env, results: actions.map((a) => env.step(a)) };
}

describe('ALFWorld-lite texts (reference §1.3)', () => {
  it('reproduces the real react_clean_1 transcript word for word', () => {
    const env = new AlfworldEnv();
    const start = env.reset(sceneGame(exampleScene));
    expect(start.text).toBe(
      '-= Welcome to TextWorld, ALFRED! =-\n\n'
      + 'You are in the middle of a room. Looking quickly around you, you see a cabinet 4, a cabinet 3, a cabinet 2, a cabinet 1, '
      + 'a coffeemachine 1, a countertop 1, a diningtable 3, a diningtable 2, a diningtable 1, a drawer 1, a fridge 1, a garbagecan 1, '
      + 'a microwave 1, a sidetable 1, a sinkbasin 1, a stoveburner 4, a stoveburner 3, a stoveburner 2, a stoveburner 1, and a toaster 1.\n\n'
      + 'Your task is to: clean some apple and put it in sidetable.',
    );
    expect(start.goal).toBe('Your task is to: clean some apple and put it in sidetable.');
    const transcript: Array<[string, string]> = [
      ['go to fridge 1', 'You arrive at fridge 1. The fridge 1 is closed.'],
      ['open fridge 1', 'You open the fridge 1. The fridge 1 is open. In it, you see a lettuce 2, a mug 2, a potato 2, and a tomato 1.'],
      ['go to diningtable 1', 'You arrive at diningtable 1. On the diningtable 1, you see nothing.'],
      ['go to garbagecan 1', 'You arrive at garbagecan 1. On the garbagecan 1, you see a apple 3, and a egg 3.'],
      ['take apple 3 from garbagecan 1', 'You pick up the apple 3 from the garbagecan 1.'],
      ['go to sinkbasin 1', 'You arrive at sinkbasin 1. On the sinkbasin 1, you see a cup 2, a egg 1, a mug 1, and a potato 3.'],
      ['clean apple 3 with sinkbasin 1', 'You clean the apple 3 using the sinkbasin 1.'],
      ['go to sidetable 1', 'You arrive at sidetable 1. On the sidetable 1, you see a cup 1, a lettuce 1, a peppershaker 3, a potato 1, and a saltshaker 1.'],
      ['move apple 3 to sidetable 1', 'You move the apple 3 to the sidetable 1.'],
    ];
    transcript.forEach(([action, expected], i) => {
      const result = env.step(action);
      expect(result.observation).toBe(expected);
      const last = i === transcript.length - 1;
      expect([result.reward, result.terminated, result.won, result.truncated]).toEqual([last ? 1 : 0, last, last, false]);
    });
  });

  it('answers look, inventory and examine with the grammar texts', () => {
    const { results } = play(sceneGame(kitchen), [
      'inventory', 'go to countertop 1', 'look', 'take apple 1 from countertop 1', 'inventory', 'examine apple 1',
      'go to microwave 1', 'heat apple 1 with microwave 1', 'examine apple 1', 'examine microwave 1', 'go to cabinet 1', 'close cabinet 1',
    ]);
    expect(results.map((r) => r.observation)).toEqual([
      'You are not carrying anything.',
      'You arrive at countertop 1. On the countertop 1, you see a apple 1, and a mug 1.',
      'You are facing the countertop 1. Next to it, you see nothing.',
      'You pick up the apple 1 from the countertop 1.',
      'You are carrying: a apple 1.',
      "There's nothing special about apple 1.",
      'You arrive at microwave 1. The microwave 1 is closed.',
      'You heat the apple 1 using the microwave 1.',
      'This is a hot apple 1.',
      'The microwave 1 is closed.',
      'You arrive at cabinet 1. The cabinet 1 is closed.',
      NOTHING_HAPPENS,
    ]);
  });
});

describe('ALFWorld-lite preconditions (reference §1.2)', () => {
  it('take needs empty hands and an open receptacle', () => {
    const { env, results } = play(sceneGame(kitchen), [
      'go to cabinet 1', 'take bowl 1 from cabinet 1', 'open cabinet 1', 'take bowl 1 from cabinet 1',
      'go to countertop 1', 'take apple 1 from countertop 1',
    ]);
    expect(results[1].observation).toBe(NOTHING_HAPPENS);
    expect(results[3].observation).toBe('You pick up the bowl 1 from the cabinet 1.');
    expect(results[5].observation).toBe(NOTHING_HAPPENS);
    expect(env.admissibleActions().some((a) => a.startsWith('take '))).toBe(false);
  });

  it('put needs the receptacle open and able to hold the object; the old put verb is an alias', () => {
    const { results } = play(sceneGame(kitchen), [
      'go to countertop 1', 'take mug 1 from countertop 1', 'go to cabinet 1', 'move mug 1 to cabinet 1', 'open cabinet 1',
      'go to coffeemachine 1', 'go to microwave 1', 'open microwave 1', 'go to sinkbasin 1', 'put mug 1 in/on sinkbasin 1',
    ]);
    expect(results[3].observation).toBe(NOTHING_HAPPENS);
    expect(results[3].valid).toBe(false);
    const { results: fits } = play(sceneGame(kitchen), ['go to countertop 1', 'take apple 1 from countertop 1', 'go to coffeemachine 1', 'move apple 1 to coffeemachine 1']);
    expect(fits[3].observation).toBe(NOTHING_HAPPENS);
    expect(results[9].observation).toBe('You move the mug 1 to the sinkbasin 1.');
    const { results: alias } = play(sceneGame(kitchen), ['go to countertop 1', 'take apple 1 from countertop 1', 'go to sidetable 1', 'put apple 1 on sidetable 1']);
    expect(alias[3].observation).toBe('You move the apple 1 to the sidetable 1.');
  });

  it('heat, cool and clean need the right appliance but not an open one', () => {
    const steps = ['go to countertop 1', 'take apple 1 from countertop 1', 'go to fridge 1', 'heat apple 1 with fridge 1', 'cool apple 1 with fridge 1',
      'go to microwave 1', 'clean apple 1 with microwave 1', 'heat apple 1 with microwave 1', 'go to sinkbasin 1', 'clean apple 1 with sinkbasin 1'];
    const { env, results } = play(sceneGame(kitchen), steps);
    expect(results.map((r) => r.valid)).toEqual([true, true, true, false, true, true, false, true, true, true]);
    const apple = env.snapshot().objects.find((o) => o.name === 'apple 1');
    expect(apple).toMatchObject({ isHot: true, isCool: false, isClean: true });
  });

  it('a lamp can only be used at its location', () => {
    const { results } = play(sceneGame(kitchen), ['use desklamp 1', 'go to sidetable 1', 'use desklamp 1']);
    expect(results.map((r) => r.observation)).toEqual([NOTHING_HAPPENS, 'You arrive at sidetable 1. On the sidetable 1, you see a desklamp 1.', 'You turn on the desklamp 1.']);
  });

  it('goals name types: look-in-light succeeds holding the object at the lit lamp', () => {
    const game = sceneGame({ ...kitchen, task: { type: 'look_at_obj_in_light', object: 'mug', lamp: 'desklamp' } });
    const { results } = play(game, ['go to sidetable 1', 'use desklamp 1', 'go to countertop 1', 'take mug 1 from countertop 1', 'go to sidetable 1']);
    expect(results.map((r) => r.won)).toEqual([false, false, false, false, true]);
  });

  it('pick-two needs both objects in the same receptacle instance', () => {
    const scene = {
      receptacles: [
        { name: 'countertop 1', contents: ['mug 1', 'mug 2'] }, { name: 'diningtable 1', contents: [] }, { name: 'diningtable 2', contents: [] },
      ],
      task: { type: 'pick_two_obj_and_place', object: 'mug', receptacle: 'diningtable' },
    };
    const apart = play(sceneGame(scene), ['go to countertop 1', 'take mug 1 from countertop 1', 'go to diningtable 1', 'move mug 1 to diningtable 1',
      'go to countertop 1', 'take mug 2 from countertop 1', 'go to diningtable 2', 'move mug 2 to diningtable 2']);
    expect(apart.results.some((r) => r.won)).toBe(false);
    const together = play(sceneGame(scene), ['go to countertop 1', 'take mug 1 from countertop 1', 'go to diningtable 2', 'move mug 1 to diningtable 2',
      'go to countertop 1', 'take mug 2 from countertop 1', 'go to diningtable 2', 'move mug 2 to diningtable 2']);
    expect(together.results.map((r) => r.won)).toEqual([false, false, false, false, false, false, false, true]);
  });
});

describe('ALFWorld-lite admissible actions (reference §1.4)', () => {
  it('starts with go to every receptacle, inventory and look, sorted by code point, without help', () => {
    const env = new AlfworldEnv();
    env.reset(sceneGame(kitchen));
    expect(env.admissibleActions()).toEqual([
      'go to cabinet 1', 'go to coffeemachine 1', 'go to countertop 1', 'go to fridge 1', 'go to microwave 1', 'go to sidetable 1',
      'go to sinkbasin 1', 'inventory', 'look',
    ]);
  });

  it('at a receptacle: sorted, no self go-to, examine, open/close and visible takes only', () => {
    const env = new AlfworldEnv();
    env.reset(sceneGame(exampleScene));
    env.step('go to cabinet 3');
    const closedList = env.admissibleActions();
    expect(closedList).toContain('open cabinet 3');
    expect(closedList).toContain('examine cabinet 3');
    expect(closedList).not.toContain('go to cabinet 3');
    expect(closedList.some((a) => a.startsWith('take '))).toBe(false);
    env.step('open cabinet 3');
    const openList = env.admissibleActions();
    expect(openList).toContain('take bowl 1 from cabinet 3');
    expect(openList).toContain('close cabinet 3');
    expect(openList).not.toContain('help');
    expect(openList).toEqual([...new Set(openList)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it('an action that is not admissible is a no-op that still uses a step; garbage never throws', () => {
    const env = new AlfworldEnv();
    env.reset(sceneGame(kitchen));
    const before = JSON.stringify(env.snapshot());
    for (const junk of ['go to cabinet 9', 'help', '', 'x'.repeat(10_000), '<action>go to</action>', 'take apple 1 from countertop 1']) {
      const result = env.step(junk);
      expect(result).toMatchObject({ observation: NOTHING_HAPPENS, valid: false, reward: 0 });
    }
    expect(env.stepCount).toBe(6);
    expect(JSON.stringify(env.snapshot())).toBe(before);
    expect(env.step('  GO   TO Cabinet 1 ').observation).toBe('You arrive at cabinet 1. The cabinet 1 is closed.');
  });
});

describe('ALFWorld-lite episode end', () => {
  it('truncates at the step limit, separately from terminating', () => {
    const game = { ...sceneGame(kitchen), stepLimit: 5 };
    const env = new AlfworldEnv();
    env.reset(game);
    const results = Array.from({ length: 5 }, () => env.step('look'));
    expect(results.map((r) => r.truncated)).toEqual([false, false, false, false, true]);
    expect(results[4]).toMatchObject({ terminated: false, won: false, reward: 0 });
    expect(env.done).toBe(true);
    expect(env.admissibleActions()).toEqual([]);
    expect(env.step('look')).toMatchObject({ valid: false, truncated: true });
    expect(env.stepCount).toBe(5);
  });

  it('defaults to the 50-step limit of the real benchmark', () => {
    const env = new AlfworldEnv();
    env.reset(sceneGame(exampleScene));
    let result = env.step('look');
    for (let i = 1; i < 50; i++) {
      expect(result.truncated).toBe(false);
      result = env.step('look');
    }
    expect(result.truncated).toBe(true);
  });
});
