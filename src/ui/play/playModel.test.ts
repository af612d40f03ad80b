import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ALFWORLD_PRESETS } from '../../envs/alfworld/presets';
import { generatedWorld, oracleHint, playEpisode, splitWebShopText, transcriptJsonLines, worldFromFile } from './playModel';

const example = (name: string) => readFileSync(new URL(`../../../docs/examples/${name}`, import.meta.url), 'utf8');

describe('play model', () => {
  it('plays an ALFWorld world to success along the oracle hint, with undo as a shorter replay', () => {
    const world = generatedWorld('alfworld', 'tiny', 3);
    const plan = oracleHint(world, []);
    expect(plan).not.toBeNull();
    const episode = playEpisode(world, plan!);
    expect(episode).toMatchObject({ done: true, won: true, stepCount: plan!.length, stepLimit: ALFWORLD_PRESETS.tiny.stepLimit });
    expect(episode.steps.at(-1)?.reward).toBe(1);
    const undone = playEpisode(world, plan!.slice(0, -1));
    expect(undone.done).toBe(false);
    expect(undone.steps).toEqual(episode.steps.slice(0, -1));
    // The hint follows the player: after the first plan step, the rest of the plan is still shortest.
    expect(oracleHint(world, plan!.slice(0, 1))).toHaveLength(plan!.length - 1);
  });

  it('counts an invalid action as a step that answers "Nothing happens."', () => {
    const episode = playEpisode(generatedWorld('alfworld', 'tiny', 3), ['dance']);
    expect(episode.stepCount).toBe(1);
    expect(episode.steps[1]).toMatchObject({ action: 'dance', observation: 'Nothing happens.', valid: false, done: false });
  });

  it('plays a WebShop goal to a score-1 purchase and reports the reward parts', () => {
    const world = generatedWorld('webshop', 'tiny', 5);
    const episode = playEpisode(world, oracleHint(world, [])!);
    expect(episode.won).toBe(true);
    expect(episode.purchase).toMatchObject({ score: 1, r_type: 1, r_att: 1, r_option: 1, r_price: 1 });
    expect(splitWebShopText(episode.steps[0].observation)[0]).toBe('WebShop');
  });

  it('writes the replay CLI format', () => {
    const world = worldFromFile('scene.json', example('alfworld-scene.json'), 'webshop', 0);
    if (!world.ok) throw new Error(world.errors.join('\n'));
    expect(world.world.env).toBe('alfworld');
    const lines = transcriptJsonLines(playEpisode(world.world, ['go to fridge 1'])).trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines[0]).toMatchObject({ step: 0, action: null, reward: 0, done: false });
    expect(Object.keys(lines[1])).toEqual(['step', 'action', 'observation', 'reward', 'done', 'admissible']);
    expect(lines[1].observation).toBe('You arrive at fridge 1. The fridge 1 is closed.');
  });

  it('loads a catalogue file and picks the goal by seed', () => {
    const loaded = worldFromFile('shop.json', example('webshop-catalogue.json'), 'alfworld', 3);
    expect(loaded.ok && loaded.world.env === 'webshop' && loaded.world.goal.id).toBe(1);
  });

  it('reports bad files with the field or the file named', () => {
    expect(worldFromFile('x.json', '{oops', 'alfworld', 0)).toEqual({ ok: false, errors: [expect.stringMatching(/^x\.json is not valid JSON/)] });
    const scene = JSON.stringify({ receptacles: [{ name: 'countertop 1', contents: ['spoonn 1'] }], task: { type: 'pick_and_place_simple', object: 'apple', receptacle: 'bed' } });
    const bad = worldFromFile('s.json', scene, 'webshop', 0);
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.errors).toContain('receptacles[0].contents[0]: unknown object type "spoonn"');
    const neither = worldFromFile('n.json', '{"rooms": []}', 'alfworld', 0);
    expect(!neither.ok && neither.errors.join('\n')).toMatch(/receptacles/);
  });
});

describe('play choices', () => {
  it('offer exactly the presets of each environment', async () => {
    const { presetsOf } = await import('./playChoices');
    const { ALFWORLD_PRESET_NAMES } = await import('../../envs/alfworld/index');
    const { WEBSHOP_PRESETS } = await import('../../envs/webshop/index');
    expect(presetsOf('alfworld')).toEqual(ALFWORLD_PRESET_NAMES);
    expect(presetsOf('webshop')).toEqual(Object.keys(WEBSHOP_PRESETS));
  });
});
