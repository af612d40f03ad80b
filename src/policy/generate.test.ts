import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { createRng, type Rng } from '../core/prng';
import { ActionTrie, drawToken, onlyChoice, TrieCursor } from './decoding';
import { generateActions, leftPad, type GeneratedAction, type GenerationOptions, type GenerationRequest } from './generate';
import { PolicyModel } from './model';
import { EOS_ID, Tokenizer } from './tokenizer';

const tokenizer = Tokenizer.fromTexts(['go to the red box', 'go to the blue box', 'take the apple', 'look around now']);
const encode = (text: string) => tokenizer.encode(text);
const trieOf = (actions: string[]) => new ActionTrie(actions.map((text) => ({ text, tokens: encode(text) })));

/**
 * The plain way to generate: every row asks the model at every token, the whole sequence recomputed
 * without a cache, and every token drawn from the logits with `drawToken`.
 */
async function referenceGenerate(
  model: PolicyModel, requests: readonly GenerationRequest[], options: GenerationOptions, rng: Rng,
): Promise<GeneratedAction[]> {
  const results: GeneratedAction[] = requests.map(() => ({ tokens: [], text: '', draws: [], allowed: [], finished: false }));
  const cursors = requests.map((r) => r.trie?.start() ?? null);
  for (let step = 0; step < options.maxActionTokens && !results.every((r) => r.finished); step++) {
    const padded = leftPad(requests.map((r, b) => [...r.prompt, ...results[b].tokens]));
    const logits = tf.tidy(() => {
      const out = model.forward({
        tokens: tf.tensor2d(padded.tokens, [requests.length, padded.width], 'int32'),
        positions: tf.tensor2d(padded.positions, [requests.length, padded.width], 'int32'),
        keyMask: tf.tensor2d(padded.mask, [requests.length, padded.width]),
      });
      return model.logits(out.hidden.slice([0, padded.width - 1, 0], [-1, 1, -1]));
    });
    const values = (await logits.data()) as Float32Array;
    logits.dispose();
    const vocab = model.config.vocabSize;
    results.forEach((result, b) => {
      if (result.finished) return;
      const allowed = cursors[b]?.allowed() ?? null;
      const draw = drawToken(values.subarray(b * vocab, (b + 1) * vocab), allowed, options, rng);
      result.tokens.push(draw.token);
      result.draws.push(draw);
      result.allowed.push(allowed);
      cursors[b]?.advance(draw.token);
      if (draw.token === EOS_ID) result.finished = true;
    });
  }
  return results;
}

describe('generateActions', () => {
  const model = new PolicyModel({ vocabSize: tokenizer.size, dModel: 16, nLayers: 2, nHeads: 2, context: 32, mlpRatio: 2 }, 11);
  const prompts = [[1, ...encode('look around')], [1, ...encode('take the red apple now')], [1], [1, ...encode('go to')]];
  const tries = [
    () => trieOf(['go to the red box', 'go to the blue box', 'take the apple', 'look']),
    () => trieOf(['take the apple', 'go to the red box']),
    () => trieOf(['go to the blue box']),
    () => trieOf(['look around', 'look around now', 'go to the red box']),
  ];

  it('writes what the plain token-by-token loop writes, asking the model only while some row has a choice', async () => {
    await tf.setBackend('cpu');
    for (const greedy of [false, true]) {
      for (const maxActionTokens of [8, 3]) {
        for (let seed = 0; seed < 12; seed++) {
          const options = { temperature: 1.3, greedy, maxActionTokens };
          const requests = prompts.map((prompt, i) => ({ prompt, trie: tries[(i + seed) % tries.length]() }));
          const fast = createRng(`g${seed}`);
          const plain = createRng(`g${seed}`);
          const calls = { count: 0 };
          const forward = model.forward.bind(model);
          model.forward = (args) => { calls.count++; return forward(args); };
          const got = await generateActions(model, tokenizer, requests, options, fast);
          model.forward = forward;
          const want = await referenceGenerate(model, requests.map((r, i) => ({ ...r, trie: tries[(i + seed) % tries.length]() })), options, plain);
          got.forEach((g, b) => {
            expect(g.tokens).toEqual(want[b].tokens);
            expect(g.allowed).toEqual(want[b].allowed);
            expect(g.finished).toBe(want[b].finished);
            g.draws.forEach((d, j) => {
              expect(d.token).toBe(want[b].draws[j].token);
              expect(d.logProb).toBeCloseTo(want[b].draws[j].logProb, 5);
              expect(d.entropy).toBeCloseTo(want[b].draws[j].entropy, 5);
              expect(d.scoreNorm).toBeCloseTo(want[b].draws[j].scoreNorm, 5);
            });
          });
          // The stream is where the plain loop leaves it, so everything drawn afterwards is the same.
          expect(fast.state()).toEqual(plain.state());
          // One prefill plus one call per token written while some row still had a choice.
          const longest = Math.max(...got.map((g) => g.tokens.length));
          expect(calls.count).toBeLessThanOrEqual(longest);
          if (maxActionTokens === 8) expect(calls.count).toBeLessThan(longest);
        }
      }
    }
  });

  it('keeps asking the model while a row decodes freely', async () => {
    await tf.setBackend('cpu');
    const requests = [{ prompt: prompts[0], trie: trieOf(['take the apple']) }, { prompt: prompts[1], trie: null }];
    const options = { temperature: 1, greedy: false, maxActionTokens: 5 };
    const got = await generateActions(model, tokenizer, requests, options, createRng('free'));
    const want = await referenceGenerate(model, requests.map((r, i) => (i === 0 ? { ...r, trie: trieOf(['take the apple']) } : r)), options, createRng('free'));
    expect(got.map((g) => g.tokens)).toEqual(want.map((g) => g.tokens));
    expect(got[0].text).toBe('take the apple');
  });
});

describe('forced decoding', () => {
  it('forcedRest follows the only admissible continuation, and is null while a choice is open', () => {
    const cursor = trieOf(['go to the red box', 'go to the blue box', 'take the apple']).start();
    expect(cursor.forcedRest()).toBeNull();
    cursor.advance(encode('take')[0]);
    expect(cursor.forcedRest()).toEqual([...encode('the apple'), EOS_ID]);
    const go = trieOf(['go to the red box', 'go to the blue box']).start();
    go.advance(encode('go')[0]);
    expect(go.forcedRest()).toBeNull();
    for (const token of [...encode('to the red box'), EOS_ID]) go.advance(token);
    expect(go.forcedRest()).toEqual([]);
    expect(go.action).toBe('go to the red box');
    expect(new TrieCursor(null).forcedRest()).toBeNull();
  });

  it('onlyChoice is drawToken with one allowed token, whatever the logits, and moves the stream alike', () => {
    const logitsRng = createRng('logits');
    for (const greedy of [false, true]) {
      for (let k = 0; k < 20; k++) {
        const logits = Float32Array.from({ length: tokenizer.size }, () => (logitsRng.next() - 0.5) * 20);
        const token = 4 + (k % (tokenizer.size - 4));
        const a = createRng(`o${k}`);
        const b = createRng(`o${k}`);
        const options = { temperature: 0.5 + k / 10, greedy };
        expect(onlyChoice(token, options, a)).toEqual(drawToken(logits, [token], options, b));
        expect(a.state()).toEqual(b.state());
      }
    }
  });
});
