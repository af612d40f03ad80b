/**
 * The compact summary one finished run leaves under `results/` (committed; raw JSON lines stay under
 * the git-ignored `runs/`): its spec and settings, held-out evaluations, and a learning curve of a few
 * metrics per iteration. Read back with `parseRunSummary`, which rejects anything malformed.
 */
import { z } from 'zod';
import { runSpecSchema } from './grid';

/** Successes out of episodes, overall and per task type (ALFWorld) — plus WebShop's mean score. */
export const evalCountsSchema = z.object({
  episodes: z.number().int().min(1),
  successes: z.number().int().min(0),
  /** Mean 0–1 purchase score (WebShop-lite); equals the success rate in ALFWorld-lite. */
  meanScore: z.number().min(0).max(1),
  byTaskType: z.record(z.string(), z.object({ episodes: z.number().int().min(0), successes: z.number().int().min(0) })),
});
/** Successes out of episodes. */
export type EvalCounts = z.infer<typeof evalCountsSchema>;

/** Held-out evaluation: greedy, and sampled at the rollout temperature T = 1. */
export const evaluationSchema = z.object({ greedy: evalCountsSchema, t1: evalCountsSchema });
/** Held-out evaluation. */
export type Evaluation = z.infer<typeof evaluationSchema>;

/** The metrics a summary keeps per iteration (docs/METRICS.md names). */
export const CURVE_METRICS = [
  'env/success_rate', 'policy/approx_kl', 'entropy/step_mean', 'entropy/token_mean', 'frac_reward_zero_std',
  'empg/g_std', 'premise/auc', 'premise/auc_same_verb', 'premise/no_signal_adv_share', 'perf/iter_ms',
] as const;

export const SUMMARY_FORMAT = 'empg-playground-run-summary';

/** One finished run. */
export const runSummarySchema = z.object({
  format: z.literal(SUMMARY_FORMAT),
  version: z.literal(1),
  spec: runSpecSchema,
  /** The full training configuration of the run. */
  config: z.record(z.string(), z.unknown()),
  backend: z.string(),
  /** The git commit of the code that ran it (environments and trainer change between commits). */
  commit: z.string().optional(),
  minutes: z.number().min(0),
  /** The base checkpoint's evaluation (the same for every seed of a regime). */
  base: evaluationSchema,
  /** The trained policy's evaluation on the same held-out tasks. */
  final: evaluationSchema,
  /** One value per iteration per metric (null where an iteration did not report it). */
  curve: z.record(z.string(), z.array(z.number().nullable())),
});
/** One finished run. */
export type RunSummary = z.infer<typeof runSummarySchema>;

/** Validates a parsed summary file; errors name the field. */
export function parseRunSummary(json: unknown): { ok: true; summary: RunSummary } | { ok: false; errors: string[] } {
  const result = runSummarySchema.safeParse(json);
  if (!result.success) return { ok: false, errors: result.error.issues.map((i) => `${i.path.join('.') || 'summary'}: ${i.message}`) };
  const { spec, curve } = result.data;
  const errors = Object.entries(curve).filter(([, v]) => v.length !== spec.iterations).map(([k, v]) => `curve.${k}: ${v.length} values for ${spec.iterations} iterations`);
  return errors.length ? { ok: false, errors } : { ok: true, summary: result.data };
}

/** Rounds to `digits` significant digits, so committed summaries stay small and diff well. */
export function compact(value: number, digits = 4): number {
  return Number.isFinite(value) ? Number(value.toPrecision(digits)) : value;
}
