/**
 * The view state that lives in the URL hash (`#env=webshop&algo=grpo+empg&lr=0.002&…`), so any view can
 * be shared as a link — a teacher's link with `hide=` hides control groups for a lecture. One zod schema
 * is the single source of the keys, their defaults and their validation; training keys take their
 * limits and defaults from the training config (src/train/config.ts). Invalid values are reported and
 * replaced by defaults; they never break the page.
 */
import { z } from 'zod';
import { clip, URL_PARAM_LIMIT, URL_VALUE_LIMIT } from './limits';
import { BACKENDS } from '../train/backendNames';
import { DEFAULT_TRAIN_CONFIG, trainConfigSchema, type TrainConfig } from '../train/config';

/** The environment presets, easiest first: every environment has the first three, ALFWorld-lite also `long`. */
export const PRESETS = ['tiny', 'small', 'standard', 'long'] as const;

/** The presets one environment offers, easiest first. */
export function presetsFor(env: HashState['env']): readonly (typeof PRESETS)[number][] {
  return env === 'alfworld' ? PRESETS : PRESETS.filter((preset) => preset !== 'long');
}

/** The algorithms the page offers, as URL values; see `ALGORITHM_TITLES` for what each means. */
export const ALGORITHMS = [
  'grpo', 'grpo+empg', 'grpo+empg-scaling', 'grpo+empg-bonus', 'grpo+empg-signal',
  'dapo', 'dapo+empg', 'dapo+empg-scaling', 'dapo+empg-bonus', 'dapo+empg-signal',
] as const;
/** One algorithm choice. */
export type AlgorithmChoice = (typeof ALGORITHMS)[number];

/** What each algorithm choice is, for people. */
export const ALGORITHM_TITLES: Record<AlgorithmChoice, string> = {
  'grpo': 'GRPO',
  'grpo+empg': 'GRPO + EMPG',
  'grpo+empg-scaling': 'GRPO + EMPG, ablation: gradient scaling only (ζ = 0)',
  'grpo+empg-bonus': 'GRPO + EMPG, ablation: future-clarity bonus only (g ≡ 1)',
  'grpo+empg-signal': 'GRPO + EMPG, variant: bonus only in groups with signal',
  'dapo': 'DAPO',
  'dapo+empg': 'DAPO + EMPG',
  'dapo+empg-scaling': 'DAPO + EMPG, ablation: gradient scaling only (ζ = 0)',
  'dapo+empg-bonus': 'DAPO + EMPG, ablation: future-clarity bonus only (g ≡ 1)',
  'dapo+empg-signal': 'DAPO + EMPG, variant: bonus only in groups with signal',
};

/** The control groups a teacher link can hide with `hide=a,b,…`. */
export const CONTROL_GROUPS = ['environment', 'algorithm', 'empg', 'training', 'sampling', 'init', 'speed', 'compare', 'io'] as const;
/** One hideable control group. */
export type ControlGroup = (typeof CONTROL_GROUPS)[number];

/** How often the charts redraw: after every iteration, at most every 2 s, or only while paused. */
export const REFRESH_MODES = ['iteration', '2s', 'pause'] as const;
/** One refresh mode. */
export type RefreshMode = (typeof REFRESH_MODES)[number];

/** The algorithm choice of a training config. */
export function algorithmOf(config: Pick<TrainConfig, 'algorithm' | 'empg' | 'bonusOnlyInSignalGroups'>): AlgorithmChoice {
  if (config.empg === 'off') return config.algorithm;
  if (config.empg === 'full') return config.bonusOnlyInSignalGroups ? `${config.algorithm}+empg-signal` : `${config.algorithm}+empg`;
  return `${config.algorithm}+empg-${config.empg}`;
}

