/**
 * Chart data from metric histories: EMA smoothing (debiased, as TensorBoard does it), down-sampling to
 * a fixed number of points (as W&B caps a line at 1,500), and the rows recharts draws, one per
 * iteration with a column per lane and metric. Pure functions, tested in series.test.ts.
 */
import type { Metrics } from '../../train/trainer';

/** The most points a line draws; longer series are down-sampled. */
export const MAX_POINTS = 1500;

/**
 * Exponential moving average with the start-up bias removed, so the first points are not pulled to 0.
 * `weight` 0 returns the values unchanged. Missing values (NaN) stay missing and do not move the average.
 */
export function smooth(values: readonly number[], weight: number): number[] {
  if (weight <= 0) return [...values];
  let last = 0;
  let debias = 0;
  return values.map((value) => {
    if (!Number.isFinite(value)) return Number.NaN;
    last = last * weight + (1 - weight) * value;
    debias = debias * weight + (1 - weight);
    return last / debias;
  });
}

/**
 * Indices of at most `max` points spread evenly over `length`, always keeping the first and the last,
 * so a long run still ends at its latest value.
 */
export function sampleIndices(length: number, max = MAX_POINTS): number[] {
  if (length <= max) return Array.from({ length }, (_, i) => i);
  const step = (length - 1) / (max - 1);
  return Array.from({ length: max }, (_, i) => Math.round(i * step));
}

/** One row of a chart: the iteration and one value per column (`m0:<metric>`, raw in `r0:<metric>`). */
export type ChartRow = { iteration: number } & Record<string, number | null>;

/** The column of a lane's smoothed metric. */
export const columnOf = (lane: number, metric: string) => `m${lane}:${metric}`;
/** The column of a lane's raw metric (shown in the hover card next to the smoothed one). */
export const rawColumnOf = (lane: number, metric: string) => `r${lane}:${metric}`;

/**
 * The rows of one chart: every lane's metrics by iteration, smoothed and down-sampled. Lanes alternate
 * iterations and may have different lengths; a lane without a value at an iteration gets null there.
 */
export function chartRows(histories: readonly (readonly Metrics[])[], metrics: readonly string[], smoothing: number, max = MAX_POINTS): ChartRow[] {
  const byIteration = new Map<number, ChartRow>();
  histories.forEach((history, lane) => {
    for (const metric of metrics) {
      const raw = history.map((m) => m[metric] ?? Number.NaN);
      const smoothed = smooth(raw, smoothing);
      history.forEach((m, i) => {
        const iteration = m.iteration ?? i + 1;
        const row = byIteration.get(iteration) ?? { iteration };
        row[columnOf(lane, metric)] = Number.isFinite(smoothed[i]) ? smoothed[i] : null;
        row[rawColumnOf(lane, metric)] = Number.isFinite(raw[i]) ? raw[i] : null;
        byIteration.set(iteration, row);
      });
    }
  });
  const rows = [...byIteration.values()].sort((a, b) => a.iteration - b.iteration);
  return sampleIndices(rows.length, max).map((i) => rows[i]);
}

/** Formats a chart value compactly: 3 significant digits, exponents for tiny or huge values. */
export function formatValue(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  const size = Math.abs(value);
  if (size !== 0 && (size < 1e-3 || size >= 1e5)) return value.toExponential(2);
  return Number(value.toPrecision(3)).toString();
}

/** Formats an axis tick: short enough for a narrow axis, distinct for neighbouring ticks (`8e-4`, `1.5e-8`, `0.25`). */
export function formatTick(value: number): string {
  if (!Number.isFinite(value)) return '';
  if (value !== 0 && Math.abs(value) < 0.01) return value.toExponential(1).replace('.0e', 'e');
  return Number(value.toPrecision(3)).toString();
}

/** A y-axis range: two numbers, or recharts' own fit to the data. */
export type YDomain = [number, number] | ['auto', 'auto'];

/**
 * The y range of a chart: `fixed` when given; recharts' fit when the plotted values vary; and for a flat
 * line (every value equal, e.g. a clip fraction of 0) a range centred on it — never below 0 for a
 * non-negative value — instead of recharts' arbitrary 0 to 4.
 */
export function yDomain(rows: readonly ChartRow[], columns: readonly string[], fixed?: [number, number]): YDomain {
  if (fixed) return fixed;
  let min = Infinity;
  let max = -Infinity;
  for (const row of rows) {
    for (const column of columns) {
      const value = row[column];
      if (typeof value === 'number' && Number.isFinite(value)) {
        min = Math.min(min, value);
        max = Math.max(max, value);
      }
    }
  }
  if (!(max > min) && Number.isFinite(min)) {
    const pad = Math.abs(min) / 2 || 1;
    return [min >= 0 ? Math.max(0, min - pad) : min - pad, max + pad];
  }
  return ['auto', 'auto'];
}
