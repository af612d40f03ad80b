/**
 * The experiment grids of `npm run cli -- reproduce`: which runs make up a profile, how each run is
 * named, and how a grid splits into shards. Pure data; running a spec is cli/reproduce.ts's job.
 *
 * Every profile crosses {GRPO, GRPO+EMPG, DAPO, DAPO+EMPG} × the regimes × seeds, adds both EMPG
 * ablations (gradient scaling only, bonus only) on GRPO for ALFWorld-lite short and WebShop-lite, and a
 * k/ζ sensitivity of GRPO+EMPG on the long ALFWorld-lite regime, and GRPO+EMPG with the `normalized`
 * step entropy on every regime (the learning test of that mode against the paper's `all`).
 */
import { z } from 'zod';
import { STEP_ENTROPY_MODES, type StepEntropyMode } from '../core/stepEntropy';
import { DEFAULT_TRAIN_CONFIG, parseAlgorithmLabel } from '../train/config';

/**
 * An environment regime: an environment, a preset, the base checkpoint every run starts from and, where
 * the trainer's defaults do not suit it, its own training settings — the same for every algorithm of the
 * regime, chosen on GRPO alone (docs/TRAINING.md says how).
 */
export interface Regime {
  id: string;
  title: string;
  env: 'alfworld' | 'webshop' | 'deepsearch';
  preset: string;
  checkpoint: string;
  /** Training settings of this regime's runs that differ from the defaults of src/train/config.ts. */
  training?: RegimeTraining;
}

/** The training settings a regime may set for all its runs (fields of `TrainConfig`). */
export interface RegimeTraining {
  /** Adam learning rate. */
  lr?: number;
  /** Tasks per iteration, B. */
  tasksPerIteration?: number;
  /** Rollouts per task, G. */
  groupSize?: number;
}

/** The regimes, in table order. */
export const REGIMES: readonly Regime[] = [
  { id: 'alfworld-short', title: 'ALFWorld-lite short (tiny, 25 steps)', env: 'alfworld', preset: 'tiny', checkpoint: 'public/checkpoints/alfworld-base.json' },
  // lr 3e-4: at the default 3e-3 GRPO collapsed on this regime, at 1e-3 it drifted down (docs/TRAINING.md).
  {
    id: 'alfworld-long', title: 'ALFWorld-lite long (50 steps, closed containers)', env: 'alfworld', preset: 'long', checkpoint: 'public/checkpoints/alfworld-long-base.json',
    training: { lr: 3e-4 },
  },
  { id: 'webshop', title: 'WebShop-lite (tiny)', env: 'webshop', preset: 'tiny', checkpoint: 'public/checkpoints/webshop-base.json' },
  // lr 1e-3: GRPO's held-out change at T = 1 over 8 seeds, 100 iterations, was +14.3 points (95 % +12.0 to +16.6)
  // against +5.8 (−0.1 to +11.7) at the default 3e-3, whose first updates overshoot, and greedy success stayed at
  // the base's (−0.8 against −12.8); B × G = 4 × 16 at 3e-3 gave +6.2 (docs/TRAINING.md).
  {
    id: 'deepsearch', title: 'Deep Search-lite (tiny; held-out half in domain, half out of domain)', env: 'deepsearch', preset: 'tiny', checkpoint: 'public/checkpoints/deepsearch-base.json',
    training: { lr: 1e-3 },
  },
];

/** Looks a regime up by id. */
export function regimeOf(id: string): Regime {
  const regime = REGIMES.find((r) => r.id === id);
  if (!regime) throw new Error(`unknown regime "${id}" (known: ${REGIMES.map((r) => r.id).join(', ')})`);
  return regime;
}

/** The algorithm labels of the grid (as `parseAlgorithmLabel` reads them). */
export const MAIN_ALGORITHMS = ['grpo', 'grpo+empg', 'dapo', 'dapo+empg'] as const;
/** The ablations of Table 2. */
export const ABLATIONS = ['grpo+empg-scaling', 'grpo+empg-bonus'] as const;