/** The training-config fields of an algorithm choice. */
export function configOfAlgorithm(choice: AlgorithmChoice): Pick<TrainConfig, 'algorithm' | 'empg' | 'bonusOnlyInSignalGroups'> {
  const [algorithm, modifier] = choice.split('+') as ['grpo' | 'dapo', string | undefined];
  if (!modifier) return { algorithm, empg: 'off', bonusOnlyInSignalGroups: false };
  const variant = modifier.split('-')[1];
  if (variant === 'signal') return { algorithm, empg: 'full', bonusOnlyInSignalGroups: true };
  return { algorithm, empg: (variant as 'scaling' | 'bonus' | undefined) ?? 'full', bonusOnlyInSignalGroups: false };
}

const shape = trainConfigSchema.shape;
/** A number read from the URL's text, then checked by the training config's own field schema. */
const numberFrom = <T extends z.ZodType>(field: T) =>
  z.preprocess((value) => (typeof value === 'string' ? (DECIMAL.test(value.trim()) ? Number(value) : value) : value), field);
/** Plain decimal numbers only: `0x10`, `1_000` or `Infinity` are not settings a person types. */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const flag = z.preprocess((value) => (value === '1' || value === 'true' ? true : value === '0' || value === 'false' ? false : value), z.boolean());
/** `+` in a hand-typed link arrives as a space: `algo=grpo+empg` still means GRPO + EMPG. */
const algorithm = z.preprocess((value) => (typeof value === 'string' ? value.trim().replace(/ /g, '+').toLowerCase() : value), z.enum(ALGORITHMS));
const defaultAlgorithm = algorithmOf(DEFAULT_TRAIN_CONFIG);

/** Every key the hash understands, with its default. */
export const hashSchema = z.object({
  /** Which TF.js backend to use; `auto` chooses (see src/train/backend.ts). */
  backend: z.enum(['auto', ...BACKENDS]).default('auto'),
  env: shape.env,
  preset: z.enum(PRESETS).default(DEFAULT_TRAIN_CONFIG.preset as (typeof PRESETS)[number]),
  seed: numberFrom(shape.seed),
  /** The algorithm of lane 0 (the only lane unless comparing). */
  algo: algorithm.default(defaultAlgorithm),
  k: numberFrom(shape.k),
  kF: numberFrom(shape.kF),
  zeta: numberFrom(shape.zeta),
  /** What EMPG's step entropy averages: every token (the paper), the choices, or the choices normalised. */
  stepEntropy: shape.stepEntropy,
  lr: numberFrom(shape.lr),
  /** Group size G: rollouts per task. */
  G: numberFrom(shape.groupSize),
  /** Batch size B: tasks per iteration. */
  B: numberFrom(shape.tasksPerIteration),
  temperature: numberFrom(shape.temperature),
  decoding: shape.decoding,
  /** Step cap of training episodes (shorter episodes, faster iterations); unset: the preset's limit. */
  steps: numberFrom(z.number().int().min(1).max(200)).optional(),
  /** Initial weights: the shipped base checkpoint or a fresh model. */
  init: z.enum(['base', 'scratch']).default('base'),
  /**
   * Model size: `tiny` for CPU backends, `small` (twice as wide, two blocks) for a real GPU. The shipped base
   * checkpoints are of the tiny model, so a small one starts from a fresh model.
   */
  model: shape.modelSize,
  /** Compare mode: a second lane with the same seed, tasks and initial weights. */
  compare: flag.default(false),
  /** The algorithm of lane 1 in compare mode. */
  algo2: algorithm.default('grpo+empg'),
  /** EMA smoothing of the charts, 0 (raw) to 0.95. */
  smoothing: numberFrom(z.number().min(0).max(0.95)).default(0.6),
  speed: z.enum(REFRESH_MODES).default('iteration'),
  /** Control groups hidden for a lecture, comma separated. */
  hide: z.preprocess(
    (value) => (typeof value === 'string' ? value.split(',').map((s) => s.trim()).filter(Boolean) : value),
    z.array(z.enum(CONTROL_GROUPS)),
  ).default([]),
  /** Start the guided tour. */
  tour: flag.default(false),
  /** Presentation mode: the story large, above the fold, settings in a drawer (a lecture link). */
  present: flag.default(false),
});

/** The parsed hash state. */
export type HashState = z.infer<typeof hashSchema>;

