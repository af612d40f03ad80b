/**
 * The entropy–update coupling of one lane over its iterations: the Pearson correlation of a step's
 * entropy with the size of its update under a plain policy gradient (`coupling/plain_r`) and after
 * EMPG's modulation (`coupling/empg_r`), one point per iteration, both computed by the trainer.
 */
import { memo, useMemo, useRef } from 'react';
import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Metrics } from '../../train/trainer';
import { useHeldWhile, useOnScreen } from '../useOnScreen';
import { chartRows, columnOf } from '../charts/series';
import { useStaggered } from '../charts/useStaggered';

/** The two lines: colours that stay apart for colour-blind readers and on a projector. */
export const COUPLING_LINES = [
  { metric: 'coupling/plain_r', label: 'plain policy gradient', formula: 'corr(H, |A(τ)|·‖e−p‖)', colour: '#5b6678', dash: '6 4' },
  { metric: 'coupling/empg_r', label: 'after EMPG', formula: 'corr(H, |A_final|·‖e−p‖)', colour: '#c0510b', dash: undefined },
] as const;

/** Props of `CouplingOverTime`. */
export interface CouplingOverTimeProps {
  history: Metrics[];
  smoothing: number;
  height: number;
}

const r = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? '–' : (v >= 0 ? '+' : '−') + Math.abs(v).toFixed(2));

// Everything but the data is made once, so a redraw changes only the data in recharts' store (see MetricChart).
const MARGIN = { top: 6, right: 12, bottom: 0, left: 0 };
const FIXED_PARTS = (
  <>
    <CartesianGrid strokeDasharray="3 3" stroke="#e3e7ee" />
    <XAxis dataKey="iteration" type="number" domain={['dataMin', 'dataMax']} allowDecimals={false} tick={{ fontSize: '0.8em' }} interval={0} />
    <YAxis domain={[-1, 1]} ticks={[-1, -0.5, 0, 0.5, 1]} tick={{ fontSize: '0.8em' }} width={40} interval={0} />
    <ReferenceLine y={0} stroke="#9aa3b2" />
    <Tooltip isAnimationActive={false} formatter={(value) => r(Number(value))} labelFormatter={(it) => `iteration ${String(it)}`} />
    {COUPLING_LINES.map((line) => (
      <Line key={line.metric} dataKey={columnOf(0, line.metric)} name={line.label} stroke={line.colour} strokeWidth={line.dash ? 2 : 3}
        strokeDasharray={line.dash} dot={false} connectNulls isAnimationActive={false} />
    ))}
  </>
);

/** The chart, with its latest values in words for screen readers and tests. */
export const CouplingOverTime = memo(function CouplingOverTime({ history, smoothing, height }: CouplingOverTimeProps) {
  const figure = useRef<HTMLDivElement>(null);
  const metrics = useMemo(() => COUPLING_LINES.map((l) => l.metric), []);
  const rows = useMemo(() => chartRows([history], metrics, smoothing), [history, metrics, smoothing]);
  const last = history.at(-1);
  const onScreen = useOnScreen(figure);
  // Redrawn a frame after a change, as a transition, and not while off screen (as the training curves).
  const drawn = useStaggered(useHeldWhile(rows, onScreen), 0);
  const summary = last
    ? `Iteration ${last.iteration}: plain ${r(last['coupling/plain_r'])}, after EMPG ${r(last['coupling/empg_r'])}.`
    : 'No iteration yet.';
  return (
    <div className="coupling-over-time" ref={figure} data-testid="coupling-over-time" role="img"
      aria-label={`Entropy–update coupling per iteration. ${summary}`}>
      <ResponsiveContainer width="100%" height={height}>
        <LineChart data={drawn} margin={MARGIN}>
          {FIXED_PARTS}
        </LineChart>
      </ResponsiveContainer>
      <p className="coupling-key" aria-hidden="true">
        {COUPLING_LINES.map((line) => (
          <span key={line.metric} title={line.formula}>
            <svg width="26" height="8"><line x1="0" y1="4" x2="26" y2="4" stroke={line.colour} strokeWidth="3" strokeDasharray={line.dash} /></svg>
            {' '}{line.label} <strong style={{ color: line.colour }}>{r(last?.[line.metric])}</strong>
          </span>
        ))}
      </p>
      <p className="sr-only" data-testid="coupling-latest">{summary}</p>
    </div>
  );
});
