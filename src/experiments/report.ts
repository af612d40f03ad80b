/**
 * docs/RESULTS.md from the committed run summaries: the Table 1 and Table 2 analogues with 95 %
 * intervals across seeds, a bootstrap interval for every EMPG − base difference, k/ζ sensitivity,
 * learning curves and KL with seed bands (SVG), and a power statement. Cells with fewer seeds than the
 * profile asks for are marked as such; cells without runs are listed, never filled in.
 */
import { fillPlaceholders, untracedNumbers } from './discussion';
import type { EntropyChange } from './entropyChange';
import { entropyChangeSection } from './entropyChangeReport';
import { cellLabel, REGIMES, type Profile, type RunSpec } from './grid';
import { detectableDifferenceT, linearTrend, meanInterval, seedsForPowerT, type MeanInterval } from './statistics';
import type { EvalCounts, RunSummary } from './summary';
import { lineChartSvg, type SvgSeries } from './svg';
import { TASK_TYPE_COLUMNS } from './taskType';
import { comparisonsOf, describeDifference, pRelation, signed, whenEmpgHelpsSection, type CellRuns } from './verdict';

/** The generated page and its figures (file name → SVG text). */
export interface Report {
  markdown: string;
  figures: Record<string, string>;
  /** The values the discussion may quote as `{{key}}` (src/experiments/discussion.ts). */
  values: Record<string, string>;
  /** Placeholders of the discussion without a value, and decimal numbers in it that the generated part does not contain. */
  discussionProblems: { unknown: string[]; untraced: string[] };
}

/** One knob of the k/ζ sensitivity, tested over every run of its settings at once (`sensitivityTrends`). */
export interface KnobTrend {
  /** The regime the sensitivity sweeps (ALFWorld-lite long). */
  regime: string;
  knob: 'k' | 'zeta';
  /** "k (ζ = 0.1)": the knob and what is held fixed. */
  title: string;
  /** "−3.5 points per doubling of k (95 % −5.5 to −1.6, p = 0.0016, 16 runs)". */
  successText: string;
  /** The same for the step entropy of the last iterations, or "–". */
  entropyText: string;
}

/** The regime the grid sweeps k and ζ on. */
const SENSITIVITY_REGIME = 'alfworld-long';

const KNOBS = [
  { knob: 'k', title: 'k (ζ = 0.1)', unit: 'per doubling of k', x: (s: RunSpec) => Math.log2(s.k), fixed: (s: RunSpec) => s.zeta === 0.1 },
  { knob: 'zeta', title: 'ζ (k = 1)', unit: 'per +0.1 of ζ', x: (s: RunSpec) => s.zeta / 0.1, fixed: (s: RunSpec) => s.k === 1 },
] as const;

/**
 * The k/ζ sensitivity's trend tests (GRPO+EMPG on ALFWorld-lite long, the paper's step entropy): for each
 * knob, with the other at the paper's value, the least-squares slope of held-out success at T = 1 (and of the
 * step entropy of the last iterations) over every run of every setting — k on a log scale. A knob needs runs at
 * two settings at least.
 */
export function sensitivityTrends(cells: readonly Cell[]): KnobTrend[] {
  const swept = cells.filter((c) => c.spec.regime === SENSITIVITY_REGIME && c.spec.algo === 'grpo+empg' && c.spec.stepEntropy === 'all'
    && (c.spec.part === 'sensitivity' || c.spec.part === 'main'));
  const trends: KnobTrend[] = [];
  for (const knob of KNOBS) {
    const runs = swept.filter((c) => knob.fixed(c.spec)).flatMap((c) => c.runs.map((run) => ({ x: knob.x(c.spec), run })));
    if (new Set(runs.map((r) => r.x)).size < 2) continue;
    const success = linearTrend(runs.map((r) => r.x), runs.map((r) => rate(r.run.final.t1)));
    if (!success) continue;
    const withEntropy = runs.map((r) => ({ x: r.x, y: curveMean(r.run, 'entropy/step_mean', ENTROPY_TAIL) })).filter((r) => Number.isFinite(r.y));
    const entropy = linearTrend(withEntropy.map((r) => r.x), withEntropy.map((r) => r.y));
    trends.push({
      regime: SENSITIVITY_REGIME, knob: knob.knob, title: knob.title,
      successText: `${signed(success.slope)} points ${knob.unit} (95 % ${signed(success.low)} to ${signed(success.high)}, p ${pRelation(success.p)}, ${success.n} runs)`,
      entropyText: entropy ? `${signed(entropy.slope, 3)} ${knob.unit} (95 % ${signed(entropy.low, 3)} to ${signed(entropy.high, 3)}, p ${pRelation(entropy.p)})` : '–',
    });
  }
  return trends;
}

