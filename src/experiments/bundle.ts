/**
 * What the page's Experiments view loads (`public/results/<profile>.json`, written by
 * `npm run cli -- results`): per cell the seeds, held-out means with intervals, and mean learning
 * curves — everything it draws, nothing it would have to recompute from raw runs.
 */
import { z } from 'zod';
import { cellLabel } from './grid';
import { cellsOf, sensitivityTrends } from './report';
import { meanInterval } from './statistics';
import { comparisonsOf, describeDifference } from './verdict';
import type { EvalCounts, RunSummary } from './summary';

const interval = z.object({ n: z.number().int().min(0), mean: z.number().nullable(), half: z.number().nullable() });

/** One cell of the bundle. */
export const bundleCellSchema = z.object({
  key: z.string(),
  regime: z.string(),
  label: z.string(),
  seeds: z.number().int().min(1),
  baseT1: z.number(),
  finalT1: interval,
  finalGreedy: interval,
  changeT1: interval,
  /** Mean across seeds per iteration (null where no seed reported the metric). */
  curves: z.record(z.string(), z.array(z.number().nullable())),
});

/** One EMPG − base comparison as docs/RESULTS.md words it (src/experiments/verdict.ts). */
export const bundleComparisonSchema = z.object({
  regime: z.string(),
  kind: z.enum(['empg', 'ablation', 'mode']),
  label: z.string(),
  /** "−3.5 points (95 % interval −9.1 to +2.0, 4 vs 4 seeds)". */
  text: z.string(),
  reading: z.enum(['gain', 'loss', 'no detectable difference', 'too few seeds']),
  /** Holm's adjusted p-value over every EMPG − base pair with an interval (null for the other comparisons). */
  holm: z.number().nullable().default(null),
});

/** One knob of the k/ζ sensitivity's trend test, as docs/RESULTS.md words it (`sensitivityTrends`). */
export const bundleTrendSchema = z.object({
  regime: z.string(),
  title: z.string(),
  success: z.string(),
  entropy: z.string(),
});

/** The bundle of a profile's results. */
export const experimentsBundleSchema = z.object({
  format: z.literal('empg-playground-results'),
  profile: z.string(),
  seedsPerCell: z.number().int().min(1),
  runs: z.number().int().min(0),
  cells: z.array(bundleCellSchema),
  comparisons: z.array(bundleComparisonSchema).default([]),
  trends: z.array(bundleTrendSchema).default([]),
});
/** The bundle of a profile's results. */
export type ExperimentsBundle = z.infer<typeof experimentsBundleSchema>;
/** One cell of the bundle. */
export type BundleCell = z.infer<typeof bundleCellSchema>;
/** One comparison of the bundle. */
export type BundleComparison = z.infer<typeof bundleComparisonSchema>;
/** One trend test of the bundle. */
export type BundleTrend = z.infer<typeof bundleTrendSchema>;

/** The curves the view draws. */
export const BUNDLE_CURVES = ['env/success_rate', 'policy/approx_kl', 'premise/auc', 'entropy/step_mean'] as const;

const rate = (c: EvalCounts) => (100 * c.successes) / c.episodes;
/** A curve's point: 4 significant digits are more than a chart shows. */
const finite = (v: number) => (Number.isFinite(v) ? Number(v.toPrecision(4)) : null);
/** A table's value: kept to 6 significant digits so the page rounds it to one decimal exactly as docs/RESULTS.md does. */
const precise = (v: number) => (Number.isFinite(v) ? Number(v.toPrecision(6)) : null);
const asInterval = (values: number[]) => {
  const m = meanInterval(values);
  return { n: m.n, mean: precise(m.mean), half: precise(m.half) };
};

/** Builds the bundle from run summaries. */
export function experimentsBundle(summaries: readonly RunSummary[], profile: string, seedsPerCell: number): ExperimentsBundle {
  const cells = cellsOf(summaries).map((cell) => {
    const s = cell.spec;
    const label = cellLabel(s);
    const curves: Record<string, (number | null)[]> = {};
    for (const metric of BUNDLE_CURVES) {
      const n = Math.max(0, ...cell.runs.map((r) => r.curve[metric]?.length ?? 0));
      curves[metric] = Array.from({ length: n }, (_, i) => {
        const values = cell.runs.map((r) => r.curve[metric]?.[i]).filter((v): v is number => typeof v === 'number');
        return values.length ? finite(values.reduce((a, b) => a + b, 0) / values.length) : null;
      });
    }
    return {
      key: cell.key, regime: s.regime, label, seeds: cell.runs.length, baseT1: rate(cell.runs[0].base.t1),
      finalT1: asInterval(cell.runs.map((r) => rate(r.final.t1))),
      finalGreedy: asInterval(cell.runs.map((r) => rate(r.final.greedy))),
      changeT1: asInterval(cell.runs.map((r) => rate(r.final.t1) - rate(r.base.t1))),
      curves,
    };
  });
  const comparisons = comparisonsOf(new Map(cellsOf(summaries).map((c) => [c.key, c]))).map((c) => ({
    regime: c.regime, kind: c.kind, label: c.label, text: describeDifference(c), reading: c.reading,
    holm: c.holm === null ? null : Number(c.holm.toPrecision(3)),
  }));
  const trends = sensitivityTrends(cellsOf(summaries)).map((t) => ({ regime: t.regime, title: t.title, success: t.successText, entropy: t.entropyText }));
  return { format: 'empg-playground-results', profile, seedsPerCell, runs: summaries.length, cells, comparisons, trends };
}
