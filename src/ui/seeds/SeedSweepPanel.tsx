/**
 * Across seeds: the lanes (GRPO vs GRPO + EMPG in compare mode, or the single lane) trained from several
 * seeds in turn, each for the same number of iterations, and their curves as mean ± one standard
 * deviation across seeds — whether a difference between the lanes is larger than the seed-to-seed noise.
 */
import { memo, useMemo, useState } from 'react';
import { Area, CartesianGrid, ComposedChart, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useRun } from '../../store/runStore';
import { useSeedSweep, type SeedRun } from '../../store/seedSweepStore';
import { algorithmOf, ALGORITHM_TITLES } from '../../store/urlState';
import { useView } from '../../store/viewStore';
import { LANE_COLOURS } from '../charts/chartSpecs';
import { Help } from '../explain/Help';
import { formatTick, formatValue } from '../charts/series';
import { runSeedSweep, stopSeedSweep } from './runSeedSweep';
import { bandColumn, meanColumn, seedBands, stdColumn, type BandRow } from './seedBands';
import './seeds.css';

/** The curves shown across seeds (metric names as in docs/METRICS.md). */
const BAND_CHARTS: { metric: string; title: string; domain?: [number, number]; bounds?: [number, number] }[] = [
  { metric: 'env/success_rate', title: 'Success rate', domain: [0, 1], bounds: [0, 1] },
  { metric: 'reward/mean', title: 'Reward' },
  { metric: 'entropy/step_mean', title: 'Step entropy (nats)', bounds: [0, Infinity] },
  { metric: 'grad/norm', title: 'Gradient norm', bounds: [0, Infinity] },
];

const SEED_COUNTS = [2, 3, 4, 5];
const ITERATION_COUNTS = [3, 5, 10, 20, 40];

function BandCard({ spec, rows, laneNames, active, payload }: { spec: (typeof BAND_CHARTS)[number]; rows: BandRow[]; laneNames: string[]; active?: boolean; payload?: { payload: BandRow }[] }) {
  const row = payload?.[0]?.payload;
  if (!active || !row || !rows.length) return null;
  return (
    <div className="hover-card">
      <strong>iteration {row.iteration}</strong> ({row.seeds} seeds)
      {laneNames.map((name, lane) => {
        const std = row[stdColumn(lane)] as number | null;
        const mean = row[meanColumn(lane)] as number | null;
        return std !== null && <div key={lane} style={{ color: LANE_COLOURS[lane] }}>{name}: {formatValue(mean)} ± {formatValue(std)}</div>;
      })}
      <span className="muted small">{spec.title}</span>
    </div>
  );
}

