/**
 * A memory bound on one rollout call. Every live episode is a row of one batched forward pass, whose
 * largest tensors are the attention scores (rows × heads × context² floats, twice with the softmax) and
 * the per-position activations (about a dozen × context × width floats per row). B·G = 2,048 rows of
 * WebShop's 224-token context need about 2 GB at once, which kills the wasm backend; so a batch whose
 * estimate exceeds the budget is played in chunks of whole task groups, one after the other. The batch,
 * its tasks and its seed stay the same; a chunked batch takes longer, not more memory.
 */
import type { ModelConfig } from '../policy/model';

/** Bytes one rollout call may use for its largest tensors. */
export const ROLLOUT_MEMORY_BUDGET = 512 * 2 ** 20;

/** Estimated bytes of one row (episode) of a batched forward pass over the full context. */
export function rolloutRowBytes(model: Pick<ModelConfig, 'nHeads' | 'context' | 'dModel'>): number {
  const { nHeads, context, dModel } = model;
  return 4 * (2 * nHeads * context * context + 12 * context * dModel);
}

/** How many tasks (of `copies` rows each) one rollout call may play; at least one. */
export function tasksPerRollout(model: Pick<ModelConfig, 'nHeads' | 'context' | 'dModel'>, copies: number, budget = ROLLOUT_MEMORY_BUDGET): number {
  return Math.max(1, Math.floor(budget / (rolloutRowBytes(model) * Math.max(1, copies))));
}

/** Splits tasks into consecutive chunks that each fit the budget. */
export function chunkTasks<T>(tasks: readonly T[], perChunk: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < tasks.length; start += perChunk) chunks.push(tasks.slice(start, start + perChunk));
  return chunks;
}
