/**
 * The `empg-steps/v1` import format: JSON lines, one line per agent step (one generated action of one
 * trajectory), with the step's tokens and their per-token entropies and log-probs. An optional first
 * line `{"meta": {...}}` says where the file comes from. Field names follow docs/IMPORT.md; the optional
 * per-token fields follow what RL trainers compute per token (Σπ², KL, importance ratio, loss masks).
 */
import { z } from 'zod';

/** The schema tag of the format's meta line. */
export const STEP_FORMAT = 'empg-steps/v1';

const finite = z.number().finite();
const id = z.union([z.string().min(1), z.number().int()]).transform(String);
const tokenNumbers = z.array(finite);
/** A 0/1 (or boolean) flag per token, stored as 0/1. */
const tokenFlags = z.array(z.union([z.boolean(), z.literal(0), z.literal(1)]).transform((v) => (v === true || v === 1 ? 1 : 0)));

/** The optional first line of a step file. */
export const stepMetaSchema = z.object({
  meta: z.object({
    schema: z.literal(STEP_FORMAT),
    source: z.string().optional(),
    model: z.string().optional(),
    tokenizer: z.string().optional(),
    adv_estimator: z.string().optional(),
    temperature: finite.optional(),
    entropy_unit: z.enum(['nat', 'bit']).default('nat'),
  }).passthrough(),
});

/** Per-token fields a step may carry besides entropy and log-prob, each aligned with `tokens`. */
export const OPTIONAL_TOKEN_FIELDS = ['grad_sq', 'advantage_tokens', 'kl', 'ratio', 'ref_logprob', 'loss_mask', 'keep_mask'] as const;
/** The name of one optional per-token field. */
export type OptionalTokenField = (typeof OPTIONAL_TOKEN_FIELDS)[number];

/** One agent step. Per-token arrays are aligned over the generated tokens (`response_mask == 1`). */
export const stepLineSchema = z.object({
  train_step: z.number().int().min(0).default(0),
  traj_id: id,
  group_id: id,
  step_idx: z.number().int().min(0),
  num_steps: z.number().int().min(1).optional(),
  prompt: z.string().optional(),
  response: z.string().optional(),
  tokens: z.array(z.string()).min(1),
  entropy: z.array(finite.min(0)),
  logprob: z.array(finite.max(0)),
  outcome_reward: finite,
  step_reward: finite.optional(),
  advantage: finite,
  valid_action: z.boolean().optional(),
  /** 1 − 2π(a) + Σπ²: the exact squared norm of ∂log π(a)/∂logits. */
  grad_sq: tokenNumbers.optional(),
  /** A per-token advantage (GAE, or an estimator that varies along the response). */
  advantage_tokens: tokenNumbers.optional(),
  /** Per-token KL estimate between the policies the trainer compares (e.g. trainer vs inference). */
  kl: tokenNumbers.optional(),
  /** Per-token importance ratio π_θ / π_old. */
  ratio: tokenNumbers.optional(),
  /** Per-token log-prob under the reference policy. */
  ref_logprob: tokenNumbers.optional(),
  /** 1 where the token counts in the loss. */
  loss_mask: tokenFlags.optional(),
  /** 1 where a trust-region or ratio mask kept the token. */
  keep_mask: tokenFlags.optional(),
  /** Advantages recomputed by the playground (written by its export; ignored on import). */
  grpo_advantage: finite.optional(),
  empg_advantage: finite.optional(),
}).passthrough().superRefine((step, ctx) => {
  const n = step.tokens.length;
  const aligned: [string, unknown[] | undefined][] = [
    ['entropy', step.entropy], ['logprob', step.logprob], ...OPTIONAL_TOKEN_FIELDS.map((f) => [f, step[f]] as [string, unknown[] | undefined]),
  ];
  for (const [name, values] of aligned) {
    if (values && values.length !== n) {
      ctx.addIssue({ code: 'custom', path: [name], message: `has ${values.length} values for ${n} tokens` });
    }
  }
});

/** One parsed step line. */
export type StepLine = z.output<typeof stepLineSchema>;
/** The parsed meta line. */
export type StepMeta = z.output<typeof stepMetaSchema>['meta'];

/** A readable one-line account of what is wrong with a value under a schema (at most three issues). */
export function describeIssues(error: z.ZodError): string {
  return error.issues.slice(0, 3).map((i) => `${i.path.join('.') || 'line'}: ${i.message}`).join('; ');
}