/** A cell: every seed of one setting. */
type Cell = CellRuns;

/** The name of a setting without its seed (`regime/algo/kK-zZ[-Hmode]`). */
export function cellKey(spec: Pick<RunSpec, 'id'>): string {
  return spec.id.replace(/\/s\d+$/, '');
}

const rate = (c: EvalCounts) => (100 * c.successes) / c.episodes;
const COLOURS: Record<string, string> = {
  'grpo': '#1f77b4', 'grpo+empg': '#ff7f0e', 'dapo': '#2ca02c', 'dapo+empg': '#d62728',
  'grpo+empg-scaling': '#9467bd', 'grpo+empg-bonus': '#8c564b', 'grpo+empg normalized': '#e377c2',
};

/** The paper's Table 1 (paper.md §5.1, Qwen2.5-1.5B / 7B, success %), its per-task rows, and independent re-runs (§5.4), for reference. */
export const PAPER_NUMBERS = `| source | setting | GRPO | GRPO+EMPG | DAPO | DAPO+EMPG |
|---|---|---|---|---|---|
| paper, Qwen2.5-1.5B | ALFWorld All | 65.6 | 73.7 (+8.1) | 80.8 | 88.1 (+7.3) |
| paper, Qwen2.5-1.5B | WebShop succ. | 58.2 | 60.8 (+2.6) | 73.2 | 73.8 (+0.6) |
| paper, Qwen2.5-7B | ALFWorld All | 74.8 | 78.5 (+3.7) | 90.0 | 91.6 (+1.6) |
| paper, Qwen2.5-7B | WebShop succ. | 65.6 | 69.3 (+3.7) | 79.6 | 82.7 (+3.1) |
| ARLArena, Qwen3-8B (ζ = 0.05) | ALFWorld | 50.92 | 71.48 (+20.6) | – | – |
| ARLArena, Qwen3-4B after SFT | ALFWorld | 62.36 | 57.91 (−4.5) | – | – |
| ARLArena, Qwen3-4B after SFT | WebShop | 57.71 | 64.32 (+6.6) | – | – |
| GraphHCA's own GRPO, 1.5B | ALFWorld | 71.1 ± 1.6 | – | – | – |

The paper's per-task row for GRPO+EMPG (its other rows per task are not available; reference/paper.md §5.1):

| source | Pick | Look | Clean | Heat | Cool | Pick2 | All | WebShop score | WebShop succ. |
|---|---|---|---|---|---|---|---|---|---|
| paper, 1.5B GRPO+EMPG | 85.5 | 33.5 | 78.9 | 76.2 | 74.7 | 69.1 (89.1 in one citing table) | 73.7 | 80.4 | 60.8 |
| paper, 7B GRPO+EMPG | 92.9 | 75.2 | 74.8 | 86.3 | 73.7 | 65.3 | 78.5 | 81.0 | 69.3 |

The paper reports means of 3 seeds without intervals; its ablation (Table 2) is on Deep Search with DAPO:
DAPO 62.0, scaling only 63.7, bonus only 64.2, EMPG 65.3 overall.`;

