/**
 * Every knob of a training run, with its default and a one-line meaning — the single source of defaults
 * for the CLI, the worker and the page. Defaults are small versions of the paper's settings (paper.md §3)
 * sized for a browser; each field says where it comes from.
 */
import { z } from 'zod';
import { STEP_ENTROPY_MODES } from '../core/stepEntropy';

/** The training configuration schema (zod): parse untrusted input with `parseTrainConfig`. */
export const trainConfigSchema = z.object({
  /** Environment family. */
  env: z.enum(['alfworld', 'webshop', 'deepsearch']).default('alfworld'),
  /** Environment preset (tiny, small, standard). */
  preset: z.string().min(1).default('tiny'),
  /** Seed of everything random in the run: initial weights, tasks, sampling, minibatch order. */
  seed: z.number().int().min(0).max(2 ** 31 - 1).default(1),

  /** Base algorithm: GRPO (group z-score) or DAPO (clip-higher, dynamic sampling, no KL). */
  algorithm: z.enum(['grpo', 'dapo']).default('grpo'),
  /** EMPG on top: off, full, gradient scaling only (ζ = 0), or future-clarity bonus only (g ≡ 1). */
  empg: z.enum(['off', 'full', 'scaling', 'bonus']).default('full'),
  /** EMPG temperature of g (paper default 1). */
  k: z.number().finite().min(0).max(50).default(1),
  /** EMPG temperature of the bonus f (paper default 1). */
  kF: z.number().finite().min(0).max(50).default(1),
  /** EMPG bonus weight ζ (project-page default 0.1). */
  zeta: z.number().finite().min(0).max(10).default(0.1),
  /** Add the bonus only in groups whose rewards vary (a variant; the paper adds it everywhere). */
  bonusOnlyInSignalGroups: z.boolean().default(false),
  /**
   * EMPG's final step, A_final = A_mod − the mean of A_mod over the batch's steps (§2.7, Eq. 7). Off only as
   * an ablation (A_final = A_mod): it tells what the centring does apart from the scaling and the bonus.
   */
  empgCentre: z.boolean().default(true),
  /**
   * What EMPG's step entropy H_t averages (src/core/stepEntropy.ts): `all` generated tokens (the paper
   * literally), only the `choices` (tokens with more than one allowed continuation; forced tokens have
   * entropy 0 and would make a step look confident without any decision being made), or the choices
   * `normalized` by log(number of allowed tokens) so a 3-way and a 12-way choice compare.
   */
  stepEntropy: z.enum(STEP_ENTROPY_MODES).default('all'),
  /** Divide group advantages by the group's std (GRPO); false gives Dr.GRPO's un-scaled version. */
  scaleByStd: z.boolean().default(true),

  /** Tasks per iteration, B (paper: 16). */
  tasksPerIteration: z.number().int().min(1).max(64).default(8),
  /** Rollouts per task, G (paper: 8). */
  groupSize: z.number().int().min(1).max(32).default(8),
  /** Sampling temperature of rollouts (verl-agent: 1.0). */
  temperature: z.number().finite().min(0.05).max(5).default(1),
  /** Masked: only tokens that continue an admissible action; free: any token, invalid actions are no-ops. */
  decoding: z.enum(['masked', 'free']).default('masked'),
  /** Reward penalty per invalid action in free decoding (verl-agent: 0.1). */
  invalidPenalty: z.number().finite().min(0).max(1).default(0.1),
  /** Step cap of training episodes; unset: the preset's own limit (ALFWorld 25 in tiny, else 50; WebShop 15). */
  maxSteps: z.number().int().min(1).max(200).optional(),
  /** DAPO: extra sampling rounds to replace groups with no reward variance. */
  dapoMaxResampleRounds: z.number().int().min(0).max(10).default(2),

  /** Adam learning rate. 3e-3: with 1e-3 ALFWorld-lite barely moved in 40 iterations (docs/TRAINING.md). */
  lr: z.number().finite().positive().max(1).default(3e-3),
  /** Adam epsilon, explicit so every backend uses the same (webgl's default differs). */
  adamEpsilon: z.number().finite().positive().default(1e-8),
  /** Global gradient-norm clip (default 1.0). */
  maxGradNorm: z.number().finite().positive().default(1),
  /** Passes over each iteration's data. */
  ppoEpochs: z.number().int().min(1).max(8).default(1),
  /**
   * Steps (decisions) the update learns from per iteration, drawn uniformly from the batch (0: all).
   * 2048 keeps every step of a default batch (ALFWorld-lite tiny: ~1,300; learning with 512 was slower,
   * docs/TRAINING.md) and bounds the update's time on the 50-step presets; a uniform sample keeps the
   * gradient unbiased.
   */
  maxUpdateSteps: z.number().int().min(0).max(100_000).default(2048),
  /** Steps (decisions) per minibatch; each minibatch is one optimizer step. */
  miniBatchSize: z.number().int().min(1).max(4096).default(128),
  /** Lower clip ε of the ratio (both algorithms: 0.2). */
  clipLow: z.number().finite().min(0).max(1).default(0.2),
  /** Upper clip ε of the ratio; unset: 0.2 for GRPO, 0.28 for DAPO (clip-higher). */
  clipHigh: z.number().finite().min(0).max(1).optional(),
  /** Weight of the k3 KL penalty to the initial policy (0: off; DAPO always off). */
  klCoef: z.number().finite().min(0).max(10).default(0),

  /** Model size preset: tiny (d 32, 1 layer) for CPU backends, small (d 64, 2 layers) for a GPU. */
  modelSize: z.enum(['tiny', 'small']).default('tiny'),
  /** Token context of the model; unset: what the environment's prompts need. */
  context: z.number().int().min(32).max(512).optional(),
  /** Steps per iteration whose exact parameter-space gradient norm is measured (0 = none, -1 = all). */
  gradNormSample: z.number().int().min(-1).max(4096).default(32),
});

