/**
 * The Fig. 3 analogue (reference/paper.md §7): how much the entropy of a fixed set of base-policy steps
 * changes after training, binned by the percentile of its initial entropy — at step level (the step
 * entropies of src/core/stepEntropy.ts) and at token level. Pure: the CLI (`entropy-change`) samples,
 * trains and measures; this module bins, aggregates across seeds and validates the committed file.
 */
import { z } from 'zod';
import { STEP_ENTROPY_MODES, stepEntropyOf } from '../core/stepEntropy';
import { meanInterval } from './statistics';

/** The levels the change is binned at: a step entropy per mode, every token, and the choice tokens only. */
export const ENTROPY_LEVELS = [...STEP_ENTROPY_MODES.map((m) => `step:${m}` as const), 'token:all', 'token:choices'] as const;
/** One level. */
export type EntropyLevel = (typeof ENTROPY_LEVELS)[number];

/** What one step contributes: its token entropies before and after, and the allowed count at each token. */
export interface StepEntropies {
  before: readonly number[];
  after: readonly number[];
  allowedCounts: readonly number[];
}

/** The (initial, later) value pairs of one level, one per step or token, in a fixed order. */
export function levelPairs(steps: readonly StepEntropies[], level: EntropyLevel): { h0: number; h1: number }[] {
  const pairs: { h0: number; h1: number }[] = [];
  for (const s of steps) {
    if (s.before.length !== s.after.length || s.before.length !== s.allowedCounts.length) {
      throw new Error(`entropy change: a step has ${s.before.length} tokens before, ${s.after.length} after, ${s.allowedCounts.length} allowed counts`);
    }
    if (level.startsWith('step:')) {
      const mode = level.slice(5) as (typeof STEP_ENTROPY_MODES)[number];
      pairs.push({ h0: stepEntropyOf(s.before, s.allowedCounts, mode), h1: stepEntropyOf(s.after, s.allowedCounts, mode) });
    } else {
      s.before.forEach((h0, j) => {
        if (level === 'token:all' || s.allowedCounts[j] > 1) pairs.push({ h0, h1: s.after[j] });
      });
    }
  }
  return pairs;
}

/**
 * Percentile bin of each value: rank by value (ties in input order), bin = ⌊rank · bins / n⌋, so every
 * bin holds n / bins items (± 1). Ties at one value (e.g. the many exact zeros of forced tokens) spread
 * over consecutive bins, which is what a percentile axis means.
 */
export function percentileBins(values: readonly number[], bins: number): number[] {
  const order = values.map((v, i) => ({ v, i })).sort((a, b) => a.v - b.v || a.i - b.i);
  const out = new Array<number>(values.length);
  order.forEach(({ i }, rank) => { out[i] = Math.floor((rank * bins) / values.length); });
  return out;
}

const round = (v: number) => (Number.isFinite(v) ? Number(v.toPrecision(4)) : null);

/** The bins of one level on the base policy: items, mean and range of the initial entropy. */
export const baseBinsSchema = z.object({
  count: z.array(z.number().int().min(0)),
  meanH0: z.array(z.number().nullable()),
  minH0: z.array(z.number().nullable()),
  maxH0: z.array(z.number().nullable()),
});
/** One run's change per bin: mean ΔH = H1 − H0 and mean |ΔH|. */
export const runBinsSchema = z.object({ delta: z.array(z.number().nullable()), absDelta: z.array(z.number().nullable()) });

