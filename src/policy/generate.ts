/**
 * Batched action generation: every live environment's prompt goes through the model in one call, then
 * one token per call for all of them together, with a key-value cache. Sampling happens on the CPU
 * (`drawToken`) from the logits read back each token, with the run's seeded stream. Once no row has a
 * choice left — each unfinished row's admissible actions continue one way only, as after "take apple 1"
 * in "take apple 1 from countertop 1" — the rest is written without the model (`finishForcedRows`).
 */
import * as tf from '@tensorflow/tfjs';
import { countPhase, phase, phaseAsync } from '../core/phases';
import type { Rng } from '../core/prng';
import { drawToken, onlyChoice, type ActionTrie, type DrawOptions, type TokenDraw, TrieCursor } from './decoding';
import { distinctPairs } from './distinctPairs';
import { disposeCache, type KvCache, type PolicyModel } from './model';
import { EOS_ID, PAD_ID, type Tokenizer } from './tokenizer';

/** One row of a generation batch. */
export interface GenerationRequest {
  /** Prompt token ids, starting with BOS; length + maxActionTokens must fit the model's context. */
  prompt: readonly number[];
  /** Admissible actions (masked decoding), or null for free decoding. */
  trie: ActionTrie | null;
}

/** What was generated for one row. */
export interface GeneratedAction {
  /** Generated token ids, including the final EOS when one was written. */
  tokens: number[];
  /** The action text: the admissible action matched, or the detokenised words in free decoding. */
  text: string;
  /** Per generated token: log-prob, entropy, score norm, alternatives. */
  draws: TokenDraw[];
  /** Per generated token: the allowed token ids (masked decoding), or null (every token allowed). */
  allowed: (number[] | null)[];
  /** EOS was written before the token limit. */
  finished: boolean;
}

/** Options of `generateActions`. */
export interface GenerationOptions extends DrawOptions {
  /** Longest action in tokens (EOS included). */
  maxActionTokens: number;
}

/** Builds left-padded token, position and key-mask tensors for a list of prompts. */
export function leftPad(prompts: readonly (readonly number[])[], width = Math.max(...prompts.map((p) => p.length))) {
  const rows = prompts.length;
  const tokens = new Int32Array(rows * width);
  const positions = new Int32Array(rows * width);
  const mask = new Float32Array(rows * width);
  prompts.forEach((prompt, b) => {
    const pad = width - prompt.length;
    if (pad < 0) throw new Error(`a prompt of ${prompt.length} tokens does not fit width ${width}`);
    for (let j = 0; j < prompt.length; j++) {
      tokens[b * width + pad + j] = prompt[j];
      positions[b * width + pad + j] = j;
      mask[b * width + pad + j] = 1;
    }
    for (let j = 0; j < pad; j++) tokens[b * width + j] = PAD_ID;
  });
  return { tokens, positions, mask, width };
}

/**
 * When every unfinished row has only one admissible way to go on (`forcedRest`), writes those tokens
 * without asking the model — their draws do not depend on the logits (`onlyChoice`) — and returns true.
 * Returns false, changing nothing, while some row still has a choice to make. `written` tokens are in
 * every unfinished row already; a row stops at `maxActionTokens`, unfinished, as the decoding loop would.
 */
function finishForcedRows(
  results: GeneratedAction[], cursors: readonly (TrieCursor | null)[], options: GenerationOptions, written: number, rng: Rng,
): boolean {
  const rests = results.map((result, b) => (result.finished ? [] : cursors[b]?.forcedRest() ?? null));
  if (rests.some((rest) => rest === null)) return false;
  results.forEach((result, b) => {
    for (const token of rests[b]!.slice(0, options.maxActionTokens - written)) {
      result.allowed.push([token]);
      result.draws.push(onlyChoice(token, options, rng));
      result.tokens.push(token);
      cursors[b]!.advance(token);
      if (token === EOS_ID) result.finished = true;
    }
  });
  return true;
}

