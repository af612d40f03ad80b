/**
 * "When EMPG helps here", computed: every EMPG − base comparison of the results (and the ablations and
 * the step-entropy mode against their references) with a bootstrap and a Welch interval, the smallest
 * difference its seeds could detect, and a reading that follows from the intervals alone — so the
 * sentence in docs/RESULTS.md can never say more than the numbers.
 */
import { cellLabel, REGIMES, type RunSpec } from './grid';
import { bootstrapDifference, detectableDifferenceT, holmAdjust, meanInterval, welchDifference } from './statistics';
import type { RunSummary } from './summary';

/** Every seed of one setting. */
export interface CellRuns {
  key: string;
  spec: RunSpec;
  runs: RunSummary[];
}

/** Held-out success at T = 1 of a run, in %. */
export function heldOutSuccess(run: RunSummary): number {
  return (100 * run.final.t1.successes) / run.final.t1.episodes;
}

/** What the intervals say: a gain or a loss only when both intervals exclude 0. */
export type Reading = 'gain' | 'loss' | 'no detectable difference' | 'too few seeds';

/** One comparison of two settings of a regime. */
export interface Comparison {
  regime: string;
  /** `empg`: EMPG against its base algorithm; `ablation`: one EMPG component against GRPO; `mode`: a step-entropy mode. */
  kind: 'empg' | 'ablation' | 'mode';
  a: CellRuns;
  b: CellRuns;
  label: string;
  diff: number;
  bootstrap: { low: number; high: number } | null;
  welch: { low: number; high: number } | null;
  reading: Reading;
  /** Welch's two-sided p-value (NaN without an interval). */
  p: number;
  /**
   * For the EMPG − base pairs with an interval: Holm's adjusted p-value over all of them taken as one family
   * (the first screen's and the report's question is asked of every pair at once); null for the others.
   */
  holm: number | null;
  /** The smallest difference these seeds detect with 80 % power (t test) at the arms' measured spread (NaN without it). */
  detectable: number;
}

/** The pairs compared in every regime: [setting a, setting b, kind], settings as `algo` plus an optional `-Hmode`. */
const PAIRS: readonly [string, string, Comparison['kind']][] = [
  ['grpo+empg', 'grpo', 'empg'], ['dapo+empg', 'dapo', 'empg'],
  ['grpo+empg-scaling', 'grpo', 'ablation'], ['grpo+empg-bonus', 'grpo', 'ablation'],
  ['grpo+empg-Hnormalized', 'grpo+empg', 'mode'], ['grpo+empg-Hnormalized', 'grpo', 'mode'],
];

const keyOf = (regime: string, setting: string) => {
  const [algo, mode] = setting.split('-H');
  return `${regime}/${algo}/k1-z0.1${mode ? `-H${mode}` : ''}`;
};

/** Every comparison whose two cells have finished runs, in regime order. */
export function comparisonsOf(byKey: ReadonlyMap<string, CellRuns>): Comparison[] {
  const out: Comparison[] = [];
  for (const regime of REGIMES) {
    for (const [sa, sb, kind] of PAIRS) {
      const a = byKey.get(keyOf(regime.id, sa));
      const b = byKey.get(keyOf(regime.id, sb));
      if (!a || !b) continue;
      const va = a.runs.map(heldOutSuccess);
      const vb = b.runs.map(heldOutSuccess);
      const boot = bootstrapDifference(va, vb, `${a.key}|${b.key}`);
      const welch = welchDifference(va, vb);
      const diff = meanInterval(va).mean - meanInterval(vb).mean;
      let reading: Reading = 'too few seeds';
      if (boot && welch) reading = boot.low > 0 && welch.low > 0 ? 'gain' : boot.high < 0 && welch.high < 0 ? 'loss' : 'no detectable difference';
      const sds = [meanInterval(va).sd, meanInterval(vb).sd];
      const sd = Math.sqrt((sds[0] ** 2 + sds[1] ** 2) / 2);
      out.push({
        regime: regime.id, kind, a, b, label: `${cellLabel(a.spec)} − ${cellLabel(b.spec)}`, diff,
        bootstrap: boot && { low: boot.low, high: boot.high }, welch: welch && { low: welch.low, high: welch.high }, reading,
        p: welch?.p ?? NaN, holm: null, detectable: detectableDifferenceT(Math.min(va.length, vb.length), sd),
      });
    }
  }
  const family = out.filter((c) => c.kind === 'empg' && Number.isFinite(c.p));
  holmAdjust(family.map((c) => c.p)).forEach((adjusted, i) => { family[i].holm = adjusted; });
  return out;
}

/** Whether a called gain or loss still holds when all EMPG − base pairs are tested together (Holm, α = 0.05). */
export function holdsAfterCorrection(c: Pick<Comparison, 'reading' | 'holm'>): boolean {
  return (c.reading === 'gain' || c.reading === 'loss') && c.holm !== null && c.holm < 0.05;
}

/** A p-value as the report prints it: two significant digits, "< 0.001" below that. */
export function formatP(p: number | null): string {
  if (p === null || !Number.isFinite(p)) return '–';
  return p < 0.001 ? '< 0.001' : p.toPrecision(2);
}

/** A p-value in a sentence: "= 0.032", or "< 0.001" (to follow "p" or "adjusted p"). */
export function pRelation(p: number | null): string {
  const text = formatP(p);
  return text.startsWith('<') ? text : `= ${text}`;
}

/** A signed number with `digits` decimals, one unless told (− as a minus sign). */
export function signed(v: number, digits = 1): string {
  return Number.isFinite(v) ? `${v >= 0 ? '+' : '−'}${Math.abs(v).toFixed(digits)}` : '–';
}