/** One run of a grid. */
export const runSpecSchema = z.object({
  /** Stable name, also the summary's file name: `regime/algo/kK-zZ/sS`. */
  id: z.string().min(1),
  regime: z.string().min(1),
  algo: z.string().min(1),
  k: z.number().finite(),
  zeta: z.number().finite(),
  /** The step-entropy mode (src/core/stepEntropy.ts); `all` is the paper. */
  stepEntropy: z.enum(STEP_ENTROPY_MODES).default('all'),
  seed: z.number().int().min(0),
  iterations: z.number().int().min(1),
  evalEpisodes: z.number().int().min(1),
  /** What the run belongs to: the main table, an ablation, or the k/ζ sensitivity. */
  part: z.enum(['main', 'ablation', 'sensitivity', 'entropy-mode']),
});
/** One run of a grid. */
export type RunSpec = z.infer<typeof runSpecSchema>;

/** A profile's size. */
export interface Profile {
  name: 'smoke' | 'quick' | 'full';
  seeds: number;
  iterations: number;
  evalEpisodes: number;
  /** The k and ζ values of the sensitivity sweep (each varied alone around k = 1, ζ = 0.1). */
  ks: readonly number[];
  zetas: readonly number[];
}

/**
 * The profiles: `quick` (8 seeds, 100 iterations) and `full` (16 seeds, 200 iterations), both with at
 * least 256 held-out episodes per run; `smoke` checks the pipeline in minutes and is never reported.
 */
export const PROFILES: Readonly<Record<Profile['name'], Profile>> = {
  smoke: { name: 'smoke', seeds: 1, iterations: 2, evalEpisodes: 8, ks: [2], zetas: [0.2] },
  quick: { name: 'quick', seeds: 8, iterations: 100, evalEpisodes: 256, ks: [0.5, 2], zetas: [0.05, 0.2] },
  full: { name: 'full', seeds: 16, iterations: 200, evalEpisodes: 512, ks: [0.25, 0.5, 2, 4], zetas: [0, 0.05, 0.2, 0.5] },
};

/** The run's stable name; a step-entropy mode other than the paper's is part of it. */
export function runId(spec: Pick<RunSpec, 'regime' | 'algo' | 'k' | 'zeta' | 'seed'> & { stepEntropy?: StepEntropyMode }): string {
  const mode = spec.stepEntropy && spec.stepEntropy !== 'all' ? `-H${spec.stepEntropy}` : '';
  return `${spec.regime}/${spec.algo}/k${spec.k}-z${spec.zeta}${mode}/s${spec.seed}`;
}

/**
 * Every run of a profile, seed-major (all cells get seed 1 before any gets seed 2), so a grid stopped
 * early still has every cell with as many seeds as possible.
 */
export function gridOf(profile: Profile): RunSpec[] {
  const cells: Omit<RunSpec, 'id' | 'seed' | 'iterations' | 'evalEpisodes'>[] = [];
  const cell = (regime: string, algo: string, part: RunSpec['part'], k = 1, zeta = 0.1, stepEntropy: StepEntropyMode = 'all') =>
    cells.push({ regime, algo, k, zeta, stepEntropy, part });
  for (const regime of REGIMES) for (const algo of MAIN_ALGORITHMS) cell(regime.id, algo, 'main');
  for (const regime of ['alfworld-short', 'webshop']) for (const algo of ABLATIONS) cell(regime, algo, 'ablation');
  for (const k of profile.ks) cell('alfworld-long', 'grpo+empg', 'sensitivity', k);
  for (const zeta of profile.zetas) cell('alfworld-long', 'grpo+empg', 'sensitivity', 1, zeta);
  for (const regime of REGIMES) cell(regime.id, 'grpo+empg', 'entropy-mode', 1, 0.1, 'normalized');
  const runs: RunSpec[] = [];
  for (let seed = 1; seed <= profile.seeds; seed++) {
    for (const cell of cells) {
      const spec = { ...cell, seed, iterations: profile.iterations, evalEpisodes: profile.evalEpisodes };
      runs.push({ ...spec, id: runId(spec) });
    }
  }
  return runs;
}

/**
 * The training configuration of a run, before validation (`parseTrainConfig`): its regime's environment,
 * preset and training settings, then the run's seed, algorithm, k, ζ and step-entropy mode; every other
 * field keeps the trainer's default.
 */