/** Bins the (h0, h1) pairs: the base side (counts, H0) and the run side (ΔH, |ΔH|). */
export function binPairs(pairs: readonly { h0: number; h1: number }[], bins: number): { base: z.infer<typeof baseBinsSchema>; run: z.infer<typeof runBinsSchema> } {
  const bin = percentileBins(pairs.map((p) => p.h0), bins);
  const groups = Array.from({ length: bins }, () => [] as { h0: number; h1: number }[]);
  pairs.forEach((p, i) => groups[bin[i]].push(p));
  const meanOf = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);
  return {
    base: {
      count: groups.map((g) => g.length),
      meanH0: groups.map((g) => round(meanOf(g.map((p) => p.h0)))),
      minH0: groups.map((g) => round(g.length ? Math.min(...g.map((p) => p.h0)) : NaN)),
      maxH0: groups.map((g) => round(g.length ? Math.max(...g.map((p) => p.h0)) : NaN)),
    },
    run: {
      delta: groups.map((g) => round(meanOf(g.map((p) => p.h1 - p.h0)))),
      absDelta: groups.map((g) => round(meanOf(g.map((p) => Math.abs(p.h1 - p.h0))))),
    },
  };
}

export const ENTROPY_CHANGE_FORMAT = 'empg-playground-entropy-change';

const levelRecord = <T extends z.ZodTypeAny>(schema: T) => z.object(Object.fromEntries(ENTROPY_LEVELS.map((l) => [l, schema])) as Record<EntropyLevel, T>);

/** One trained run of the analysis. */
export const entropyChangeRunSchema = z.object({
  algo: z.string().min(1),
  seed: z.number().int().min(0),
  minutes: z.number().min(0),
  /** Training success rate, mean of the last 10 iterations (a check that the run learned). */
  finalTrainSuccess: z.number().nullable(),
  levels: levelRecord(runBinsSchema),
});
/** One trained run of the analysis. */
export type EntropyChangeRun = z.infer<typeof entropyChangeRunSchema>;

/** A committed Fig. 3 analogue for one regime. */
export const entropyChangeSchema = z.object({
  format: z.literal(ENTROPY_CHANGE_FORMAT),
  version: z.literal(1),
  regime: z.string().min(1),
  checkpoint: z.string(),
  commit: z.string().optional(),
  backend: z.string(),
  /** Training iterations per run (every run starts from the base checkpoint). */
  iterations: z.number().int().min(1),
  /** Base-policy episodes on held-out tasks 0…episodes−1, sampled once at the rollout temperature. */
  episodes: z.number().int().min(1),
  successes: z.number().int().min(0),
  steps: z.number().int().min(1),
  tokens: z.number().int().min(1),
  choiceTokens: z.number().int().min(0),
  bins: z.number().int().min(2),
  base: levelRecord(baseBinsSchema),
  runs: z.array(entropyChangeRunSchema),
});
/** A committed Fig. 3 analogue for one regime. */
export type EntropyChange = z.infer<typeof entropyChangeSchema>;

/** Validates a parsed file; errors name the field. */
export function parseEntropyChange(json: unknown): { ok: true; data: EntropyChange } | { ok: false; errors: string[] } {
  const result = entropyChangeSchema.safeParse(json);
  if (!result.success) return { ok: false, errors: result.error.issues.map((i) => `${i.path.join('.') || 'file'}: ${i.message}`) };
  const d = result.data;
  const errors: string[] = [];
  for (const level of ENTROPY_LEVELS) {
    const lengths = [...Object.values(d.base[level]), ...d.runs.flatMap((r) => Object.values(r.levels[level]))].map((a) => a.length);
    if (lengths.some((n) => n !== d.bins)) errors.push(`${level}: every bin array must have ${d.bins} entries`);
  }
  return errors.length ? { ok: false, errors } : { ok: true, data: d };
}

/** Per bin, the mean across an algorithm's seeds with a 95 % t interval (NaN half-width with one seed). */
export function acrossSeeds(data: EntropyChange, algo: string, level: EntropyLevel, field: 'delta' | 'absDelta'): { n: number; mean: number; half: number }[] {
  const runs = data.runs.filter((r) => r.algo === algo);
  return Array.from({ length: data.bins }, (_, b) => {
    const m = meanInterval(runs.map((r) => r.levels[level][field][b]).filter((v): v is number => v !== null));
    return { n: m.n, mean: m.mean, half: m.half };
  });
}
