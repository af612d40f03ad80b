/**
 * The Experiments view: the committed results of `npm run cli -- reproduce` (docs/RESULTS.md's
 * numbers) — held-out success per setting with 95 % intervals, and mean learning curves across seeds —
 * with the user's own live run drawn over the curves of the same environment.
 */
import { memo, useEffect, useMemo, useRef, useState } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { BundleCell, BundleComparison } from '../../experiments/bundle';
import type { Metrics } from '../../train/trainer';
import { REGIMES } from '../../experiments/grid';
import { useDeferredRun } from '../deferredRun';
import { useView } from '../../store/viewStore';
import { useStaggered } from '../charts/useStaggered';
import { useHeldWhile, useOnScreen } from '../useOnScreen';
import { chartRowsOf, loadBundle, type BundleLoad, type ChartRow } from './experimentsData';
import { formatTick } from '../charts/series';
import { holdsAfterCorrection, pRelation, signed } from '../../experiments/verdict';
import './experiments.css';

const COLOURS = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf'];
const CHARTS = [
  { metric: 'env/success_rate', title: 'Training success rate' },
  { metric: 'entropy/step_mean', title: 'Step entropy (lower: a surer policy)' },
  { metric: 'policy/approx_kl', title: 'Approx. KL per update' },
  { metric: 'premise/auc', title: 'Is a confident step a good step? (premise AUC)' },
] as const;

/** What Holm's correction over all EMPG − base pairs says of a called gain or loss (nothing for other readings). */
function correctionNote(c: BundleComparison, familySize: number): string {
  if ((c.reading !== 'gain' && c.reading !== 'loss') || c.holm === null) return '';
  return `; ${holdsAfterCorrection(c) ? 'it holds' : 'it does not hold'} when all ${familySize} EMPG − base pairs are tested together (Holm's adjusted p ${pRelation(c.holm)})`;
}

const READINGS: Record<string, string> = {
  'gain': 'a gain: both intervals exclude 0',
  'loss': 'a loss: both intervals exclude 0',
  'no detectable difference': 'no detectable difference',
  'too few seeds': 'too few seeds to tell',
};

/**
 * One chart of mean curves, with your run over them: memoised on its rows, redrawn a frame after they
 * change (as a transition) and not at all while off screen, like the training curves.
 */
const ExperimentChart = memo(function ExperimentChart({ title, metric, cells, yours }: { title: string; metric: string; cells: readonly BundleCell[]; yours: Metrics[] | null }) {
  const figure = useRef<HTMLElement>(null);
  // The rows and whether your run has a line change together, and both wait while the chart is off screen.
  const plot = useMemo(() => ({ rows: chartRowsOf(cells, yours, metric), withYours: yours !== null }), [cells, yours, metric]);
  const drawn = useStaggered(useHeldWhile(plot, useOnScreen(figure)), 0);
  return (
    <figure ref={figure} className="metric-chart" data-testid={`experiments-chart-${metric}`}>
      <figcaption>{title}</figcaption>
      <ExperimentPlot rows={drawn.rows} cells={cells} withYours={drawn.withYours} />
    </figure>
  );
});

// Everything but the rows and the lines is made once, so a redraw (a new iteration of "your run") changes only
// the data in recharts' store (see MetricChart).
const MARGIN = { top: 8, right: 16, bottom: 4, left: 0 };
const FIXED_PARTS = (
  <>
    <CartesianGrid strokeDasharray="3 3" />
    {/* A number axis with recharts' few nice ticks kept as they are (interval 0): no label is measured in the DOM. */}
    <XAxis dataKey="iteration" type="number" domain={['dataMin', 'dataMax']} allowDecimals={false} tick={{ fontSize: 12 }} interval={0} />
    <YAxis width={52} tick={{ fontSize: 12 }} tickFormatter={formatTick} interval={0} />
    <Tooltip />
    <Legend />
  </>
);

/** The recharts plot of an Experiments chart: memoised, so it redraws only when its drawn rows (or lines) change. */
const ExperimentPlot = memo(function ExperimentPlot({ rows, cells, withYours }: { rows: ChartRow[]; cells: readonly BundleCell[]; withYours: boolean }) {
  const lines = useMemo(() => (
    <>
      {cells.map((c, i) => (
        <Line key={c.key} dataKey={c.key} name={`${c.label} (${c.seeds})`} stroke={COLOURS[i % COLOURS.length]} dot={false} isAnimationActive={false} connectNulls />
      ))}
      {withYours && <Line dataKey="yours" name="your run" stroke="#000" strokeWidth={2.5} dot={false} isAnimationActive={false} />}
    </>
  ), [cells, withYours]);
  return (
    <ResponsiveContainer width="100%" height={220}>
      <LineChart data={rows} margin={MARGIN}>
        {FIXED_PARTS}
        {lines}
      </LineChart>
    </ResponsiveContainer>
  );
});

const pm = (m: BundleCell['finalT1'], show: (v: number) => string = (v) => v.toFixed(1)) => (m.mean === null ? '–' : m.half === null ? `${show(m.mean)} (1 seed)` : `${show(m.mean)} ± ${m.half.toFixed(1)}`);