function f1(v: number): string {
  return Number.isFinite(v) ? v.toFixed(1) : '–';
}

function withInterval(m: MeanInterval): string {
  if (!m.n) return '–';
  return Number.isFinite(m.half) ? `${f1(m.mean)} ± ${f1(m.half)}` : `${f1(m.mean)} (1 seed)`;
}

/** Like `withInterval`, without the "(1 seed)" note (for the narrow per-type columns). */
function compactInterval(m: MeanInterval): string {
  return Number.isFinite(m.half) ? `${f1(m.mean)} ± ${f1(m.half)}` : f1(m.mean);
}

/** Iterations at the end of training over which "step entropy at the end" is averaged. */
const ENTROPY_TAIL = 10;

/** A cell's mean step entropy over its runs' last `ENTROPY_TAIL` iterations, ± its 95 % interval across seeds ('–' without data). */
function tailEntropyText(cell: Cell): string {
  const entropy = meanInterval(cell.runs.map((r) => curveMean(r, 'entropy/step_mean', ENTROPY_TAIL)).filter(Number.isFinite));
  return Number.isFinite(entropy.mean) ? `${entropy.mean.toFixed(3)}${Number.isFinite(entropy.half) ? ` ± ${entropy.half.toFixed(3)}` : ''}` : '–';
}

/** Mean over a run's iterations of a curve metric, or over its last `lastIterations` (nulls skipped; NaN when it never reported it). */
function curveMean(run: RunSummary, metric: string, lastIterations = Infinity): number {
  const curve = run.curve[metric] ?? [];
  return recordedMean(curve.slice(Math.max(0, curve.length - lastIterations)));
}

/** Mean of the recorded (non-null) values of a stretch of a curve; NaN when none is recorded. */
function recordedMean(stretch: readonly (number | null)[]): number {
  const values = stretch.filter((v): v is number => v !== null);
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : NaN;
}

/** Mean of a metric's curve over a run's first `firstIterations` iterations (NaN when none are recorded). */
function curveHeadMean(run: RunSummary, metric: string, firstIterations: number): number {
  return recordedMean((run.curve[metric] ?? []).slice(0, firstIterations));
}

/** "0.11 → 0.27": a cell's mean of a metric over the first and the last `window` iterations. */
function headToTail(runs: RunSummary[], metric: string, window: number): string {
  const head = meanInterval(runs.map((r) => curveHeadMean(r, metric, window)).filter(Number.isFinite)).mean;
  const tail = meanInterval(runs.map((r) => curveMean(r, metric, window)).filter(Number.isFinite)).mean;
  return Number.isFinite(head) && Number.isFinite(tail) ? `${head.toFixed(2)} → ${tail.toFixed(2)}` : '–';
}

/** Success in % of each task type of an evaluation (absent types are NaN). */
function byType(c: EvalCounts, type: string): number {
  const t = c.byTaskType[type];
  return t && t.episodes > 0 ? (100 * t.successes) / t.episodes : NaN;
}

/** Groups summaries into cells (one per setting), in grid order. */
export function cellsOf(summaries: readonly RunSummary[]): Cell[] {
  const cells = new Map<string, Cell>();
  for (const s of summaries) {
    const key = cellKey(s.spec);
    const cell = cells.get(key) ?? { key, spec: s.spec, runs: [] };
    cell.runs.push(s);
    cells.set(key, cell);
  }
  for (const cell of cells.values()) cell.runs.sort((a, b) => a.spec.seed - b.spec.seed);
  return [...cells.values()];
}