export function configInputOf(spec: Pick<RunSpec, 'regime' | 'algo' | 'k' | 'zeta' | 'seed' | 'stepEntropy'>): Record<string, unknown> {
  const regime = regimeOf(spec.regime);
  return {
    env: regime.env, preset: regime.preset, ...regime.training,
    seed: spec.seed, ...parseAlgorithmLabel(spec.algo), k: spec.k, zeta: spec.zeta, stepEntropy: spec.stepEntropy,
  };
}

/**
 * How a run's recorded configuration differs from the training settings its regime asks for now (lr, B, G:
 * the regime's own, else the trainer's defaults), or null when it does not — a summary trained otherwise
 * does not belong to the grid.
 */
export function trainingMismatch(spec: Pick<RunSpec, 'regime'>, config: Readonly<Record<string, unknown>>): string | null {
  const { lr, tasksPerIteration, groupSize } = DEFAULT_TRAIN_CONFIG;
  const wanted = { lr, tasksPerIteration, groupSize, ...regimeOf(spec.regime).training };
  const differ = (['lr', 'tasksPerIteration', 'groupSize'] as const).filter((key) => config[key] !== wanted[key]);
  return differ.length ? differ.map((key) => `${key} ${config[key]} (the grid asks ${wanted[key]})`).join(', ') : null;
}

/**
 * Splits run summaries into those the grid counts and those trained with settings their regime no longer asks
 * for (`superseded`, each as "id: how it differs") — `reproduce` runs the latter again, and until then a report
 * must not average them with runs at the current settings.
 */
export function currentRuns<S extends { spec: Pick<RunSpec, 'regime' | 'id'>; config: Readonly<Record<string, unknown>> }>(
  summaries: readonly S[],
): { current: S[]; superseded: string[] } {
  const current: S[] = [];
  const superseded: string[] = [];
  for (const summary of summaries) {
    const mismatch = trainingMismatch(summary.spec, summary.config);
    if (mismatch) superseded.push(`${summary.spec.id}: ${mismatch}`);
    else current.push(summary);
  }
  return { current, superseded };
}

/** A shard `i/n` (1-based): run i, i + n, i + 2n, … of the grid. */
export interface Shard {
  index: number;
  count: number;
}

/** Parses `i/n` with 1 ≤ i ≤ n; throws a message naming the problem. */
export function parseShard(text: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!match) throw new Error(`--shard must look like i/n (e.g. 2/4), got "${text}"`);
  const [index, count] = [Number(match[1]), Number(match[2])];
  if (count < 1 || index < 1 || index > count) throw new Error(`--shard ${text}: need 1 ≤ i ≤ n`);
  return { index, count };
}

/** The runs of one shard; the shards of a grid are disjoint and together cover it. */
export function shardOf<T>(runs: readonly T[], shard: Shard): T[] {
  return runs.filter((_, i) => i % shard.count === shard.index - 1);
}

/** What a run belongs to (see `RunSpec.part`). */
export type RunPart = RunSpec['part'];
/** Every part, in the order a grid lists them. */
export const RUN_PARTS: readonly RunPart[] = runSpecSchema.shape.part.options;

/** Parses a comma-separated list of parts (`main,ablation`); throws a message naming the unknown ones. */
export function parseParts(text: string): RunPart[] {
  const names = text.split(',').map((name) => name.trim()).filter(Boolean);
  const unknown = names.filter((name) => !(RUN_PARTS as readonly string[]).includes(name));
  if (!names.length || unknown.length) {
    throw new Error(`--part must be a comma-separated list of ${RUN_PARTS.join(', ')}; got "${text}"`);
  }
  return names as RunPart[];
}

/** The file of a run's summary under a results folder: `regime/algo/kK-zZ/sS.json`. */
export function summaryPath(dir: string, id: string): string {
  return `${dir.replace(/\/$/, '')}/${id}.json`;
}

/** How a setting is named in tables and legends: the algorithm, a non-paper step-entropy mode, and k/ζ in the sensitivity. */
export function cellLabel(spec: Pick<RunSpec, 'algo' | 'stepEntropy' | 'part' | 'k' | 'zeta'>): string {
  const mode = spec.stepEntropy && spec.stepEntropy !== 'all' ? ` ${spec.stepEntropy}` : '';
  const knobs = spec.part === 'sensitivity' ? ` (k = ${spec.k}, ζ = ${spec.zeta})` : '';
  return `${spec.algo}${mode}${knobs}`;
}
