/**
 * The statistics of the results: means with t intervals across seeds, a bootstrap interval for a
 * difference of two arms' means, and the power arithmetic that says how many seeds an effect needs.
 * Resampling draws from the seeded PRNG, so a report is reproducible.
 */
import { createRng } from '../core/prng';

/** Two-sided 97.5 % quantiles of Student's t for 1–30 degrees of freedom. */
const T975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131,
  2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];

/** The 97.5 % quantile of t with `df` degrees of freedom (1.96 beyond 30). */
export function tQuantile975(df: number): number {
  if (df < 1) return NaN;
  return df <= 30 ? T975[Math.floor(df) - 1] : 1.96;
}

/** Mean, sample standard deviation and 95 % t interval of a list of per-seed values. */
export interface MeanInterval {
  n: number;
  mean: number;
  sd: number;
  /** Half-width of the 95 % interval; NaN with fewer than 2 values. */
  half: number;
}

/** Mean with a 95 % t interval across seeds. */
export function meanInterval(values: readonly number[]): MeanInterval {
  const n = values.length;
  if (!n) return { n, mean: NaN, sd: NaN, half: NaN };
  const mean = values.reduce((a, b) => a + b, 0) / n;
  if (n < 2) return { n, mean, sd: NaN, half: NaN };
  const sd = Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / (n - 1));
  return { n, mean, sd, half: tQuantile975(n - 1) * sd / Math.sqrt(n) };
}

/**
 * 95 % percentile bootstrap interval of mean(a) − mean(b), resampling each arm's seeds with
 * replacement (`draws` times, seeded). Null when either arm has fewer than 2 values.
 */
export function bootstrapDifference(a: readonly number[], b: readonly number[], seed: string, draws = 4000): { diff: number; low: number; high: number } | null {
  if (a.length < 2 || b.length < 2) return null;
  const rng = createRng(seed);
  const meanOf = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  const resampled = (xs: readonly number[]) => {
    let s = 0;
    for (let i = 0; i < xs.length; i++) s += xs[rng.int(xs.length)];
    return s / xs.length;
  };
  const diffs = Float64Array.from({ length: draws }, () => resampled(a) - resampled(b)).sort();
  return { diff: meanOf(a) - meanOf(b), low: diffs[Math.floor(0.025 * draws)], high: diffs[Math.ceil(0.975 * draws) - 1] };
}

const Z_975 = 1.959964;
const Z_80 = 0.841621;

/** Seeds per arm to detect a difference `delta` at seed std `sd` (two-sided α = 0.05, power 0.8). */
export function seedsForPower(delta: number, sd: number): number {
  if (!(delta > 0) || !(sd >= 0)) return NaN;
  return Math.max(2, Math.ceil(2 * ((Z_975 + Z_80) * sd / delta) ** 2));
}

/** The smallest difference `n` seeds per arm detect with power 0.8 at seed std `sd` (α = 0.05). */
export function detectableDifference(n: number, sd: number): number {
  return n >= 2 ? (Z_975 + Z_80) * sd * Math.sqrt(2 / n) : NaN;
}

/**
 * Welch's 95 % t interval of mean(a) − mean(b) (unequal variances, Welch–Satterthwaite degrees of
 * freedom). Null when either arm has fewer than 2 values. Wider than the percentile bootstrap at a
 * handful of seeds, where the bootstrap is known to be too narrow.
 */
export function welchDifference(a: readonly number[], b: readonly number[]): { diff: number; low: number; high: number; df: number; p: number } | null {
  if (a.length < 2 || b.length < 2) return null;
  const ma = meanInterval(a);
  const mb = meanInterval(b);
  const va = ma.sd ** 2 / a.length;
  const vb = mb.sd ** 2 / b.length;
  const diff = ma.mean - mb.mean;
  const se = Math.sqrt(va + vb);
  if (se === 0) return { diff, low: diff, high: diff, df: a.length + b.length - 2, p: diff === 0 ? 1 : 0 };
  const df = (va + vb) ** 2 / (va ** 2 / (a.length - 1) + vb ** 2 / (b.length - 1));
  const half = tQuantile975(Math.max(1, df)) * se;
  return { diff, low: diff - half, high: diff + half, df, p: tTwoSidedP(diff / se, df) };
}

/**
 * Least-squares slope of `ys` on `xs` with its 95 % t interval (n − 2 degrees of freedom) and two-sided
 * p-value: how much a result changes per unit of a setting, across all runs of all its values at once.
 * Null with fewer than 3 points or when every x is the same.
 */
