import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { oraclePlan, parseScene } from './index';

const example = JSON.parse(readFileSync(new URL('../../../docs/examples/alfworld-scene.json', import.meta.url), 'utf8'));

/** The example with one change applied to a deep copy. */
function variant(change: (scene: typeof example) => void): unknown {
  const copy = structuredClone(example);
  change(copy);
  return copy;
}

function errorsOf(json: unknown): string[] {
  const result = parseScene(json);
  return result.ok ? [] : result.errors;
}

describe('ALFWorld scene files', () => {
  it('accepts the documented example and builds a solvable game from it', () => {
    const result = parseScene(example);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.game.initial.receptacles).toHaveLength(20);
    expect(result.game.task).toMatchObject({ type: 'pick_clean_then_place_in_recep', objectType: 'apple', receptacleType: 'sidetable' });
    expect(oraclePlan(result.game)).toEqual([
      'go to garbagecan 1', 'take apple 3 from garbagecan 1', 'go to sinkbasin 1', 'clean apple 3 with sinkbasin 1', 'go to sidetable 1', 'move apple 3 to sidetable 1',
    ]);
  });

  it('names the field and the problem for each mistake', () => {
    expect(errorsOf(variant((s) => { s.receptacles[2].contents[0] = 'spoonn 1'; }))).toEqual(['receptacles[2].contents[0]: unknown object type "spoonn"']);
    expect(errorsOf(variant((s) => { s.receptacles[4].name = 'coffeemaker 1'; }))).toEqual(['receptacles[4].name: unknown receptacle type "coffeemaker"']);
    expect(errorsOf(variant((s) => { s.receptacles[5].open = true; }))).toEqual(['receptacles[5].open: a countertop cannot be opened or closed']);
    expect(errorsOf(variant((s) => { s.receptacles[1].name = 'cabinet 1'; }))).toEqual(['receptacles[1].name: duplicate receptacle "cabinet 1"']);
    expect(errorsOf(variant((s) => { s.task.receptacle = 'bed'; }))).toEqual(['task.receptacle: the scene has no bed']);
    expect(errorsOf(variant((s) => { s.task.object = 'fork'; s.task.type = 'pick_heat_then_place_in_recep'; }))).toEqual(['task.object: "fork" is not heatable']);
    expect(errorsOf(variant((s) => { s.task.type = 'pick_two_obj_and_place'; }))).toEqual(['task.object: the scene holds too few "apple" objects for pick_two_obj_and_place']);
    expect(errorsOf(variant((s) => { s.receptacles.splice(14, 1); }))).toEqual(['task.type: pick_clean_then_place_in_recep needs a sinkbasin in the scene']);
  });

  it('accepts the whole ALFWorld object catalogue, per-instance openability and shared places', () => {
    const result = parseScene(variant((s) => {
      s.receptacles[5].contents.push('pineapple 1', 'papertowelroll 1', 'glassbottle 2', 'houseplant 1', 'sink 1', 'box 1', 'television 1', 'mirror 1');
      s.receptacles[0] = { name: 'cabinet 1', openable: false, contents: ['dishsponge 1'], place: 'cabinets 1-2' };
      s.receptacles[1] = { name: 'cabinet 2', open: false, contents: [], place: 'cabinets 1-2' };
      s.receptacles.push({ name: 'ottoman 1' }, { name: 'cart 1' });
    }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const cabinet1 = result.game.initial.receptacles.find((r) => r.name === 'cabinet 1');
    expect(cabinet1).toMatchObject({ openable: false, isOpen: false, place: 'cabinets 1-2' });
  });

  it('refuses openability where the type has none, and an open state where the instance has none', () => {
    expect(errorsOf(variant((s) => { s.receptacles[5].openable = true; }))).toEqual(['receptacles[5].openable: a countertop cannot be opened or closed']);
    expect(errorsOf(variant((s) => { s.receptacles[0].openable = false; }))).toEqual([
      'receptacles[0].open: cabinet 1 is marked "openable": false, so it is neither open nor closed',
    ]);
    expect(errorsOf(variant((s) => { s.receptacles[5].contents.push('box 1'); s.task.object = 'box'; s.task.type = 'pick_and_place_simple'; s.task.receptacle = 'garbagecan'; })))
      .toEqual(['task.receptacle: a garbagecan cannot hold box']);
  });

  it('reports schema errors with their paths', () => {
    expect(errorsOf(variant((s) => { s.receptacles[3].contents = 'bowl 1'; }))[0]).toMatch(/^receptacles\[3\]\.contents: /);
    expect(errorsOf(variant((s) => { s.receptacles[0].contents[0] = 'dish sponge'; }))[0]).toMatch(/^receptacles\[0\]\.contents\[0\]: /);
    expect(errorsOf(variant((s) => { s.task.type = 'pick_and_slice'; }))[0]).toMatch(/^task\.type: /);
    expect(errorsOf(variant((s) => { s.colour = 'blue'; }))[0]).toMatch(/colour/);
    expect(errorsOf(variant((s) => { s.stepLimit = -3; }))[0]).toMatch(/^stepLimit: /);
    expect(errorsOf(null)[0]).toMatch(/^\(root\): /);
  });

  it('rejects a scene whose goal already holds', () => {
    const solved = variant((s) => {
      s.task = { type: 'pick_and_place_simple', object: 'cup', receptacle: 'sidetable' };
      delete s.goal;
    });
    expect(errorsOf(solved)).toEqual(['task: the goal already holds at the start']);
  });

  it('fills the goal from the template when the file gives none, and strips the task prefix when it does', () => {
    const withoutGoal = parseScene(variant((s) => { delete s.goal; s.task.variant = 0; }));
    expect(withoutGoal.ok && withoutGoal.game.task.description).toBe('put a clean apple in sidetable');
    const prefixed = parseScene(variant((s) => { s.goal = 'Your task is to: clean some apple and put it in sidetable.'; }));
    expect(prefixed.ok && prefixed.game.task.description).toBe('clean some apple and put it in sidetable');
  });
});
