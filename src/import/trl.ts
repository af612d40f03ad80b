/**
 * TRL `GRPOTrainer` completion logs (`log_completions=True`): the table written at every logging step
 * to `<output_dir>/completions/completions_{step:05d}.parquet` (and to W&B/trackio as `completions`),
 * with columns `step, prompt, completion, <one per reward function>, <log_extra columns>, advantage`.
 * Sequence level: one scalar advantage per completion, no token data. The reward TRL used is the
 * weighted NaN-sum of the reward-function columns; the weights are not in the file (1 is assumed).
 */
import { parquetMetadataAsync, parquetReadObjects } from 'hyparquet';
import type { ImportedStep } from './records';

/** The columns TRL always writes. */
const FIXED = new Set(['step', 'prompt', 'completion', 'advantage', 'image']);

/** True when the bytes start with the Parquet magic number `PAR1`. */
export function isParquet(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x41 && bytes[2] === 0x52 && bytes[3] === 0x31;
}

/** Reads a completions parquet file into row objects; throws a readable error when it is not one. */
export async function readTrlParquet(buffer: ArrayBuffer): Promise<Record<string, unknown>[]> {
  const metadata = await parquetMetadataAsync(buffer);
  const names = new Set(metadata.schema.map((s) => s.name));
  for (const column of ['step', 'prompt', 'completion', 'advantage']) {
    if (!names.has(column)) throw new Error(`the parquet file has no "${column}" column, so it is not a TRL completions table`);
  }
  return parquetReadObjects({ file: buffer, metadata });
}

/** Converts TRL's number cells (INT64 columns arrive as bigint) to numbers; null when not a number. */
function numberOf(value: unknown): number | null {
  if (typeof value === 'bigint') return Number(value);
  return typeof value === 'number' ? value : null;
}

/**
 * Turns one table row into a one-step trajectory, or returns a message saying what is wrong with it.
 * `index` numbers the rows of its training step.
 */
export function trlRowToStep(row: Record<string, unknown>, line: number, index: number): ImportedStep | string {
  const step = numberOf(row.step);
  const advantage = numberOf(row.advantage);
  if (step === null || !Number.isInteger(step) || step < 0) return 'step must be an integer ≥ 0';
  if (typeof row.prompt !== 'string') return 'prompt must be text';
  if (typeof row.completion !== 'string') return 'completion must be text';
  if (advantage === null || !Number.isFinite(advantage)) return 'advantage must be a finite number';
  const columns: Record<string, number> = {};
  let reward = 0;
  let scored = false;
  for (const [key, cell] of Object.entries(row)) {
    if (FIXED.has(key)) continue;
    const value = numberOf(cell);
    if (value === null) continue;
    columns[key] = value;
    // torch.nansum: a reward function that did not apply to this row (None → NaN) adds nothing.
    if (!Number.isNaN(value)) {
      reward += value;
      scored = true;
    }
  }
  if (!scored) return 'no reward-function column has a number';
  return {
    line, trainStep: step, trajId: `${step}-${index}`, groupId: row.prompt, stepIdx: 0, numSteps: 1,
    prompt: row.prompt, response: row.completion, tokens: null, entropy: null, logprob: null,
    outcomeReward: reward, advantage, extras: {}, columns,
  };
}