/** Mean and band of a curve metric across a cell's seeds, each seed smoothed by a trailing mean of `window`. */
export function curveBand(runs: readonly RunSummary[], metric: string, window: number): { mean: (number | null)[]; low: (number | null)[]; high: (number | null)[] } {
  const smoothed = runs.map((r) => {
    const values = r.curve[metric] ?? [];
    return values.map((_, i) => {
      const slice = values.slice(Math.max(0, i - window + 1), i + 1).filter((v): v is number => v !== null);
      return slice.length ? slice.reduce((a, b) => a + b, 0) / slice.length : null;
    });
  });
  const n = Math.max(0, ...smoothed.map((s) => s.length));
  const mean: (number | null)[] = [];
  const low: (number | null)[] = [];
  const high: (number | null)[] = [];
  for (let i = 0; i < n; i++) {
    const m = meanInterval(smoothed.map((s) => s[i]).filter((v): v is number => v !== null && v !== undefined));
    mean.push(m.n ? m.mean : null);
    low.push(Number.isFinite(m.sd) ? m.mean - m.sd : null);
    high.push(Number.isFinite(m.sd) ? m.mean + m.sd : null);
  }
  return { mean, low, high };
}

/** The learning rate and B × G of some runs, e.g. `lr 0.001, B × G = 8 × 8`; different settings are listed apart, with `;`. */
export function trainingSettings(runs: readonly Pick<RunSummary, 'config'>[]): string {
  const settings = new Set(runs.map(({ config: c }) => (typeof c.lr === 'number' && typeof c.tasksPerIteration === 'number' && typeof c.groupSize === 'number'
    ? `lr ${c.lr}, B × G = ${c.tasksPerIteration} × ${c.groupSize}` : 'settings not recorded')));
  return [...settings].join('; ');
}

/**
 * Builds docs/RESULTS.md and its figures from `summaries` of `profile` (and the Fig. 3 analogue's files, if any);
 * `superseded` lists the runs left out because their regime's training settings changed since (see currentRuns).
 */
