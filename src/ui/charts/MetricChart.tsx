/**
 * One live chart: a metric (or a few) over iterations, one colour per lane, hover values, SVG/PNG export.
 * Its caption and accessible summary follow every update; the plot itself redraws `delay` frames after
 * a change (so the charts one update touches redraw in turns) and not at all while it is off screen.
 */
import { memo, useMemo, useRef } from 'react';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Metrics } from '../../train/trainer';
import { Help } from '../explain/Help';
import { DEFINITIONS, type Term } from '../explain/definitions';
import { downloadChartPng, downloadChartSvg } from './chartExport';
import { LANE_COLOURS, type ChartSpec } from './chartSpecs';
import { useHeldWhile, useOnScreen } from '../useOnScreen';
import { useStaggered } from './useStaggered';
import { chartRows, columnOf, formatTick, formatValue, rawColumnOf, yDomain, type ChartRow } from './series';

/** Props of `MetricChart`. */
export interface MetricChartProps {
  spec: ChartSpec;
  histories: Metrics[][];
  smoothing: number;
  laneNames: string[];
  /** Animation frames to wait before redrawing the plot after a change (0: the next frame). */
  delay?: number;
}

/** A chart of the training view (memoised: it redraws only when its data or settings change). */
export const MetricChart = memo(function MetricChart({ spec, histories, smoothing, laneNames, delay = 0 }: MetricChartProps) {
  const figure = useRef<HTMLElement>(null);
  const metrics = useMemo(() => spec.lines.map((l) => l.metric), [spec]);
  const rows = useMemo(() => chartRows(histories, metrics, smoothing), [histories, metrics, smoothing]);
  const latest = rows.at(-1);
  const summary = laneNames.map((name, lane) => `${name}: ${formatValue(latest?.[columnOf(lane, spec.lines[0].metric)])}`).join(', ');
  const fileName = `empg-${spec.id}`;
  const plot = useMemo(() => ({ spec, rows, laneNames }), [spec, rows, laneNames]);
  const onScreen = useOnScreen(figure);
  const drawn = useStaggered(useHeldWhile(plot, onScreen), delay);
  return (
    <figure className="metric-chart" ref={figure} data-testid={`chart-${spec.id}`} aria-label={`${spec.title}. ${spec.hint} Latest: ${summary || 'no data yet'}.`}>
      <figcaption>
        <span className="metric-title" title={spec.hint}>{spec.title}</span>
        {spec.lines[0].metric in DEFINITIONS && <Help term={spec.lines[0].metric as Term} />}
        {spec.lines.length > 1 && (
          <span className="line-key" aria-hidden="true">
            {spec.lines.map((l) => <span key={l.metric}><svg width="22" height="8"><line x1="0" y1="4" x2="22" y2="4" stroke="#5b6678" strokeWidth="2" strokeDasharray={l.dash} /></svg>{l.label}</span>)}
          </span>
        )}
        <span className="chart-export">
          <button type="button" aria-label={`Download ${spec.title} as SVG`} onClick={() => figure.current && downloadChartSvg(figure.current, spec.title, fileName)}>SVG</button>
          <button type="button" aria-label={`Download ${spec.title} as PNG`} onClick={() => figure.current && void downloadChartPng(figure.current, spec.title, fileName)}>PNG</button>
        </span>
      </figcaption>
      <Plot {...drawn} />
    </figure>
  );
});

// Props that never change are made once: recharts 3 registers each axis, grid and tooltip in its own store
// from an effect keyed on the props object, so a new object on every redraw means unregistering and
// registering again, each a synchronous re-render of the chart (the guide's "keep references stable").
const MARGIN = { top: 6, right: 12, bottom: 0, left: 0 };
const GRID = <CartesianGrid strokeDasharray="3 3" stroke="#e3e7ee" />;
/* interval 0 keeps recharts' ≤ 5 nice ticks as they are instead of measuring every label in the DOM to thin them (a forced layout each). */
const X_AXIS = <XAxis dataKey="iteration" type="number" domain={['dataMin', 'dataMax']} allowDecimals={false} tick={{ fontSize: 12 }} interval={0} />;
const Y_TICK = { fontSize: 12 };

/** The recharts plot of a chart: memoised, so only a changed `rows` (or spec, or lanes) redraws it. */
const Plot = memo(function Plot({ spec, rows, laneNames }: { spec: ChartSpec; rows: ChartRow[]; laneNames: string[] }) {
  const columns = useMemo(() => laneNames.flatMap((_, lane) => spec.lines.map((line) => columnOf(lane, line.metric))), [spec, laneNames]);
  const [low, high] = yDomain(rows, columns, spec.domain);
  // Only the data and the y range change from one iteration to the next; everything else keeps its identity.
  const yAxis = useMemo(() => <YAxis domain={[low, high]} tick={Y_TICK} width={52} tickFormatter={formatTick} interval={0} />, [low, high]);
  const tooltip = useMemo(() => <Tooltip content={<HoverCard spec={spec} laneNames={laneNames} />} isAnimationActive={false} />, [spec, laneNames]);
  const lines = useMemo(() => laneNames.flatMap((name, lane) => spec.lines.map((line) => (
    <Line key={columnOf(lane, line.metric)} dataKey={columnOf(lane, line.metric)} name={`${name} ${line.label}`}
      stroke={LANE_COLOURS[lane]} strokeWidth={line.dash ? 1.5 : 2.5} strokeDasharray={line.dash}
      dot={false} connectNulls isAnimationActive={false} />
  ))), [spec, laneNames]);
  return (
    <ResponsiveContainer width="100%" height={170}>
      <LineChart data={rows} margin={MARGIN}>
        {GRID}
        {X_AXIS}
        {yAxis}
        {tooltip}
        {lines}
      </LineChart>
    </ResponsiveContainer>
  );
});

/** The hover card: every lane's smoothed value, with the raw value when smoothing changed it. */
function HoverCard({ spec, laneNames, active, payload }: { spec: ChartSpec; laneNames: string[]; active?: boolean; payload?: { payload: ChartRow }[] }) {
  const row = payload?.[0]?.payload;
  if (!active || !row) return null;
  return (
    <div className="hover-card">
      <strong>iteration {row.iteration}</strong>
      {laneNames.map((name, lane) => spec.lines.map((line) => {
        const value = row[columnOf(lane, line.metric)];
        const raw = row[rawColumnOf(lane, line.metric)];
        if (value === undefined) return null;
        return (
          <div key={`${lane}-${line.metric}`} style={{ color: LANE_COLOURS[lane] }}>
            {name}{spec.lines.length > 1 ? ` · ${line.label}` : ''}: {formatValue(value)}
            {raw !== value && <span className="muted"> (raw {formatValue(raw)})</span>}
          </div>
        );
      }))}
    </div>
  );
}