/** The panel (a section of the page). */
export function ExperimentsPanel() {
  const [load, setLoad] = useState<BundleLoad | null>(null);
  const env = useView((s) => s.settings.env);
  // A recording on screen fills the lanes too; only a run trained live here is "your run".
  const recording = useView((s) => s.shown);
  const [regime, setRegime] = useState<string>(() => REGIMES.find((r) => r.env === env)?.id ?? 'alfworld-short');
  useEffect(() => {
    let live = true;
    void loadBundle('quick', document.baseURI).then((result) => { if (live) setLoad(result); });
    return () => { live = false; };
  }, []);
  const regimeInfo = REGIMES.find((r) => r.id === regime)!;
  const cells = useMemo(() => (load?.ok ? load.bundle.cells.filter((c) => c.regime === regime) : []), [load, regime]);
  const comparisons = useMemo(() => (load?.ok ? load.bundle.comparisons.filter((c) => c.regime === regime) : []), [load, regime]);
  const trends = useMemo(() => (load?.ok ? load.bundle.trends.filter((t) => t.regime === regime) : []), [load, regime]);
  const familySize = load?.ok ? load.bundle.comparisons.filter((c) => c.holm !== null).length : 0;
  // The user's run is comparable only when it plays the same environment and preset; only then does the
  // panel follow its history (otherwise a new iteration re-renders nothing here).
  const yours = useDeferredRun((s) => {
    const config = s.lanes[0]?.status?.config;
    return !recording && config?.env === regimeInfo.env && config.preset === regimeInfo.preset ? s.lanes[0]?.history ?? null : null;
  });
  const ownComparable = (yours?.length ?? 0) > 0;

  return (
    <section className="panel experiments" aria-labelledby="experiments-title" data-testid="experiments-panel">
      <h2 id="experiments-title">Experiments: does EMPG help here?</h2>
      <p className="muted">
        Committed results of <code>npm run cli -- reproduce --profile quick</code>: each setting trained from the shipped
        base checkpoint with several seeds, then evaluated on the same held-out tasks. docs/RESULTS.md has the full tables.
      </p>
      {!load && <p className="muted">Loading the results…</p>}
      {load && !load.ok && <p className="muted" data-testid="experiments-empty">Nothing to show: {load.reason}.</p>}
      {load?.ok && (
        <>
          <label className="field">
            <span className="field-label">environment</span>
            <select value={regime} data-testid="experiments-regime" onChange={(e) => setRegime(e.target.value)}>
              {REGIMES.map((r) => <option key={r.id} value={r.id}>{r.title}</option>)}
            </select>
          </label>
          <p className="muted small">
            {load.bundle.runs} finished runs in profile {load.bundle.profile} ({load.bundle.seedsPerCell} seeds per setting asked);
            settings with fewer seeds are provisional.
          </p>
          {cells.length === 0
            ? <p className="muted">No finished runs for this environment yet.</p>
            : (
              <>
                {/* Wider than a phone: the table scrolls sideways in its own box (reachable by keyboard), the page does not. */}
                <div className="table-scroll" tabIndex={0} role="region" aria-label="Held-out success by setting">
                <table className="experiments-table" data-testid="experiments-table">
                  <caption>Held-out success at T = 1 (%), mean ± 95 % interval across seeds; base checkpoint {cells[0].baseT1.toFixed(1)} %</caption>
                  <thead><tr><th>setting</th><th>seeds</th><th>success</th><th>change vs base</th><th>greedy</th></tr></thead>
                  <tbody>
                    {cells.map((c) => (
                      <tr key={c.key}>
                        <td>{c.label}</td><td>{c.seeds}{c.seeds < load.bundle.seedsPerCell ? ` of ${load.bundle.seedsPerCell}` : ''}</td>
                        <td>{pm(c.finalT1)}</td><td>{pm(c.changeT1, signed)}</td><td>{pm(c.finalGreedy)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                </div>
                {comparisons.length > 0 && <p className="muted small">Differences in held-out success at T = 1 (docs/RESULTS.md, "When EMPG helps here"):</p>}
                {comparisons.length > 0 && (
                  <ul className="experiments-comparisons" data-testid="experiments-comparisons">
                    {comparisons.map((c) => (
                      <li key={c.label}><strong>{c.label}</strong>: {c.text} — {READINGS[c.reading]}{correctionNote(c, familySize)}</li>
                    ))}
                  </ul>
                )}
                {trends.length > 0 && (
                  <>
                    <p className="muted small">k/ζ sensitivity of GRPO+EMPG: how held-out success and the final step entropy move with each knob, over every run of its settings (a least-squares slope with its 95 % interval):</p>
                    <ul className="experiments-comparisons" data-testid="experiments-trends">
                      {trends.map((t) => (
                        <li key={t.title}><strong>{t.title}</strong>: success {t.success}; step entropy {t.entropy}</li>
                      ))}
                    </ul>
                  </>
                )}
                <p className="muted small" data-testid="experiments-own-run">
                  {ownComparable
                    ? `The black line is your run (lane 1, ${yours!.length} iteration${yours!.length === 1 ? '' : 's'}), drawn over the committed means.`
                    : `Train live on ${regimeInfo.title} to draw your own run over these curves.`}
                </p>
                <div className="experiments-charts">
                  {CHARTS.map((chart) => (
                    <ExperimentChart key={chart.metric} title={chart.title} metric={chart.metric} cells={cells} yours={ownComparable ? yours : null} />
                  ))}
                </div>
              </>
            )}
        </>
      )}
    </section>
  );
}
