/**
 * The Fig. 3 section of docs/RESULTS.md from the committed `entropy-change` files: per regime, |ΔH| and
 * ΔH by initial-entropy percentile at step level (the paper's step entropy) and token level, GRPO vs
 * GRPO+EMPG, with 95 % intervals across seeds — as SVG figures, a table and generated sentences.
 */
import { acrossSeeds, type EntropyChange, type EntropyLevel } from './entropyChange';
import { REGIMES } from './grid';
import { lineChartSvg, type SvgSeries } from './svg';

const COLOURS: Record<string, string> = { 'grpo': '#1f77b4', 'grpo+empg': '#ff7f0e', 'dapo': '#2ca02c', 'dapo+empg': '#d62728' };
const LEVEL_NAMES: Record<EntropyLevel, string> = {
  'step:all': 'step (all tokens, the paper)', 'step:choices': 'step (choice tokens)', 'step:normalized': 'step (normalized)',
  'token:all': 'token (all)', 'token:choices': 'token (choices only)',
};

const f3 = (v: number) => (Number.isFinite(v) ? v.toFixed(3).replace('-', '−') : '–');
const withHalf = (m: { mean: number; half: number }) => (Number.isFinite(m.half) ? `${f3(m.mean)} ± ${f3(m.half)}` : f3(m.mean));

/** The algorithms of a file, in the order they first appear, with their seed counts. */
function algosOf(data: EntropyChange): { algo: string; seeds: number }[] {
  const seen = new Map<string, number>();
  for (const r of data.runs) seen.set(r.algo, (seen.get(r.algo) ?? 0) + 1);
  return [...seen].map(([algo, seeds]) => ({ algo, seeds }));
}

/** Markdown lines and figures (file name → SVG) of the section. */
export function entropyChangeSection(files: readonly EntropyChange[]): { lines: string[]; figures: Record<string, string> } {
  const lines: string[] = ['## Fig. 3 analogue: entropy change by initial-entropy percentile', ''];
  const figures: Record<string, string> = {};
  const withRuns = files.filter((f) => f.runs.length);
  if (!withRuns.length) {
    lines.push('No `entropy-change` results are committed yet (`npm run cli -- entropy-change --regime webshop`).', '');
    return { lines, figures };
  }
  lines.push(
    'Recipe of reference/paper.md §7, made by `npm run cli -- entropy-change` (files under `results/<profile>/fig3/`): a fixed',
    'set of held-out episodes is sampled once from the base checkpoint; every step\'s and token\'s entropy is measured under the',
    'base policy, teacher-forced; each algorithm × seed is trained from that checkpoint; the entropies are measured again on the',
    'same steps. Steps (and tokens) are binned by the percentile of their initial entropy (bin 1 = the lowest tenth); each bin',
    'shows the mean of ΔH = H_after − H_before or of |ΔH| in nats, averaged over seeds, with a 95 % t interval across seeds',
    '(band around the step-level lines in the figures; none with one seed). Figures: solid = step entropy as the paper',
    'defines it (mean over all tokens), dashed = every token, dotted = choice tokens only. Much shorter training than the main grid; the',
    'question is their shape across percentiles, step level against token level.', '');
  for (const data of withRuns) {
    const regime = REGIMES.find((r) => r.id === data.regime);
    const title = regime?.title ?? data.regime;
    const algos = algosOf(data);
    lines.push(`### ${title}`, '',
      `${data.episodes} base episodes (${data.successes} won), ${data.steps} steps, ${data.tokens} tokens of which ${data.choiceTokens} are choices`,
      `(more than one allowed token); ${data.iterations} training iterations per run; ${algos.map((a) => `${a.algo} ${a.seeds} seed${a.seeds > 1 ? 's' : ''}`).join(', ')};`,
      `last run made by the code of commit ${(data.commit ?? 'unrecorded').slice(0, 12)}.`, '');
    for (const [field, name, yLabel] of [['absDelta', 'abs', '|ΔH| (nats)'], ['delta', 'signed', 'ΔH (nats)']] as const) {
      const series: SvgSeries[] = [];
      for (const { algo, seeds } of algos) {
        for (const [level, short, dash] of [['step:all', `step (${seeds})`, undefined], ['token:all', 'tokens', '5 3'], ['token:choices', 'choices', '1 3']] as const) {
          const bins = acrossSeeds(data, algo, level, field);
          // Bands on the step-level lines only: the token lines' bands would hide them.
          const band = level === 'step:all' && bins.every((b) => Number.isFinite(b.half));
          series.push({
            label: `${algo} ${short}`, colour: COLOURS[algo] ?? '#7f7f7f', dash,
            values: bins.map((b) => (Number.isFinite(b.mean) ? b.mean : null)),
            low: band ? bins.map((b) => b.mean - b.half) : undefined, high: band ? bins.map((b) => b.mean + b.half) : undefined,
          });
        }
      }
      const file = `fig3-${data.regime}-${name}.svg`;
      figures[file] = lineChartSvg({ title: `${title}: ${field === 'absDelta' ? '|ΔH|' : 'ΔH'} by initial-entropy decile`, xLabel: 'initial-entropy percentile bin (1 = lowest)', yLabel, series });
      lines.push(`![${title}: ${yLabel} by initial-entropy percentile](results/${file})`, '');
    }
    const last = data.bins - 1;
    const mid = Math.floor(data.bins / 2);
    lines.push(`| level | algorithm | seeds | H₀ range, bin 1 | \\|ΔH\\| bin 1 | \\|ΔH\\| bin ${mid + 1} | \\|ΔH\\| bin ${data.bins} | ΔH bin ${data.bins} |`, '|---|---|---|---|---|---|---|---|');
    for (const level of ['step:all', 'step:normalized', 'token:all', 'token:choices'] as const) {
      for (const { algo, seeds } of algos) {
        const abs = acrossSeeds(data, algo, level, 'absDelta');
        const delta = acrossSeeds(data, algo, level, 'delta');
        const base = data.base[level];
        lines.push(`| ${LEVEL_NAMES[level]} | ${algo} | ${seeds} | ${f3(base.minH0[0] ?? NaN)}–${f3(base.maxH0[0] ?? NaN)} | ${withHalf(abs[0])} | ${withHalf(abs[mid])} | ${withHalf(abs[last])} | ${withHalf(delta[last])} |`);
      }
    }
    lines.push('');
    lines.push(...readingOf(data, algos.map((a) => a.algo)), '');
  }
  return { lines, figures };
}

