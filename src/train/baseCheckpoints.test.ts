import { existsSync, readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { createRng } from '../core/prng';
import { ActionTrie } from '../policy/decoding';
import { PolicyModel } from '../policy/model';
import { prepareScoring, scoreActions, type ScoredAction } from '../policy/scoring';
import { EOS_ID, Tokenizer } from '../policy/tokenizer';
import { decodeWeights, modelConfigOf, parseCheckpoint, type Checkpoint } from './checkpoint';
import { effectiveContext, maxActionTokens, trainConfigSchema } from './config';
import { buildPrompt } from './prompt';
import { createTaskSource } from './tasks';

const load = (name: string): Checkpoint => {
  const parsed = parseCheckpoint(JSON.parse(readFileSync(new URL(`../../public/checkpoints/${name}`, import.meta.url), 'utf8')));
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.checkpoint;
};

/** Words of a preset's texts that a checkpoint's vocabulary lacks (they would read as <unk>). */
const unknownWords = (checkpoint: Checkpoint, preset: string) => {
  const known = new Set(checkpoint.tokenizer.words);
  return Tokenizer.fromTexts(createTaskSource('alfworld', preset).vocabularyTexts()).words.filter((w) => !known.has(w));
};

/** Masked log-probs (summed per action) of the first admissible actions on the first two steps of three test tasks. */
async function pinnedLogProbs(checkpoint: Checkpoint): Promise<number[]> {
  await tf.setBackend('cpu');
  const source = createTaskSource('alfworld', checkpoint.preset);
  const tokenizer = Tokenizer.fromJSON(checkpoint.tokenizer);
  const model = new PolicyModel(modelConfigOf(checkpoint), 1);
  model.setWeights(decodeWeights(checkpoint.weights));
  const actions: ScoredAction[] = [];
  for (let seed = 0; seed < 3; seed++) {
    const episode = source.start(seed, 'test');
    const act = source.demonstrator(createRng(seed), 0);
    const history: string[] = [];
    for (let t = 0; t < 2; t++) {
      const view = episode.view;
      const prompt = buildPrompt(tokenizer, { task: view.task, observation: view.compact, history }, checkpoint.model.context - maxActionTokens('alfworld'));
      const trie = new ActionTrie(view.admissible.map((text) => ({ text, tokens: tokenizer.encode(text) })));
      for (const text of view.admissible.slice(0, 3)) {
        const tokens = [...tokenizer.encode(text), EOS_ID];
        const cursor = trie.start();
        const allowed = tokens.map((token) => {
          const ids = cursor.allowed();
          cursor.advance(token);
          return ids;
        });
        actions.push({ prompt, tokens, allowed });
      }
      const action = act(view);
      history.push(action);
      episode.step(action);
    }
  }
  const sums = tf.tidy(() => tf.sum(scoreActions(model, prepareScoring(actions, model.config.vocabSize), 1).logProbs, -1));
  const values = Array.from(await sums.data());
  sums.dispose();
  model.dispose();
  return values;
}

describe('the shipped ALFWorld-lite base checkpoints stay valid', () => {
  it('alfworld-base.json (tiny) knows every word of the tiny and long presets', () => {
    const checkpoint = load('alfworld-base.json');
    expect(checkpoint.preset).toBe('tiny');
    expect(unknownWords(checkpoint, 'tiny')).toEqual([]);
    expect(unknownWords(checkpoint, 'long')).toEqual([]);
  });

  it('alfworld-base.json computes the same log-probs as when it was shipped', async () => {
    const values = await pinnedLogProbs(load('alfworld-base.json'));
    const expected = [
      -1.00286, -1.01547, -1.79745, -3.16404, -1.93278, -2.13065, -1.37537, -1.36872, -0.94765,
      -3.17504, -2.14459, -1.92754, -1.74204, -1.71683, -1.66408, -3.10751, -2.30183, -1.89384,
    ];
    expect(values).toHaveLength(expected.length);
    values.forEach((v, i) => expect(v, `action ${i}`).toBeCloseTo(expected[i], 4));
  });

  it('the tiny preset keeps its 96-token context; long gets 128', () => {
    expect(effectiveContext(trainConfigSchema.parse({ env: 'alfworld', preset: 'tiny' }))).toBe(96);
    expect(effectiveContext(trainConfigSchema.parse({ env: 'alfworld', preset: 'long' }))).toBe(128);
    expect(load('alfworld-base.json').model.context).toBe(96);
  });

  it.runIf(existsSync(new URL('../../public/checkpoints/alfworld-long-base.json', import.meta.url)))(
    'alfworld-long-base.json is a long-preset checkpoint of the same model size that knows every word of the preset', () => {
      const long = load('alfworld-long-base.json');
      const tiny = load('alfworld-base.json');
      expect(long.env).toBe('alfworld');
      expect(long.preset).toBe('long');
      expect(long.model.context).toBe(128);
      expect({ ...long.model, context: 0, vocabSize: 0 }).toEqual({ ...tiny.model, context: 0, vocabSize: 0 });
      expect(unknownWords(long, 'long')).toEqual([]);
    });
});