/** The defaults, used for every missing or invalid key. */
export const defaultHashState: HashState = hashSchema.parse({});

/** The result of reading a hash: the usable state plus one readable line per problem found. */
export interface ParsedHash {
  state: HashState;
  problems: string[];
  /** The keys the link set to a valid value (the others hold defaults). */
  given: (keyof HashState)[];
}

/** Parses `#key=value&…` (the leading `#` is optional). Never throws. */
export function parseHash(hash: string): ParsedHash {
  const params = [...new URLSearchParams(hash.replace(/^#/, ''))];
  const raw: Record<string, string> = {};
  const problems: string[] = [];
  const known = Object.keys(hashSchema.shape);
  const unknown: string[] = [];
  if (params.length > URL_PARAM_LIMIT) problems.push(`The link has ${params.length} parameters; only the first ${URL_PARAM_LIMIT} were read.`);
  for (const [key, value] of params.slice(0, URL_PARAM_LIMIT)) {
    if (!known.includes(key)) unknown.push(clip(key, 40));
    else if (value.length > URL_VALUE_LIMIT) problems.push(`URL parameter ${key} is ${value.length} characters long (at most ${URL_VALUE_LIMIT}); using the default.`);
    else raw[key] = value;
  }
  if (unknown.length) {
    const names = unknown.slice(0, 5).map((k) => `"${k}"`).join(', ') + (unknown.length > 5 ? ` and ${unknown.length - 5} more` : '');
    problems.push(`${unknown.length === 1 ? 'Unknown URL parameter' : `${unknown.length} unknown URL parameters`} ${names} ${unknown.length === 1 ? 'was' : 'were'} ignored (known: ${known.join(', ')}).`);
  }
  const state: Record<string, unknown> = { ...defaultHashState };
  const given: (keyof HashState)[] = [];
  for (const key of known) {
    if (!(key in raw)) continue;
    const field = hashSchema.shape[key as keyof typeof hashSchema.shape];
    const parsed = field.safeParse(raw[key]);
    if (parsed.success) {
      state[key] = parsed.data;
      given.push(key as keyof HashState);
    } else {
      problems.push(`URL parameter ${key}="${raw[key]}" is invalid (${parsed.error.issues[0]?.message}); using the default "${String(state[key])}".`);
    }
  }
  if (!presetsFor(state.env as HashState['env']).includes(state.preset as HashState['preset'])) {
    problems.push(`URL parameter preset="${String(state.preset)}" exists only for ALFWorld-lite, not ${String(state.env)}; using "tiny".`);
    state.preset = 'tiny';
    given.splice(given.indexOf('preset'), 1);
  }
  return { state: state as HashState, problems, given };
}

/** Writes the state back as a hash, leaving out values equal to their defaults. */
export function formatHash(state: HashState): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(state)) {
    const fallback = defaultHashState[key as keyof HashState];
    const text = Array.isArray(value) ? value.join(',') : String(value);
    const defaultText = Array.isArray(fallback) ? fallback.join(',') : String(fallback);
    if (text !== defaultText) params.set(key, typeof value === 'boolean' ? (value ? '1' : '0') : text);
  }
  // Keep `+` and `,` readable in shared links; URLSearchParams would escape them.
  const text = params.toString().replace(/%2B/g, '+').replace(/%2C/g, ',');
  return text ? `#${text}` : '';
}

/** The training config of a lane described by the hash (lane 1 differs only in its algorithm). */
export function trainConfigOf(state: HashState, lane: 0 | 1 = 0): Partial<TrainConfig> {
  return {
    env: state.env, preset: state.preset, seed: state.seed,
    ...configOfAlgorithm(lane === 0 ? state.algo : state.algo2),
    k: state.k, kF: state.kF, zeta: state.zeta, stepEntropy: state.stepEntropy, lr: state.lr,
    groupSize: state.G, tasksPerIteration: state.B, temperature: state.temperature, decoding: state.decoding,
    maxSteps: state.steps, modelSize: state.model,
  };
}