/** Generated sentences: how the lowest bins change relative to the highest, at step and at token level. */
function readingOf(data: EntropyChange, algos: readonly string[]): string[] {
  const out: string[] = [];
  const zeroTokenBins = data.base['token:all'].maxH0.filter((v) => v === 0).length;
  for (const algo of algos) {
    const step = acrossSeeds(data, algo, 'step:all', 'absDelta');
    const token = acrossSeeds(data, algo, 'token:all', 'absDelta');
    const choice = acrossSeeds(data, algo, 'token:choices', 'absDelta');
    const ratio = (bins: { mean: number }[]) => bins[0].mean / bins[bins.length - 1].mean;
    out.push(`- **${algo}**: the lowest-entropy tenth of steps changes by ${f3(step[0].mean)} nats on average, ${pct(ratio(step))} of`
      + ` the change of the highest tenth (${f3(step[step.length - 1].mean)}); at token level the lowest tenth changes by ${f3(token[0].mean)}`
      + ` (${pct(ratio(token))} of the top tenth's ${f3(token[token.length - 1].mean)}), among choice tokens only by ${f3(choice[0].mean)}`
      + ` (${pct(ratio(choice))} of ${f3(choice[choice.length - 1].mean)}).`);
  }
  if (zeroTokenBins) {
    out.push(`- ${zeroTokenBins} of the ${data.bins} token bins hold only tokens of initial entropy 0: forced tokens (one allowed continuation),`
      + ' whose entropy admissible-prefix masking keeps at exactly 0 whatever the training does.');
  }
  return out;
}

function pct(ratio: number): string {
  return Number.isFinite(ratio) ? `${Math.round(100 * ratio)} %` : '–';
}