/** A complete, validated configuration. */
export type TrainConfig = z.infer<typeof trainConfigSchema>;

/** The defaults. */
export const DEFAULT_TRAIN_CONFIG: TrainConfig = trainConfigSchema.parse({});

/** Validates a partial configuration; errors name the field and the problem. */
export function parseTrainConfig(input: unknown): { ok: true; config: TrainConfig } | { ok: false; errors: string[] } {
  const result = trainConfigSchema.safeParse(withCurrentNames(input ?? {}));
  if (result.success) return { ok: true, config: result.data };
  return { ok: false, errors: result.error.issues.map((i) => `${i.path.join('.') || 'config'}: ${i.message}`) };
}

/** Older configs named the step-entropy mode `stepEntropyTokens` (`all` | `choices`). */
function withCurrentNames(input: unknown): unknown {
  if (typeof input !== 'object' || input === null || !('stepEntropyTokens' in input)) return input;
  const { stepEntropyTokens, ...rest } = input as Record<string, unknown>;
  return 'stepEntropy' in rest ? rest : { ...rest, stepEntropy: stepEntropyTokens };
}

/** The upper clip ε in effect. */
export function effectiveClipHigh(config: TrainConfig): number {
  return config.clipHigh ?? (config.algorithm === 'dapo' ? 0.28 : 0.2);
}

/** The KL weight in effect (DAPO drops the KL term). */
export function effectiveKlCoef(config: TrainConfig): number {
  return config.algorithm === 'dapo' ? 0 : config.klCoef;
}

/**
 * Token context per environment: ALFWorld prompts fit 96 tokens (128 in the `long` preset, whose
 * searches need a longer action history), WebShop's result pages need ~224, Deep Search's question plus
 * the passages of its last searches (newest first) 160.
 */
export function effectiveContext(config: TrainConfig): number {
  if (config.context !== undefined) return config.context;
  if (config.env === 'alfworld') return config.preset === 'long' ? 128 : 96;
  return config.env === 'deepsearch' ? 160 : 224;
}

/** Longest action in tokens, EOS included. */
export function maxActionTokens(env: TrainConfig['env']): number {
  return env === 'webshop' ? 20 : 8;
}

/** Short name of the algorithm, e.g. `grpo+empg`, `dapo`, `grpo+empg(bonus)`. */
export function algorithmLabel(config: Pick<TrainConfig, 'algorithm' | 'empg'>): string {
  if (config.empg === 'off') return config.algorithm;
  return config.empg === 'full' ? `${config.algorithm}+empg` : `${config.algorithm}+empg(${config.empg})`;
}

/** Parses `grpo`, `grpo+empg`, `dapo+empg-scaling`, `dapo+empg-bonus` into the two fields. */
export function parseAlgorithmLabel(label: string): Pick<TrainConfig, 'algorithm' | 'empg'> {
  const match = /^(grpo|dapo)(\+empg(?:-(scaling|bonus))?)?$/.exec(label.trim().toLowerCase());
  if (!match) throw new Error(`unknown algorithm "${label}" (use grpo, dapo, grpo+empg, dapo+empg, or …+empg-scaling / …+empg-bonus)`);
  const empg = !match[2] ? 'off' : (match[3] as 'scaling' | 'bonus' | undefined) ?? 'full';
  return { algorithm: match[1] as 'grpo' | 'dapo', empg };
}
