/**
 * Reading a checkpoint file the user picked, on the page, before anything changes: a file that is not
 * JSON, or not a checkpoint, is rejected with a message naming the problem, and the run on screen stays.
 * The worker checks the file again when it loads the weights.
 */
import { CHECKPOINT_FORMAT, parseCheckpoint, type Checkpoint } from '../../train/checkpoint';

/** Parses JSON text; the error names the file and says what kind of damage it is. */
export function parseJsonFile(text: string, name: string): unknown {
  if (!text.trim()) throw new Error(`${name} is empty`);
  try {
    return JSON.parse(text);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new Error(`${name} is not valid JSON${/end of JSON|Unterminated/i.test(why) ? ', it seems cut short' : ''} (${why})`);
  }
}

/** A checkpoint file's content, checked; throws an error that names the file and the first problems. */
export function readCheckpointFile(text: string, name: string): Checkpoint {
  const json = parseJsonFile(text, name);
  if (!json || typeof json !== 'object' || Array.isArray(json) || (json as { format?: unknown }).format !== CHECKPOINT_FORMAT) {
    throw new Error(`${name} is not an EMPG Playground checkpoint: it has no "format": "${CHECKPOINT_FORMAT}" (export one with the checkpoint button, or npm run cli -- train)`);
  }
  const parsed = parseCheckpoint(json);
  if (!parsed.ok) throw new Error(`${name} is not a usable checkpoint: ${parsed.errors.slice(0, 3).join('; ')}${parsed.errors.length > 3 ? ` (and ${parsed.errors.length - 3} more)` : ''}`);
  return parsed.checkpoint;
}
