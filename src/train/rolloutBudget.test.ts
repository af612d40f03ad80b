import { describe, expect, it } from 'vitest';
import { MODEL_SIZES } from '../policy/model';
import { chunkTasks, ROLLOUT_MEMORY_BUDGET, rolloutRowBytes, tasksPerRollout } from './rolloutBudget';

describe('the rollout memory bound', () => {
  it('splits the batch that killed wasm (B 64 × G 32, 224-token context) into chunks within the budget', () => {
    const webshop = { ...MODEL_SIZES.tiny, context: 224 };
    expect(64 * 32 * rolloutRowBytes(webshop)).toBeGreaterThan(2 * ROLLOUT_MEMORY_BUDGET);
    const perChunk = tasksPerRollout(webshop, 32);
    expect(perChunk * 32 * rolloutRowBytes(webshop)).toBeLessThanOrEqual(ROLLOUT_MEMORY_BUDGET);
    const chunks = chunkTasks(Array.from({ length: 64 }, (_, i) => i), perChunk);
    expect(chunks.flat()).toEqual(Array.from({ length: 64 }, (_, i) => i));
    expect(chunks.length).toBeGreaterThan(1);
  });

  it('leaves the default batches whole, and always plays at least one task', () => {
    expect(tasksPerRollout({ ...MODEL_SIZES.tiny, context: 96 }, 8)).toBeGreaterThanOrEqual(64);
    expect(tasksPerRollout({ ...MODEL_SIZES.small, context: 224 }, 8)).toBeGreaterThanOrEqual(8);
    expect(tasksPerRollout({ ...MODEL_SIZES.small, context: 512 }, 32, 1)).toBe(1);
  });
});