/** "−3.5 (95 % interval −9.1 to +2.0, 4 vs 4 seeds)": a difference as prose, with the wider interval. */
export function describeDifference(c: Comparison): string {
  const seeds = `${c.a.runs.length} vs ${c.b.runs.length} seed${c.a.runs.length + c.b.runs.length > 2 ? 's' : ''}`;
  if (!c.bootstrap || !c.welch) return `${signed(c.diff)} points (${seeds}: no interval yet)`;
  return `${signed(c.diff)} points (95 % interval ${signed(Math.min(c.bootstrap.low, c.welch.low))} to ${signed(Math.max(c.bootstrap.high, c.welch.high))}, ${seeds})`;
}

/** A regime's title without its parenthesised details, e.g. "ALFWorld-lite short". */
export const regimeTitle = (id: string): string => REGIMES.find((r) => r.id === id)?.title.replace(/ \(.*$/, '') ?? id;

/** The generated section: a table of the EMPG comparisons and the paragraph that reads them. */
export function whenEmpgHelpsSection(comparisons: readonly Comparison[]): string[] {
  const lines: string[] = ['## When EMPG helps here (generated from the tables)', ''];
  const main = comparisons.filter((c) => c.kind === 'empg');
  if (!main.length) return [...lines, 'No regime has both EMPG and its base algorithm finished yet.', ''];
  lines.push(
    'Held-out success at T = 1, EMPG minus the same algorithm without it, per regime. A **gain** or a **loss** is called',
    'only when both the percentile bootstrap and Welch\'s t interval exclude 0 (with a handful of seeds the bootstrap',
    'alone is too narrow); "detectable" is the smallest difference these seeds find with 80 % power at the measured spread.',
    'Asking the question of every pair at once makes a chance call likelier, so each pair also has its Welch p-value and',
    "Holm's adjusted p-value over all the pairs with an interval: a call that holds after that correction has adjusted p < 0.05.", '',
    '| regime | base algorithm | seeds (EMPG vs base) | EMPG − base | bootstrap 95 % | Welch 95 % | reading | detectable | Welch p | Holm p |',
    '|---|---|---|---|---|---|---|---|---|---|',
  );
  const interval = (i: { low: number; high: number } | null) => (i ? `${signed(i.low)} to ${signed(i.high)}` : '–');
  for (const c of main) {
    lines.push(`| ${c.regime} | ${cellLabel(c.b.spec)} | ${c.a.runs.length} vs ${c.b.runs.length} | ${signed(c.diff)} | ${interval(c.bootstrap)} | ${interval(c.welch)} | ${c.reading} | ${Number.isFinite(c.detectable) ? `±${c.detectable.toFixed(1)}` : '–'} | ${formatP(c.p)} | ${formatP(c.holm)} |`);
  }
  lines.push('');
  const name = (c: Comparison) => `${regimeTitle(c.regime)} with ${cellLabel(c.b.spec).toUpperCase()}, ${describeDifference(c)}`;
  const group = (reading: Reading, list = main) => list.filter((c) => c.reading === reading);
  const sentence: string[] = [];
  const [gains, losses, none, thin] = (['gain', 'loss', 'no detectable difference', 'too few seeds'] as const).map((r) => group(r));
  const tested = main.length - thin.length;
  if (tested) {
    sentence.push(`**In ${tested} of ${main.length} regime × algorithm pairs with at least 2 seeds per arm,**`);
    sentence.push(gains.length ? `EMPG helps in ${gains.map(name).join('; ')}.` : 'EMPG helps in none.');
    sentence.push(losses.length ? `It hurts in ${losses.map(name).join('; ')}.` : 'It hurts in none.');
    const called = [...gains, ...losses];
    if (called.length) {
      const [hold, fail] = [called.filter(holdsAfterCorrection), called.filter((c) => !holdsAfterCorrection(c))];
      const short = (c: Comparison) => `${regimeTitle(c.regime)} with ${cellLabel(c.b.spec).toUpperCase()} (Holm p ${formatP(c.holm)})`;
      const n = main.filter((c) => c.holm !== null).length;
      sentence.push(`Corrected for testing all ${n} pairs together (Holm), ${hold.length ? `${hold.map(short).join(' and ')} still ${hold.length > 1 ? 'hold' : 'holds'}` : 'none of these calls holds'}${hold.length && fail.length ? `; ${fail.map(short).join(' and ')} ${fail.length > 1 ? 'do' : 'does'} not` : ''}.`);
    }
    if (none.length) {
      const detectable = none.map((c) => c.detectable).filter(Number.isFinite);
      const [lo, hi] = [Math.min(...detectable), Math.max(...detectable)];
      const range = lo.toFixed(1) === hi.toFixed(1) ? `about ${lo.toFixed(1)} points` : `about ${lo.toFixed(1)} to ${hi.toFixed(1)} points (depending on the pair)`;
      sentence.push(`No difference is detectable in ${none.map(name).join('; ')}${detectable.length ? ` — with these seeds only differences of ${range} or more would show, at 80 % power` : ''}.`);
    }
  } else {
    sentence.push('**No pair has 2 seeds per arm yet, so nothing can be said about whether EMPG helps here.**');
  }
  if (thin.length) sentence.push(`Differences with fewer than 2 seeds in an arm (no interval, not a finding): ${thin.map(name).join('; ')}.`);
  lines.push(sentence.join(' '), '');
  const parts = comparisons.filter((c) => c.kind !== 'empg');
  if (parts.length) {
    lines.push(`Components and step entropy: ${parts.map((c) => `${regimeTitle(c.regime)}, ${c.label}: ${describeDifference(c)} — ${c.reading}`).join('; ')}.`, '');
  }
  return lines;
}
