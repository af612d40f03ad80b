import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import './wasmBackend';
import { createRng } from '../core/prng';
import { ActionTrie } from './decoding';
import { generateActions } from './generate';
import { PolicyModel } from './model';
import { teacherForcedEntropies } from './teacherForced';
import { Tokenizer } from './tokenizer';

describe('teacherForcedEntropies', () => {
  it('equals the entropies recorded while sampling, masked and free, and changes with the weights', async () => {
    await tf.setBackend('cpu');
    const tokenizer = Tokenizer.fromTexts(['go to the red box', 'go to the blue box', 'take the apple', 'look around now']);
    const model = new PolicyModel({ vocabSize: tokenizer.size, dModel: 16, nLayers: 2, nHeads: 2, context: 32, mlpRatio: 2 }, 7);
    const actions = ['go to the red box', 'go to the blue box', 'take the apple'];
    const trie = () => new ActionTrie(actions.map((text) => ({ text, tokens: tokenizer.encode(text) })));
    const prompts = [[1, ...tokenizer.encode('look around')], [1, ...tokenizer.encode('take the red apple now')], [1]];
    const requests = prompts.map((prompt, i) => ({ prompt, trie: i === 2 ? null : trie() }));
    for (const temperature of [1, 0.7]) {
      const generated = await generateActions(model, tokenizer, requests, { temperature, greedy: false, maxActionTokens: 8 }, createRng('t'));
      const scored = generated.map((g, i) => ({ prompt: prompts[i], tokens: g.tokens, allowed: g.allowed }));
      const entropies = await teacherForcedEntropies(model, scored, temperature);
      generated.forEach((g, i) => {
        expect(entropies[i]).toHaveLength(g.tokens.length);
        g.draws.forEach((d, j) => expect(entropies[i][j]).toBeCloseTo(d.entropy, 5));
      });
      // A forced token (one allowed continuation) has entropy 0.
      generated.forEach((g, i) => g.allowed.forEach((a, j) => { if (a?.length === 1) expect(entropies[i][j]).toBe(0); }));
      const other = new PolicyModel(model.config, 8);
      const changed = await teacherForcedEntropies(other, scored, temperature);
      expect(changed.flat().some((h, k) => Math.abs(h - entropies.flat()[k]) > 1e-4)).toBe(true);
    }
    await expect(teacherForcedEntropies(model, [], 0)).rejects.toThrow(/temperature/);
  });
});
