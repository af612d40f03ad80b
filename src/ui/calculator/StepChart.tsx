/** Per-step advantages, plain GRPO next to EMPG, with g on a second axis. Click a step to explain it. */
import { Bar, CartesianGrid, Cell, ComposedChart, Legend, Line, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { CalcRow } from './calculatorModel';

/** Props of `StepChart`. */
export interface StepChartProps {
  rows: CalcRow[];
  selected: number;
  onSelect(index: number): void;
}

const format = (v: unknown) => (typeof v === 'number' ? v.toFixed(3) : String(v));

/** The calculator's chart. */
export function StepChart({ rows, selected, onSelect }: StepChartProps) {
  return (
    <figure className="chart" data-testid="calc-chart" aria-label="Advantage per step: plain GRPO and EMPG">
      <ResponsiveContainer width="100%" height={260}>
        <ComposedChart data={rows} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
          onClick={(state) => { if (typeof state?.activeTooltipIndex === 'number') onSelect(state.activeTooltipIndex); }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e3e7ee" />
          <XAxis dataKey="label" tick={{ fontSize: 11 }} interval={0} angle={-35} textAnchor="end" height={46} />
          <YAxis yAxisId="adv" tick={{ fontSize: 11 }} width={44} />
          <YAxis yAxisId="g" orientation="right" tick={{ fontSize: 11 }} width={36} domain={[0, 'auto']} />
          <ReferenceLine yAxisId="adv" y={0} stroke="#8792a2" />
          <Tooltip formatter={format} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar yAxisId="adv" dataKey="outcomeAdvantage" name="A(τ) — plain GRPO" fill="#b7c0cc" isAnimationActive={false} />
          <Bar yAxisId="adv" dataKey="advantage" name="A_final — EMPG" fill="#4f7cff" isAnimationActive={false}>
            {rows.map((r) => <Cell key={r.index} fill={r.index === selected ? '#1d3fb8' : '#4f7cff'} />)}
          </Bar>
          <Line yAxisId="g" dataKey="g" name="g (right axis)" stroke="#e07a1f" strokeWidth={2} dot={{ r: 3 }} isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </figure>
  );
}
