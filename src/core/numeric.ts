/** Small numeric helpers shared by tests, the backend self-check and the trainer. */

/** Largest |actual − reference| relative to the largest |reference| value (Infinity on NaN). */
export function maxRelativeError(actual: ArrayLike<number>, reference: ArrayLike<number>): number {
  let scale = 0;
  for (let i = 0; i < reference.length; i++) scale = Math.max(scale, Math.abs(reference[i]));
  let worst = 0;
  for (let i = 0; i < reference.length; i++) {
    const diff = Math.abs(actual[i] - reference[i]);
    if (!Number.isFinite(diff)) return Infinity;
    worst = Math.max(worst, diff / Math.max(scale, 1e-12));
  }
  return worst;
}
