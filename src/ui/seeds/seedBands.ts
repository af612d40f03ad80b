/**
 * Mean ± standard deviation across seeds, per lane and iteration: the rows a band chart draws. Pure, so
 * it is tested without a page (seedBands.test.ts).
 */
import { mean } from '../../core/stats';
import type { SeedRun } from '../../store/seedSweepStore';

/** The column of a lane's mean across seeds. */
export const meanColumn = (lane: number) => `mean${lane}`;
/** The column of a lane's band, [mean − std, mean + std] kept inside the metric's bounds. */
export const bandColumn = (lane: number) => `band${lane}`;
/** The column of a lane's standard deviation across seeds (the band's half-width before clamping). */
export const stdColumn = (lane: number) => `std${lane}`;

/** One row of a band chart: an iteration, and per lane its mean and band (null where no seed has a value). */
export type BandRow = { iteration: number; seeds: number } & Record<string, number | [number, number] | null>;

/** The sample standard deviation (n − 1); 0 for a single value. */
export function sampleStd(values: readonly number[]): number {
  if (values.length < 2) return 0;
  const m = mean(values);
  return Math.sqrt(values.reduce((s, v) => s + (v - m) ** 2, 0) / (values.length - 1));
}

/**
 * The rows of one metric over the finished seeds: iteration by iteration, each lane's mean, std and
 * mean ± std. `bounds` is the range the metric can take (a rate [0, 1], a norm [0, ∞)); the band stays
 * inside it, so a success rate of 0.1 ± 0.2 is drawn from 0.
 */
export function seedBands(runs: readonly SeedRun[], metric: string, bounds: readonly [number, number] = [-Infinity, Infinity]): BandRow[] {
  const lanes = Math.max(0, ...runs.map((r) => r.lanes.length));
  const iterations = Math.max(0, ...runs.flatMap((r) => r.lanes.map((h) => h.length)));
  const rows: BandRow[] = [];
  for (let i = 0; i < iterations; i++) {
    const row: BandRow = { iteration: i + 1, seeds: runs.length };
    for (let lane = 0; lane < lanes; lane++) {
      const values = runs.map((r) => r.lanes[lane]?.[i]?.[metric]).filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
      if (!values.length) {
        row[meanColumn(lane)] = null;
        row[stdColumn(lane)] = null;
        row[bandColumn(lane)] = null;
        continue;
      }
      const m = mean(values);
      const s = sampleStd(values);
      row[meanColumn(lane)] = m;
      row[stdColumn(lane)] = s;
      row[bandColumn(lane)] = [Math.max(bounds[0], m - s), Math.min(bounds[1], m + s)];
    }
    rows.push(row);
  }
  return rows;
}
