/**
 * The checkpoint file: one JSON document with everything needed to rebuild the policy — format version,
 * model shape, tokenizer, weights (float32, base64) — and where it came from (environment, iteration,
 * seed, backend, training config). Validated with zod; a bad file is rejected with the field and problem.
 */
import { z } from 'zod';
import type { NamedWeight, ModelConfig } from '../policy/model';

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
});

/** A parsed checkpoint. */
export type Checkpoint = z.infer<typeof checkpointSchema>;

/** Reads a checkpoint from parsed JSON; errors name the field. Also checks weights against their shapes. */
export function parseCheckpoint(json: unknown): { ok: true; checkpoint: Checkpoint } | { ok: false; errors: string[] } {
  const result = checkpointSchema.safeParse(json);
  if (!result.success) {
    return { ok: false, errors: result.error.issues.map((i) => `${i.path.join('.') || 'checkpoint'}: ${i.message}`) };
  }
  const errors: string[] = [];
  result.data.weights.forEach((w, i) => {
    const expected = w.shape.reduce((a, b) => a * b, 1) * 4;
    const actual = base64ByteLength(w.data);
    if (actual !== expected) errors.push(`weights[${i}] (${w.name}): ${actual} bytes of data for shape [${w.shape}], expected ${expected}`);
  });
  if (result.data.tokenizer.words.length !== result.data.model.vocabSize) {
    errors.push(`tokenizer.words: ${result.data.tokenizer.words.length} words, but model.vocabSize is ${result.data.model.vocabSize}`);
  }
  return errors.length ? { ok: false, errors } : { ok: true, checkpoint: result.data };
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
