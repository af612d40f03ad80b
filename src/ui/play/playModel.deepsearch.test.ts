import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEEPSEARCH_PRESETS } from '../../envs/deepsearch/index';
import { PRESETS } from './playChoices';
import { generatedWorld, oracleHint, playEpisode, worldFromFile } from './playModel';

const example = (name: string) => readFileSync(new URL(`../../../docs/examples/${name}`, import.meta.url), 'utf8');

describe('play model: Deep Search-lite', () => {
  it('plays a question to a correct answer along the oracle hint, and the hint follows the player', () => {
    const world = generatedWorld('deepsearch', 'tiny', 4);
    const plan = oracleHint(world, []);
    expect(plan).not.toBeNull();
    const episode = playEpisode(world, plan!);
    expect(episode).toMatchObject({ done: true, won: true, stepCount: plan!.length, stepLimit: DEEPSEARCH_PRESETS.tiny.env.stepLimit });
    expect(episode.answer).toEqual({ given: episode.answer?.gold, gold: plan!.at(-1)!.slice('answer['.length, -1) });
    expect(oracleHint(world, plan!.slice(0, 1))).toEqual(plan!.slice(1));
  });

  it('reports a wrong answer with the gold one, and plays a question of a knowledge-base file', () => {
    const world = generatedWorld('deepsearch', 'tiny', 4);
    const episode = playEpisode(world, ['answer[nobody]']);
    expect(episode).toMatchObject({ done: true, won: false, answer: { given: 'nobody' } });
    const loaded = worldFromFile('kb.json', example('deepsearch-kb.json'), 'alfworld', 0);
    expect(loaded.ok && loaded.world.env).toBe('deepsearch');
    if (!loaded.ok) return;
    expect(playEpisode(loaded.world, oracleHint(loaded.world, [])!).won).toBe(true);
    const bad = worldFromFile('kb.json', '{"entities": [], "facts": []}', 'alfworld', 0);
    expect(bad.ok).toBe(false);
  });

  it('offers the same preset names', () => {
    expect(PRESETS).toEqual(Object.keys(DEEPSEARCH_PRESETS));
  });
});