export function linearTrend(xs: readonly number[], ys: readonly number[]): { slope: number; low: number; high: number; p: number; n: number } | null {
  const n = xs.length;
  if (n !== ys.length) throw new Error(`linearTrend: ${n} x values against ${ys.length} y values`);
  if (n < 3) return null;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    sxx += (xs[i] - mx) ** 2;
    sxy += (xs[i] - mx) * (ys[i] - my);
  }
  if (sxx === 0) return null;
  const slope = sxy / sxx;
  const intercept = my - slope * mx;
  const sse = xs.reduce((sum, x, i) => sum + (ys[i] - intercept - slope * x) ** 2, 0);
  const se = Math.sqrt(sse / (n - 2) / sxx);
  if (se === 0) return { slope, low: slope, high: slope, p: slope === 0 ? 1 : 0, n };
  const half = tQuantile975(n - 2) * se;
  return { slope, low: slope - half, high: slope + half, p: tTwoSidedP(slope / se, n - 2), n };
}

/**
 * Two-sided p-value of a t statistic with `df` (possibly fractional) degrees of freedom:
 * P(|T| ≥ |t|) = I_{df/(df + t²)}(df/2, 1/2), the regularized incomplete beta function.
 */
export function tTwoSidedP(t: number, df: number): number {
  if (!(df > 0) || Number.isNaN(t)) return NaN;
  if (!Number.isFinite(t)) return 0;
  return regularizedIncompleteBeta(df / (df + t * t), df / 2, 0.5);
}

/** ln Γ(x) for x > 0 (Lanczos approximation, g = 7, 9 terms; relative error below 1e-13). */
function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  const z = x - 1;
  let sum = c[0];
  for (let i = 1; i < 9; i++) sum += c[i] / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/**
 * The regularized incomplete beta function I_x(a, b), by its continued fraction (modified Lentz),
 * using the symmetry I_x(a, b) = 1 − I_{1−x}(b, a) where the fraction converges slowly.
 */
function regularizedIncompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  if (x > (a + 1) / (a + b + 2)) return 1 - regularizedIncompleteBeta(1 - x, b, a);
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x)) / a;
  const tiny = 1e-300;
  let f = 1;
  let c = 1;
  let d = 0;
  for (let i = 0; i <= 400; i++) {
    const m = Math.floor(i / 2);
    let numerator: number;
    if (i === 0) numerator = 1;
    else if (i % 2 === 0) numerator = (m * (b - m) * x) / ((a + 2 * m - 1) * (a + 2 * m));
    else numerator = -((a + m) * (a + b + m) * x) / ((a + 2 * m) * (a + 2 * m + 1));
    d = 1 + numerator * d;
    if (Math.abs(d) < tiny) d = tiny;
    d = 1 / d;
    c = 1 + numerator / c;
    if (Math.abs(c) < tiny) c = tiny;
    const step = c * d;
    f *= step;
    if (Math.abs(1 - step) < 1e-14) break;
  }
  return front * (f - 1);
}

/**
 * Holm's step-down adjustment of p-values for testing them as one family (family-wise error rate):
 * sorted ascending, the i-th smallest (from 0) becomes max over j ≤ i of min(1, (m − j) · p₍ⱼ₎).
 * A hypothesis is rejected at level α when its adjusted p-value is below α. Returned in input order.
 */
export function holmAdjust(pValues: readonly number[]): number[] {
  const m = pValues.length;
  const order = pValues.map((p, i) => [p, i] as const).sort((x, y) => x[0] - y[0]);
  const adjusted = new Array<number>(m);
  let running = 0;
  order.forEach(([p, i], rank) => {
    running = Math.max(running, Math.min(1, (m - rank) * p));
    adjusted[i] = running;
  });
  return adjusted;
}

/** One-sided 80 % quantiles of Student's t for 1–30 degrees of freedom (the power term). */
const T80 = [
  1.376, 1.061, 0.978, 0.941, 0.92, 0.906, 0.896, 0.889, 0.883, 0.879, 0.876, 0.873, 0.87, 0.868, 0.866,
  0.865, 0.863, 0.862, 0.861, 0.86, 0.859, 0.858, 0.858, 0.857, 0.856, 0.856, 0.855, 0.855, 0.854, 0.854,
];

/** The 80 % quantile of t with `df` degrees of freedom (the normal's 0.8416 beyond 30). */
export function tQuantile80(df: number): number {
  if (df < 1) return NaN;
  return df <= 30 ? T80[Math.floor(df) - 1] : Z_80;
}

/**
 * The smallest difference a t test of `n` seeds per arm detects with power 0.8 (two-sided α = 0.05) at
 * seed std `sd`: (t₀.₉₇₅ + t₀.₈) · sd · √(2/n) with 2n − 2 degrees of freedom. At a handful of seeds this is
 * much larger than the normal approximation of `detectableDifference`, as the t intervals are wider.
 */
export function detectableDifferenceT(n: number, sd: number): number {
  if (n < 2) return NaN;
  const df = 2 * n - 2;
  return (tQuantile975(df) + tQuantile80(df)) * sd * Math.sqrt(2 / n);
}

/** Seeds per arm for `detectableDifferenceT` to reach `delta` (NaN beyond 10,000). */
export function seedsForPowerT(delta: number, sd: number): number {
  if (!(delta > 0) || !(sd >= 0)) return NaN;
  for (let n = 2; n <= 10_000; n++) if (detectableDifferenceT(n, sd) <= delta) return n;
  return NaN;
}
