/**
 * Entropy against update magnitude, one mark per step of a lane's kept iterations: x = H_t,
 * y = |advantage| × gradient norm. Colour = outcome, shape = sign of the advantage (● ≥ 0, ▼ < 0),
 * hollow = plain A(τ), filled = EMPG's A_final; with both shown a grey segment joins a step's two marks.
 * Clicking a mark selects that step everywhere.
 */
import { memo, useMemo, type ReactElement } from 'react';
import { CartesianGrid, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis, useXAxisScale, useYAxisScale } from 'recharts';
import { useRun, type StepSelection } from '../../store/runStore';
import type { UpdatePoint } from './updatePoints';
import type { MagnitudeMode } from './centralView';

/** Outcome colours (the page's success / failure). */
export const OUTCOME_COLOURS = { success: '#1f8a5b', failure: '#c2412d' } as const;

interface Mark {
  x: number;
  y: number;
  point: UpdatePoint;
  positive: boolean;
  empg: boolean;
}

/** Props of `EntropyGradChart`. */
export interface EntropyGradChartProps {
  points: UpdatePoint[];
  magnitude: MagnitudeMode;
  height: number;
  /** The y-axis title ("|A|·‖e−p‖" or "|A|·‖∇θ log π‖"). */
  yLabel: string;
}

const sameStep = (p: UpdatePoint, s: StepSelection | null) => !!s && s.lane === p.lane && s.iteration === p.iteration && s.traj === p.traj && s.t === p.t;

function markShape(selection: StepSelection | null) {
  return function MarkShape(props: unknown): ReactElement {
    const { cx, cy, payload } = props as { cx: number; cy: number; payload: Mark };
    const { point, positive, empg } = payload;
    const colour = point.success ? OUTCOME_COLOURS.success : OUTCOME_COLOURS.failure;
    const selected = sameStep(point, selection);
    const r = selected ? 6 : 4;
    const common = {
      fill: empg ? colour : '#fff', stroke: colour, strokeWidth: selected ? 2.5 : 1.4,
      fillOpacity: point.latest ? 0.85 : 0.3, strokeOpacity: point.latest ? 1 : 0.4,
      'data-testid': 'update-point', 'data-traj': point.traj, 'data-t': point.t, 'data-iteration': point.iteration,
      'data-lane': point.lane, 'data-series': empg ? 'empg' : 'plain', 'data-x': payload.x, 'data-y': payload.y,
      style: { cursor: 'pointer' },
      onClick: () => useRun.getState().select({ lane: point.lane, iteration: point.iteration, traj: point.traj, t: point.t }),
    };
    return positive
      ? <circle cx={cx} cy={cy} r={r} {...common} />
      : <path d={`M${cx - r},${cy - r * 0.8}L${cx + r},${cy - r * 0.8}L${cx},${cy + r}Z`} {...common} />;
  };
}

/** Grey segments joining each step's plain and EMPG marks, and a ring around the selected step. */
function StepLinks({ points, magnitude, selection }: { points: UpdatePoint[]; magnitude: MagnitudeMode; selection: StepSelection | null }) {
  const x = useXAxisScale();
  const y = useYAxisScale();
  if (!x || !y) return null;
  const path = magnitude === 'both'
    ? points.map((p) => `M${x(p.entropy)},${y(p.plain)}L${x(p.entropy)},${y(p.empg)}`).join('')
    : '';
  const chosen = points.find((p) => sameStep(p, selection));
  return (
    <g className="step-links" pointerEvents="none">
      {path && <path d={path} stroke="#8792a2" strokeOpacity={0.45} strokeWidth={1} fill="none" />}
      {chosen && (
        <circle cx={x(chosen.entropy)} cy={y(magnitude === 'plain' ? chosen.plain : chosen.empg)} r={10}
          fill="none" stroke="#17202e" strokeWidth={2} data-testid="selected-point-ring" />
      )}
    </g>
  );
}

function PointTooltip({ active, payload }: { active?: boolean; payload?: readonly { payload?: Mark }[] }) {
  const mark = active ? payload?.[0]?.payload : undefined;
  if (!mark) return null;
  const p = mark.point;
  return (
    <div className="chart-tooltip">
      <strong>τ{p.traj} · step {p.t + 1}</strong> ({p.success ? 'solved' : 'failed'}, iteration {p.iteration})<br />
      <code>{p.action}</code><br />
      H = {p.entropy.toFixed(3)} · plain {p.plain.toFixed(3)} · EMPG {p.empg.toFixed(3)}
    </div>
  );
}

/**
 * The scatter of one lane. Memoised: hundreds of SVG marks are the page's heaviest render, so it redraws
 * only when its points, mode or the selection change.
 */
export const EntropyGradChart = memo(function EntropyGradChart({ points, magnitude, height, yLabel }: EntropyGradChartProps) {
  const selection = useRun((s) => s.selection);
  const plain: Mark[] = useMemo(() => (magnitude === 'empg' ? [] : points.map((p) => ({ x: p.entropy, y: p.plain, point: p, positive: p.plainPositive, empg: false }))), [points, magnitude]);
  const empg: Mark[] = useMemo(() => (magnitude === 'plain' ? [] : points.map((p) => ({ x: p.entropy, y: p.empg, point: p, positive: p.empgPositive, empg: true }))), [points, magnitude]);
  const shape = useMemo(() => markShape(selection), [selection]);
  return (
    <ResponsiveContainer width="100%" height={height}>
      <ScatterChart margin={{ top: 8, right: 10, bottom: 22, left: 4 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="#e3e7ee" />
        <XAxis type="number" dataKey="x" name="H_t" tick={{ fontSize: 11 }} domain={[0, 'auto']}
          tickFormatter={(v: number) => v.toFixed(2)} label={{ value: 'step entropy H_t (nats)', position: 'insideBottom', offset: -12, fontSize: 11 }} />
        <YAxis type="number" dataKey="y" name="magnitude" tick={{ fontSize: 11 }} width={42} domain={[0, 'auto']}
          tickFormatter={(v: number) => v.toFixed(2)} label={{ value: yLabel, angle: -90, position: 'insideLeft', offset: 10, fontSize: 11, style: { textAnchor: 'middle' } }} />
        <Tooltip content={PointTooltip} cursor={false} isAnimationActive={false} />
        <StepLinks points={points} magnitude={magnitude} selection={selection} />
        {plain.length > 0 && <Scatter name="plain" data={plain} shape={shape} isAnimationActive={false} />}
        {empg.length > 0 && <Scatter name="EMPG" data={empg} shape={shape} isAnimationActive={false} />}
      </ScatterChart>
    </ResponsiveContainer>
  );
});