export function buildReport(
  summaries: readonly RunSummary[], profile: Profile, expected: readonly RunSpec[], discussion = '', entropyChanges: readonly EntropyChange[] = [],
  superseded: readonly string[] = [],
): Report {
  const cells = cellsOf(summaries);
  const byKey = new Map(cells.map((c) => [c.key, c]));
  const expectedCells = [...new Map(expected.map((s) => [cellKey(s), s])).values()];
  const lines: string[] = [];
  const figures: Record<string, string> = {};
  const values: Record<string, string> = {};
  const out = (...text: string[]) => lines.push(...text);
  const t1Of = (cell: Cell) => meanInterval(cell.runs.map((r) => rate(r.final.t1)));
  const changeOf = (cell: Cell) => meanInterval(cell.runs.map((r) => rate(r.final.t1) - rate(r.base.t1)));

  out('# Results', '',
    `Generated by \`npm run cli -- results --profile ${profile.name}\` from the run summaries committed under`,
    `\`results/${profile.name}/\` (made by \`npm run cli -- reproduce --profile ${profile.name}\`). Do not edit by hand.`, '',
    `Profile \`${profile.name}\`: ${profile.seeds} seeds per cell, ${profile.iterations} iterations per run, ${profile.evalEpisodes} held-out`,
    'episodes per evaluation (the same test tasks for every run, greedy and sampled at the rollout temperature T = 1).',
    'Intervals are 95 % t intervals across seeds; "change vs base" is the trained policy minus the base checkpoint',
    'on the same held-out tasks.', '');

  // Coverage.
  const finished = summaries.length;
  const commits = [...new Set(summaries.map((s) => (s.commit ?? 'unrecorded').slice(0, 12)))].sort();
  const thin = expectedCells.filter((s) => (byKey.get(cellKey(s))?.runs.length ?? 0) < profile.seeds);
  const seedCounts = cells.map((c) => c.runs.length);
  out('## Coverage', '',
    `${finished} of ${expected.length} runs finished, in ${cells.length} of ${expectedCells.length} cells${finished ? `, by the code of commit${commits.length > 1 ? 's' : ''} ${commits.join(', ')}` : ''}.`
    + (cells.length ? ` Seeds per finished cell: ${Math.min(...seedCounts)} to ${Math.max(...seedCounts)}.` : ''),
    thin.length
      ? `**Too few seeds so far** in ${thin.length} cells (fewer than ${profile.seeds}; 0 = not run yet): their numbers are provisional, and a cell with one seed has no interval.`
      : 'Every cell has all its seeds.', '');
  if (superseded.length) {
    out(`**${superseded.length} finished run${superseded.length > 1 ? 's were' : ' was'} trained with settings the grid no longer uses** and ${superseded.length > 1 ? 'are' : 'is'} not counted `
      + '(its regime\'s learning rate or batch changed since; `reproduce` runs them again at the current settings):', '',
      ...superseded.map((line) => `- ${line}`), '');
  }
  if (thin.length) {
    out('| regime | setting | seeds finished |', '|---|---|---|');
    for (const s of thin) out(`| ${s.regime} | ${cellLabel(s)} | ${byKey.get(cellKey(s))?.runs.length ?? 0} of ${profile.seeds} |`);
    out('');
  }

  // Table 1.
  out('## Table 1 analogue: held-out success', '',
    'Success in %, mean ± 95 % interval across seeds ("1 seed": no interval). ALFWorld-lite per task type at T = 1; WebShop-lite',
    'and Deep Search-lite with the mean 0–100 score at T = 1. "premise AUC" is the mean over training of the per-iteration AUC of',
    '"a lower step entropy marks a step of a successful trajectory" (0.5 = no relation; docs/METRICS.md). "step entropy at the',
    `end" is the mean step entropy (entropy/step_mean, nats) of the last ${ENTROPY_TAIL} training iterations: how certain the policy ended.`,
    `"update without signal" is the share of the update's |A_final| on steps of groups whose rollouts all scored alike`,
    `(premise/no_signal_adv_share), over the first and the last ${ENTROPY_TAIL} iterations: 0 without EMPG, whose outcome advantage is 0`,
    'there; with EMPG, its centring over the batch\'s steps moves those steps, up when the batch\'s failures are the longer rollouts.', '');
  for (const regime of REGIMES) {
    const rows = expectedCells.filter((s) => s.regime === regime.id && (s.part === 'main' || s.part === 'entropy-mode'));
    out(`### ${regime.title}`, '');
    const present = rows.map((s) => byKey.get(cellKey(s))).filter((c): c is Cell => !!c);
    if (!present.length) {
      out('No finished runs yet.', '');
      continue;
    }
    const base = present[0].runs[0].base;
    const alf = regime.env === 'alfworld';
    out(`Trained with ${trainingSettings(present.flatMap((c) => c.runs))} (as the run summaries record).`, '');
    values[`base ${regime.id}`] = f1(rate(base.t1));
    values[`base-greedy ${regime.id}`] = f1(rate(base.greedy));
    if (!alf) values[`base-score ${regime.id}`] = f1(100 * base.t1.meanScore);
    const typeHead = alf ? TASK_TYPE_COLUMNS.map(([, name]) => ` ${name} |`).join('') : ' score (T = 1) | score change |';
    out(`| setting | seeds | success T = 1 | change vs base | greedy | premise AUC | step entropy at the end | update without signal, first → last ${ENTROPY_TAIL} iterations |${typeHead}`, `|---|---|---|---|---|---|---|---|${alf ? '---|'.repeat(6) : '---|---|'}`);
    const baseExtra = alf ? TASK_TYPE_COLUMNS.map(([type]) => ` ${f1(byType(base.t1, type))} |`).join('') : ` ${f1(100 * base.t1.meanScore)} | – |`;
    out(`| base checkpoint | – | ${f1(rate(base.t1))} | – | ${f1(rate(base.greedy))} | – | – | – |${baseExtra}`);
    for (const s of rows) {
      const cell = byKey.get(cellKey(s));
      if (!cell) {
        out(`| ${cellLabel(s)} | 0 | – | – | – | – | – | – |${alf ? ' – |'.repeat(6) : ' – | – |'}`);
        continue;
      }
      const t1 = t1Of(cell);
      const change = changeOf(cell);
      const greedy = meanInterval(cell.runs.map((r) => rate(r.final.greedy)));
      const auc = meanInterval(cell.runs.map((r) => curveMean(r, 'premise/auc')).filter(Number.isFinite));
      const entropyText = tailEntropyText(cell);
      const extra = alf
        ? TASK_TYPE_COLUMNS.map(([type]) => ` ${compactInterval(meanInterval(cell.runs.map((r) => byType(r.final.t1, type)).filter(Number.isFinite)))} |`).join('')
        : ` ${withInterval(meanInterval(cell.runs.map((r) => 100 * r.final.t1.meanScore)))} | ${signed(meanInterval(cell.runs.map((r) => 100 * (r.final.t1.meanScore - r.base.t1.meanScore))).mean)} |`;
      const label = cellLabel(s);
      const noSignal = headToTail(cell.runs, 'premise/no_signal_adv_share', ENTROPY_TAIL);
      out(`| ${label} | ${cell.runs.length} | ${withInterval(t1)} | ${signed(change.mean)}${Number.isFinite(change.half) ? ` ± ${f1(change.half)}` : ''} | ${withInterval(greedy)} | ${Number.isFinite(auc.mean) ? auc.mean.toFixed(2) : '–'} | ${entropyText} | ${noSignal} |${extra}`);
      const key = `${regime.id} ${label}`;
      values[`success ${key}`] = withInterval(t1);
      values[`change ${key}`] = signed(change.mean);
      values[`greedy ${key}`] = withInterval(greedy);
      values[`auc ${key}`] = Number.isFinite(auc.mean) ? auc.mean.toFixed(2) : '–';
      values[`entropy ${key}`] = entropyText;
      values[`nosignal ${key}`] = noSignal;
      values[`seeds ${key}`] = String(cell.runs.length);
    }
    out('');
  }
  out('For reference, the paper and independent re-runs (reference/paper.md §5; different models and scales, so compare', 'directions and sizes of changes, not levels):', '', PAPER_NUMBERS, '');

  // Differences.
  const comparisons = comparisonsOf(byKey);
  out('## EMPG − base: every difference with a bootstrap interval', '',
    'Held-out success at T = 1, in points: the 95 % percentile bootstrap over seeds (4,000 resamples) and, beside it, Welch\'s',
    't interval, which is wider and more honest with a handful of seeds. "reading" calls a gain or a loss only when both',
    'exclude 0; "detectable" is the smallest difference these seeds detect with 80 % power at the two arms\' measured spread.', '',
    '| regime | comparison | seeds | difference | bootstrap 95 % | Welch 95 % | reading | detectable |', '|---|---|---|---|---|---|---|---|');
  for (const c of comparisons) {
    const interval = (i: { low: number; high: number } | null) => (i ? `${signed(i.low)} to ${signed(i.high)}` : 'too few seeds');
    out(`| ${c.regime} | ${c.label} | ${c.a.runs.length} vs ${c.b.runs.length} | ${signed(c.diff)} | ${interval(c.bootstrap)} | ${interval(c.welch)} | ${c.reading} | ${Number.isFinite(c.detectable) ? `±${f1(c.detectable)}` : '–'} |`);
    values[`diff ${c.regime} ${c.label}`] = describeDifference(c);
  }
  if (!comparisons.length) out('| – | no comparison has both arms finished yet | – | – | – | – | – | – |');
  out('');

  // Table 2.
  out('## Table 2 analogue: ablations (GRPO base)', '',
    'Gradient scaling only (g, ζ = 0) and future-clarity bonus only (f, no g), beside GRPO and full GRPO+EMPG; their',
    'differences from GRPO are in the table above.', '');
  const ablationRows = expectedCells.filter((s) => s.part === 'ablation' || (s.part === 'main' && s.algo.startsWith('grpo') && s.regime !== 'alfworld-long'));
  out('| regime | setting | seeds | success T = 1 | change vs base |', '|---|---|---|---|---|');
  for (const s of ablationRows) {
    const cell = byKey.get(cellKey(s));
    const t1 = cell ? t1Of(cell) : meanInterval([]);
    const change = cell ? changeOf(cell) : meanInterval([]);
    out(`| ${s.regime} | ${cellLabel(s)} | ${cell?.runs.length ?? 0} | ${withInterval(t1)} | ${signed(change.mean)}${Number.isFinite(change.half) ? ` ± ${f1(change.half)}` : ''} |`);
    if (cell) values[`success ${s.regime} ${cellLabel(s)}`] = withInterval(t1);
  }
  out('');

  // Sensitivity.
  out('## k/ζ sensitivity (GRPO+EMPG, ALFWorld-lite long)', '');
  const sensitivity = expectedCells.filter((s) => s.regime === 'alfworld-long' && s.algo === 'grpo+empg' && (s.part === 'sensitivity' || s.part === 'main'));
  out('| k | ζ | seeds | success T = 1 | change vs base | step entropy, last 10 it. |', '|---|---|---|---|---|---|');
  for (const s of sensitivity) {
    const cell = byKey.get(cellKey(s));
    const t1 = cell ? t1Of(cell) : meanInterval([]);
    const change = cell ? changeOf(cell) : meanInterval([]);
    out(`| ${s.k} | ${s.zeta} | ${cell?.runs.length ?? 0} | ${withInterval(t1)} | ${signed(change.mean)}${Number.isFinite(change.half) ? ` ± ${f1(change.half)}` : ''} | ${cell ? tailEntropyText(cell) : '–'} |`);
    if (!cell) continue;
    values[`success ${s.regime} ${cellLabel(s)}`] = withInterval(t1);
    values[`entropy ${s.regime} ${cellLabel(s)}`] = tailEntropyText(cell);
    values[`seeds ${s.regime} ${cellLabel(s)}`] = String(cell.runs.length);
  }
  out('');
  const trendLines: string[] = [];
  for (const trend of sensitivityTrends([...byKey.values()])) {
    values[`trend ${trend.knob} success`] = trend.successText;
    values[`trend ${trend.knob} entropy`] = trend.entropyText;
    trendLines.push(`| ${trend.title} | ${trend.successText} | ${trend.entropyText} |`);
  }
  if (trendLines.length) {
    out('Trend over every run of a knob\'s settings (least-squares slope with its t interval; k on a log scale):', '',
      '| knob | held-out success T = 1 | step entropy, last 10 it. |', '|---|---|---|', ...trendLines, '');
  }

  // Curves.
  out('## Learning curves and KL (Fig. 2 / F.1 analogues)', '',
    'Training success rate and approximate KL per iteration, each seed smoothed by a trailing mean of 10 iterations;',
    'the line is the mean across seeds, the band ± one standard deviation across seeds (no band with one seed).', '');
  for (const regime of REGIMES) {
    const regimeCells = cells.filter((c) => c.spec.regime === regime.id && (c.spec.part === 'main' || c.spec.part === 'entropy-mode'));
    if (!regimeCells.length) continue;
    for (const [metric, name, title, yLabel] of [
      ['env/success_rate', 'success', 'training success rate', 'success rate'],
      ['policy/approx_kl', 'kl', 'approximate KL per update', 'approx. KL'],
      ['premise/auc', 'premise', 'premise AUC (is a confident step a good step?)', 'AUC'],
    ] as const) {
      const series: SvgSeries[] = regimeCells.map((c) => {
        const band = curveBand(c.runs, metric, 10);
        const label = c.spec.stepEntropy === 'normalized' ? `${c.spec.algo} normalized` : c.spec.algo;
        return { label: `${label} (${c.runs.length})`, colour: COLOURS[label] ?? '#7f7f7f', values: band.mean, low: band.low, high: band.high };
      });
      const file = `${regime.id}-${name}.svg`;
      figures[file] = lineChartSvg({ title: `${regime.title}: ${title}`, xLabel: 'iteration', yLabel, series, yDomain: metric === 'env/success_rate' ? [0, 1] : undefined });
      out(`![${regime.title}: ${title}](results/${file})`, '');
    }
  }
  if (!cells.length) out('No finished runs yet.', '');

  // Fig. 3.
  const fig3 = entropyChangeSection(entropyChanges);
  out(...fig3.lines);
  Object.assign(figures, fig3.figures);

  // Power.
  out('## Power', '');
  const measured = cells.filter((c) => c.runs.length >= 2);
  if (measured.length) {
    const sds = measured.map((c) => t1Of(c).sd);
    const pooled = Math.sqrt(sds.reduce((a, s) => a + s * s, 0) / sds.length);
    const n = Math.min(...measured.map((c) => c.runs.length));
    const byRegime = REGIMES.map((r) => {
      const own = measured.filter((c) => c.spec.regime === r.id).map((c) => t1Of(c).sd);
      return own.length ? `${r.id} ${f1(Math.sqrt(own.reduce((a, s) => a + s * s, 0) / own.length))} (${own.length} cells)` : null;
    }).filter(Boolean);
    out(`Measured, not assumed: across the ${measured.length} cells with at least 2 seeds, the seed standard deviation of held-out success at T = 1 is`,
      `${f1(pooled)} points (root mean square; per regime: ${byRegime.join(', ')}). With ${n} seeds per arm a difference must be about`,
      `${f1(detectableDifferenceT(n, pooled))} points to be detected with 80 % power (t test, two-sided α = 0.05); with the profile's ${profile.seeds}, about`,
      `${f1(detectableDifferenceT(profile.seeds, pooled))} points. Detecting 5 points needs about ${seedsForPowerT(5, pooled)} seeds per arm.`,
      `A spread measured on few seeds is itself uncertain: ${n} seeds per cell estimate it loosely.`, '');
    values['power sd'] = f1(pooled);
    values['power detectable'] = f1(detectableDifferenceT(profile.seeds, pooled));
    values['power seeds-for-5'] = String(seedsForPowerT(5, pooled));
  } else {
    out('No cell has two seeds yet, so the seed-to-seed spread is unknown. For reference: at a seed standard deviation of',
      `5 points, ${profile.seeds} seeds per arm detect about ${f1(detectableDifferenceT(profile.seeds, 5))} points with 80 % power (t test), and 5 points needs ${seedsForPowerT(5, 5)} seeds per arm.`, '');
  }

  out(...whenEmpgHelpsSection(comparisons));

  out('## Discussion', '');
  const generated = lines.join('\n');
  const filled = fillPlaceholders(discussion.trim(), values);
  const untraced = untracedNumbers(filled.text, generated);
  if (!filled.text) {
    out('No discussion has been written for these results yet.', '');
  } else {
    out(`Hand-written (\`results/${profile.name}/DISCUSSION.md\`); values written there as \`{{success webshop grpo}}\`,`,
      '`{{diff webshop grpo+empg − grpo}}` and the like are filled in from the tables above.', '');
    if (untraced.length || filled.unknown.length) {
      out(`> **Check against the tables:** the discussion below quotes ${untraced.length ? `${untraced.length} number${untraced.length > 1 ? 's' : ''} that the generated part above does not contain (${untraced.join(', ')})` : ''}`
        + `${untraced.length && filled.unknown.length ? ' and ' : ''}${filled.unknown.length ? `values that no longer exist (${filled.unknown.join(', ')})` : ''}.`
        + ' It may have been written for fewer runs; where it and the tables differ, the tables hold.', '');
    }
    out(filled.text, '');
  }
  return { markdown: lines.join('\n'), figures, values, discussionProblems: { unknown: filled.unknown, untraced } };
}
