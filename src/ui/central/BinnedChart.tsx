/** The binned view: mean update magnitude per entropy decile, plain next to EMPG. */
import { memo, useMemo } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { EntropyBin } from './updatePoints';

/** Props of `BinnedChart`. */
export interface BinnedChartProps {
  bins: EntropyBin[];
  height: number;
  yLabel: string;
  /** The y-axis top, shared with the other lanes; fitted to the bars when absent. */
  yTop?: number;
}

function BinTooltip({ active, payload }: { active?: boolean; payload?: readonly { payload?: EntropyBin }[] }) {
  const bin = active ? payload?.[0]?.payload : undefined;
  if (!bin) return null;
  return (
    <div className="chart-tooltip">
      <strong>entropy percentile {bin.label}</strong> ({bin.count} steps)<br />
      H from {bin.low.toFixed(3)} to {bin.high.toFixed(3)}<br />
      mean plain {bin.plain.toFixed(3)} · mean EMPG {bin.empg.toFixed(3)}
    </div>
  );
}

/** Legend entries in the text colour: the plain bars' light grey would be unreadable as text. */
function legendText(value: string) {
  return <span style={{ color: '#344054' }}>{value}</span>;
}

// Everything but the bins and the y-axis is made once, so a redraw changes only those in recharts' store
// (see MetricChart).
const MARGIN = { top: 8, right: 10, bottom: 22, left: 4 };
const FIXED_PARTS = (
  <>
    <CartesianGrid strokeDasharray="3 3" stroke="#e3e7ee" />
    <XAxis dataKey="label" tick={{ fontSize: 10 }} interval="preserveStartEnd"
      label={{ value: 'entropy percentile (low → high)', position: 'insideBottom', offset: -12, fontSize: 11 }} />
    <Tooltip content={BinTooltip} isAnimationActive={false} />
    {/* In the bars' order (recharts sorts legend items by name unless told not to). */}
    <Legend wrapperStyle={{ fontSize: 11 }} verticalAlign="top" height={20} formatter={legendText} itemSorter={null} />
    <Bar dataKey="plain" name="plain |A(τ)|" fill="#b7c0cc" isAnimationActive={false} data-testid="bin-bar-plain" />
    <Bar dataKey="empg" name="EMPG |A_final|" fill="#4f7cff" isAnimationActive={false} data-testid="bin-bar-empg" />
  </>
);
const Y_TICK = { fontSize: 11 };
const formatBinTick = (v: number) => v.toFixed(2);

/** Bars per entropy decile. */
export const BinnedChart = memo(function BinnedChart({ bins, height, yLabel, yTop }: BinnedChartProps) {
  // A wider axis with the title at its outer edge, so the title never runs over the tick labels.
  const yAxis = useMemo(() => (
    <YAxis tick={Y_TICK} width={58} domain={yTop ? [0, yTop] : [0, 'auto']} tickFormatter={formatBinTick} interval={0}
      label={{ value: yLabel, angle: -90, position: 'insideLeft', offset: 0, fontSize: 11, style: { textAnchor: 'middle' } }} />
  ), [yLabel, yTop]);
  return (
    <ResponsiveContainer width="100%" height={height}>
      <BarChart data={bins} margin={MARGIN} barGap={1}>
        {yAxis}
        {FIXED_PARTS}
      </BarChart>
    </ResponsiveContainer>
  );
});