/** Generates one action per request (see the file comment). */
export async function generateActions(
  model: PolicyModel,
  tokenizer: Tokenizer,
  requests: readonly GenerationRequest[],
  options: GenerationOptions,
  rng: Rng,
): Promise<GeneratedAction[]> {
  const rows = requests.length;
  if (rows === 0) return [];
  const { context, vocabSize } = model.config;
  const padded = leftPad(requests.map((r) => r.prompt));
  if (padded.width + options.maxActionTokens > context) {
    throw new Error(`prompt (${padded.width} tokens) + action (${options.maxActionTokens}) exceed the context of ${context}`);
  }
  const results: GeneratedAction[] = requests.map(() => ({ tokens: [], text: '', draws: [], allowed: [], finished: false }));
  const cursors = requests.map((r) => (r.trie ? r.trie.start() : null));

  // Prefill all prompts; keep the cache and the logits of each row's last position.
  let keyMask = tf.tensor2d(padded.mask, [rows, padded.width]);
  let cache: KvCache | undefined;
  let logits: Float32Array;
  {
    const last = phase('rollout/prefill', () => {
      const tokens = tf.tensor2d(padded.tokens, [rows, padded.width], 'int32');
      const positions = tf.tensor2d(padded.positions, [rows, padded.width], 'int32');
      const distinct = distinctPairs(padded.tokens, padded.positions);
      const out = model.forward({ tokens, positions, keyMask, outputs: { start: padded.width - 1, length: 1 }, distinct });
      cache = out.present;
      const result = model.logits(out.hidden);
      tf.dispose([tokens, positions, out.hidden]);
      return result;
    });
    logits = await phaseAsync('rollout/readback', async () => (await last.data()) as Float32Array);
    last.dispose();
    countPhase('rollout/prefill_rows', rows);
  }

  try {
    for (let step = 0; step < options.maxActionTokens; step++) {
      const nextTokens = new Int32Array(rows);
      phase('rollout/sample', () => {
        for (let b = 0; b < rows; b++) {
          const result = results[b];
          if (result.finished) {
            nextTokens[b] = PAD_ID;
            continue;
          }
          const cursor = cursors[b];
          const allowed = cursor ? cursor.allowed() : null;
          if (cursor && allowed!.length === 0) throw new Error('masked decoding left the admissible actions');
          const draw = drawToken(logits.subarray(b * vocabSize, (b + 1) * vocabSize), allowed, options, rng);
          result.tokens.push(draw.token);
          result.draws.push(draw);
          result.allowed.push(allowed);
          cursor?.advance(draw.token);
          if (draw.token === EOS_ID) result.finished = true;
          nextTokens[b] = draw.token;
        }
      });
      if (results.every((r) => r.finished) || step === options.maxActionTokens - 1) break;
      if (phase('rollout/sample', () => finishForcedRows(results, cursors, options, step + 1, rng))) break;

      const stepLogits = phase('rollout/decode', () => {
        const tokens = tf.tensor2d(nextTokens, [rows, 1], 'int32');
        const positions = tf.tensor2d(requests.map((r) => r.prompt.length + step), [rows, 1], 'int32');
        const nextMask = tf.tidy(() => tf.concat([keyMask, tf.ones([rows, 1])], 1) as tf.Tensor2D);
        const out = model.forward({ tokens, positions, keyMask: nextMask, past: cache });
        disposeCache(cache);
        keyMask.dispose();
        cache = out.present;
        keyMask = nextMask;
        const result = model.logits(out.hidden);
        tf.dispose([tokens, positions, out.hidden]);
        return result;
      });
      logits = await phaseAsync('rollout/readback', async () => (await stepLogits.data()) as Float32Array);
      stepLogits.dispose();
      countPhase('rollout/decode_rows', rows);
    }
  } finally {
    disposeCache(cache);
    keyMask.dispose();
  }

  results.forEach((result, b) => {
    const cursor = cursors[b];
    result.text = cursor instanceof TrieCursor && cursor.action !== undefined
      ? cursor.action
      : tokenizer.decode(result.tokens.filter((t) => t !== EOS_ID));
  });
  return results;
}
