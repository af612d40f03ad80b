/**
 * The checkpoint file: one JSON document with everything needed to rebuild the policy — format version,
 * model shape, tokenizer, weights (float32, base64) — and where it came from (environment, iteration,
 * seed, backend, training config). Validated with zod; a bad file is rejected with the field and problem.
 */
import { z } from 'zod';
import { ALFWORLD_PRESET_NAMES } from '../envs/alfworld/presets';
import { WEBSHOP_PRESETS } from '../envs/webshop/presets';
import type { NamedWeight, ModelConfig } from '../policy/model';
import { BOS, EOS, PAD, UNK } from '../policy/tokenizer';
import { maxActionTokens } from './config';

/** The format tag and version this code writes and reads. */
export const CHECKPOINT_FORMAT = 'empg-playground-checkpoint';
export const CHECKPOINT_VERSION = 1;

const weightSchema = z.object({
  name: z.string().min(1),
  shape: z.array(z.number().int().positive()),
  dtype: z.literal('float32'),
  data: z.string(),
});

/** The schema of a checkpoint file. */
export const checkpointSchema = z.object({
  format: z.literal(CHECKPOINT_FORMAT),
  version: z.literal(CHECKPOINT_VERSION),
  env: z.enum(['alfworld', 'webshop', 'deepsearch']),
  preset: z.string(),
  model: z.object({
    vocabSize: z.number().int().positive(),
    dModel: z.number().int().positive(),
    nLayers: z.number().int().positive(),
    nHeads: z.number().int().positive(),
    context: z.number().int().positive(),
    mlpRatio: z.number().int().positive(),
  }),
  tokenizer: z.object({ words: z.array(z.string()).min(4) }),
  weights: z.array(weightSchema).min(1),
  iteration: z.number().int().min(0),
  seed: z.number().int(),
  backend: z.string(),
  /** The training configuration that produced it (free-form, for the record). */
  config: z.record(z.string(), z.unknown()).optional(),
  /** What made it: `pretrain` (supervised warm start), `train` (RL), … */
  origin: z.string().optional(),
  createdAt: z.string().optional(),
  /**
   * The trainer's full state (src/train/trainerState.ts: optimizer, random streams), written by the CLI's
   * periodic checkpoints so that `train --resume` continues exactly; checked when it is used.
   */
  state: z.unknown().optional(),
});

/** A parsed checkpoint. */
export type Checkpoint = z.infer<typeof checkpointSchema>;

/** The token contexts a checkpoint may have: the training config's bounds. */
export const CHECKPOINT_CONTEXT = { min: 32, max: 512 } as const;

/** The presets of each environment a checkpoint can name. */
export function presetNames(env: Checkpoint['env']): readonly string[] {
  return env === 'alfworld' ? ALFWORLD_PRESET_NAMES : Object.keys(WEBSHOP_PRESETS);
}

/**
 * Every weight a model of this shape has, by name, with its shape (the layout of src/policy/model.ts,
 * which a test holds equal to the model's own variables).
 */