/** One metric's mean line and ± std band per lane. */
const BandChart = memo(function BandChart({ spec, runs, laneNames }: { spec: (typeof BAND_CHARTS)[number]; runs: SeedRun[]; laneNames: string[] }) {
  const rows = useMemo(() => seedBands(runs, spec.metric, spec.bounds), [runs, spec.metric, spec.bounds]);
  const last = rows.at(-1);
  const summary = laneNames.map((name, lane) => `${name} ${formatValue(last?.[meanColumn(lane)] as number | null)}`).join(', ');
  return (
    <figure className="metric-chart band-chart" data-testid={`band-${spec.metric}`} aria-label={`${spec.title}, mean ± std over ${runs.length} seeds. Last iteration: ${summary}.`}>
      <figcaption><span className="metric-title">{spec.title}</span></figcaption>
      <ResponsiveContainer width="100%" height={160}>
        <ComposedChart data={rows} margin={{ top: 6, right: 12, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e3e7ee" />
          <XAxis dataKey="iteration" type="number" domain={['dataMin', 'dataMax']} allowDecimals={false} tick={{ fontSize: 12 }} interval={0} />
          <YAxis domain={spec.domain ?? ['auto', 'auto']} ticks={spec.domain ? [0, 0.25, 0.5, 0.75, 1] : undefined} tick={{ fontSize: 12 }} width={52} tickFormatter={formatTick} interval={0} />
          <Tooltip content={<BandCard spec={spec} rows={rows} laneNames={laneNames} />} isAnimationActive={false} />
          {laneNames.map((name, lane) => (
            <Area key={`band-${lane}`} dataKey={bandColumn(lane)} name={`${name} ± std`} stroke="none" fill={LANE_COLOURS[lane]} fillOpacity={0.18}
              isAnimationActive={false} connectNulls />
          ))}
          {laneNames.map((name, lane) => (
            <Line key={`mean-${lane}`} dataKey={meanColumn(lane)} name={`${name} mean`} stroke={LANE_COLOURS[lane]} strokeWidth={2.5}
              dot={rows.length < 2} isAnimationActive={false} connectNulls />
          ))}
        </ComposedChart>
      </ResponsiveContainer>
    </figure>
  );
});

/** The panel: settings, Start / Stop, progress and the band charts. */
export function SeedSweepPanel() {
  const sweep = useSeedSweep();
  const firstSeed = useView((s) => s.settings.seed);
  const laneKey = useRun((s) => s.lanes.map((l) => (l.status ? algorithmOf(l.status.config) : '')).join('|'));
  const laneNames = useMemo(() => laneKey.split('|').map((choice, lane) => ALGORITHM_TITLES[choice as keyof typeof ALGORITHM_TITLES] ?? `lane ${lane + 1}`), [laneKey]);
  const [count, setCount] = useState(3);
  const [iterations, setIterations] = useState(10);
  const running = sweep.phase === 'running';
  const shownNames = laneNames.slice(0, Math.max(1, ...sweep.runs.map((r) => r.lanes.length)));
  return (
    <details className="seed-sweep" data-testid="seed-sweep">
      <summary>Across seeds: mean ± std of the lanes over several seeds</summary>
      <p className="muted small">
        Trains {laneNames.length > 1 ? 'both lanes' : 'the lane'} from seeds {firstSeed} to {firstSeed + count - 1}, one seed after the other,
        {' '}{iterations} iterations each, with the current settings; then shows each lane's mean and a band of ± one standard deviation
        across seeds. A difference between the lanes means something only where the bands part.
        {laneNames.length < 2 && ' Turn on "compare two lanes" to set GRPO against GRPO + EMPG.'} The run controls wait while it trains.
      </p>
      <div className="seed-controls">
        <Help term="seed-sweep" align="left" />
        <label>seeds <select value={count} disabled={running} data-testid="sweep-seeds" onChange={(e) => setCount(Number(e.target.value))}>
          {SEED_COUNTS.map((n) => <option key={n} value={n}>{n}</option>)}
        </select></label>
        <label>iterations each <select value={iterations} disabled={running} data-testid="sweep-iterations" onChange={(e) => setIterations(Number(e.target.value))}>
          {ITERATION_COUNTS.map((n) => <option key={n} value={n}>{n}</option>)}
        </select></label>
        {running
          ? <button type="button" onClick={stopSeedSweep} data-testid="sweep-stop">Stop</button>
          : <button type="button" className="primary" onClick={() => void runSeedSweep(count, iterations)} data-testid="sweep-start">Train across seeds</button>}
        <span role="status" data-testid="sweep-status" className="small">
          {running && `Seed ${sweep.seeds[sweep.at.seed]} (${sweep.at.seed + 1} of ${sweep.seeds.length}), iteration ${sweep.at.iteration} of ${sweep.iterations}…`}
          {sweep.phase === 'done' && `Done: ${sweep.runs.length} seeds × ${sweep.iterations} iterations.`}
          {sweep.phase === 'stopped' && `Stopped (${sweep.stopReason}) after ${sweep.runs.length} of ${sweep.seeds.length} seeds.`}
        </span>
      </div>
      {sweep.runs.length > 0 && (
        <ul className="lane-legend" aria-label="Lanes">
          {shownNames.map((name, lane) => <li key={lane}><span className="swatch" style={{ background: LANE_COLOURS[lane] }} />{name} (line: mean, band: ± std)</li>)}
        </ul>
      )}
      {sweep.runs.length > 0 && (
        <div className="charts-grid band-grid">
          {BAND_CHARTS.map((spec) => <BandChart key={spec.metric} spec={spec} runs={sweep.runs} laneNames={shownNames} />)}
        </div>
      )}
    </details>
  );
}