export function expectedWeightShapes(model: Checkpoint['model']): Map<string, number[]> {
  const { vocabSize: v, dModel: d, nLayers, context, mlpRatio } = model;
  const hidden = d * mlpRatio;
  const shapes = new Map<string, number[]>([['wte', [v, d]], ['wpe', [context, d]]]);
  for (let l = 0; l < nLayers; l++) {
    shapes.set(`h${l}.ln1.g`, [d]).set(`h${l}.ln1.b`, [d]);
    shapes.set(`h${l}.attn.qkv.w`, [d, 3 * d]).set(`h${l}.attn.qkv.b`, [3 * d]);
    shapes.set(`h${l}.attn.proj.w`, [d, d]).set(`h${l}.attn.proj.b`, [d]);
    shapes.set(`h${l}.ln2.g`, [d]).set(`h${l}.ln2.b`, [d]);
    shapes.set(`h${l}.mlp.fc.w`, [d, hidden]).set(`h${l}.mlp.fc.b`, [hidden]);
    shapes.set(`h${l}.mlp.out.w`, [hidden, d]).set(`h${l}.mlp.out.b`, [d]);
  }
  return shapes.set('lnf.g', [d]).set('lnf.b', [d]);
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * Reads a checkpoint from parsed JSON; errors name the field. Beyond the schema it checks everything a
 * trainer will rely on, so that a file either loads or is refused before anything changes: the data of
 * each weight (base64, byte length, finite numbers), the tokenizer (special tokens first, no duplicates,
 * one word per embedding row), the model shape (heads divide the width, context within bounds), the
 * preset, and exactly the weights the model has, each with its shape.
 */
export function parseCheckpoint(json: unknown): { ok: true; checkpoint: Checkpoint } | { ok: false; errors: string[] } {
  const result = checkpointSchema.safeParse(json);
  if (!result.success) {
    return { ok: false, errors: result.error.issues.map((i) => `${i.path.join('.') || 'checkpoint'}: ${i.message}`) };
  }
  const checkpoint = result.data;
  const errors: string[] = [];
  checkpoint.weights.forEach((w, i) => {
    const where = `weights[${i}] (${w.name})`;
    if (!BASE64.test(w.data) || w.data.length % 4 !== 0) {
      errors.push(`${where}: data is not base64`);
      return;
    }
    const expected = w.shape.reduce((a, b) => a * b, 1) * 4;
    const actual = base64ByteLength(w.data);
    if (actual !== expected) {
      errors.push(`${where}: ${actual} bytes of data for shape [${w.shape}], expected ${expected}`);
      return;
    }
    const values = decodeWeights([w])[0].values;
    const bad = values.findIndex((x) => !Number.isFinite(x));
    if (bad >= 0) errors.push(`${where}: value ${bad} is ${values[bad]}, every weight must be a finite number`);
  });
  const { model, tokenizer } = checkpoint;
  if (tokenizer.words.length !== model.vocabSize) {
    errors.push(`tokenizer.words: ${tokenizer.words.length} words, but model.vocabSize is ${model.vocabSize}`);
  }
  const specials = [PAD, BOS, EOS, UNK];
  if (specials.some((word, i) => tokenizer.words[i] !== word)) errors.push(`tokenizer.words: must start with ${specials.join(', ')}`);
  if (new Set(tokenizer.words).size !== tokenizer.words.length) errors.push('tokenizer.words: a word appears twice');
  if (model.dModel % model.nHeads !== 0) errors.push(`model: dModel ${model.dModel} is not divisible by nHeads ${model.nHeads}`);
  const minContext = Math.max(CHECKPOINT_CONTEXT.min, maxActionTokens(checkpoint.env) + 1);
  if (model.context < minContext || model.context > CHECKPOINT_CONTEXT.max) {
    errors.push(`model.context: ${model.context} tokens, must be ${minContext}–${CHECKPOINT_CONTEXT.max}`);
  }
  const presets = presetNames(checkpoint.env);
  if (!presets.includes(checkpoint.preset)) errors.push(`preset: "${checkpoint.preset}" is not a ${checkpoint.env} preset (known: ${presets.join(', ')})`);
  const expected = expectedWeightShapes(model);
  const seen = new Set<string>();
  checkpoint.weights.forEach((w, i) => {
    const shape = expected.get(w.name);
    if (seen.has(w.name)) errors.push(`weights[${i}]: "${w.name}" appears twice`);
    else if (!shape) errors.push(`weights[${i}]: the model has no weight "${w.name}"`);
    else if (shape.join('x') !== w.shape.join('x')) errors.push(`weights[${i}] (${w.name}): shape [${w.shape}], the model needs [${shape}]`);
    seen.add(w.name);
  });
  const missing = [...expected.keys()].filter((name) => !seen.has(name));
  if (missing.length) errors.push(`weights: missing ${missing.slice(0, 5).map((n) => `"${n}"`).join(', ')}${missing.length > 5 ? ` and ${missing.length - 5} more` : ''}`);
  return errors.length ? { ok: false, errors } : { ok: true, checkpoint };
}

/** Encodes weights for a checkpoint. */
export function encodeWeights(weights: readonly NamedWeight[]): Checkpoint['weights'] {
  return weights.map((w) => ({ name: w.name, shape: w.shape, dtype: 'float32' as const, data: toBase64(new Uint8Array(w.values.buffer, w.values.byteOffset, w.values.byteLength)) }));
}

/** Decodes a checkpoint's weights. */
export function decodeWeights(weights: Checkpoint['weights']): NamedWeight[] {
  return weights.map((w) => {
    const bytes = fromBase64(w.data);
    return { name: w.name, shape: w.shape, values: new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4) };
  });
}

/** The model shape stored in a checkpoint. */
export function modelConfigOf(checkpoint: Checkpoint): ModelConfig {
  return { ...checkpoint.model };
}

/** Whether a checkpoint's network has a given shape (a size preset of `MODEL_SIZES`; vocabulary and context aside). */
export function hasModelShape(checkpoint: Checkpoint, shape: Pick<ModelConfig, 'dModel' | 'nLayers' | 'nHeads' | 'mlpRatio'>): boolean {
  const model = checkpoint.model;
  return model.dModel === shape.dModel && model.nLayers === shape.nLayers && model.nHeads === shape.nHeads && model.mlpRatio === shape.mlpRatio;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Standard base64 of bytes (works the same in browsers and Node). */
export function toBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i];
    const b = i + 1 < bytes.length ? bytes[i + 1] : 0;
    const c = i + 2 < bytes.length ? bytes[i + 2] : 0;
    const n = (a << 16) | (b << 8) | c;
    out += ALPHABET[(n >> 18) & 63] + ALPHABET[(n >> 12) & 63];
    out += i + 1 < bytes.length ? ALPHABET[(n >> 6) & 63] : '=';
    out += i + 2 < bytes.length ? ALPHABET[n & 63] : '=';
  }
  return out;
}

/** Decodes standard base64; throws on characters outside the alphabet. */
export function fromBase64(text: string): Uint8Array {
  const clean = text.replace(/=+$/, '');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let buffer = 0;
  let bits = 0;
  let j = 0;
  for (let i = 0; i < clean.length; i++) {
    const v = ALPHABET.indexOf(clean[i]);
    if (v < 0) throw new Error(`invalid base64 character "${clean[i]}" at ${i}`);
    buffer = (buffer << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[j++] = (buffer >> bits) & 255;
    }
  }
  return out.subarray(0, j);
}

function base64ByteLength(text: string): number {
  const clean = text.replace(/=+$/, '');
  return Math.floor((clean.length * 3) / 4);
}
