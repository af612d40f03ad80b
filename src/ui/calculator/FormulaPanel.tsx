/** The paper's equations for the selected step, with that step's numbers plugged in. */
import { Tex } from '../Tex';
import type { CalcParams, CalcResult, CalcRow } from './calculatorModel';

/** Props of `FormulaPanel`. */
export interface FormulaPanelProps {
  result: CalcResult;
  row: CalcRow;
  params: CalcParams;
}

/** A number for TeX with `digits` decimals, never shown as "-0.000". */
const n = (v: number, digits = 3) => {
  const text = v.toFixed(digits);
  return /^-0\.?0*$/.test(text) ? text.slice(1) : text;
};
/** A factor: negative numbers in parentheses. */
const factor = (v: number, digits = 3) => (n(v, digits).startsWith('-') ? `(${n(v, digits)})` : n(v, digits));
/** `a − b`, written `a + |b|` when b is negative. */
const minus = (a: number, b: number) => (n(b).startsWith('-') ? `${n(a)} + ${n(-b)}` : `${n(a)} - ${n(b)}`);

/** Five lines, one per step of the algorithm (paper.md §2.2–2.7). */
export function FormulaPanel({ result, row, params }: FormulaPanelProps) {
  const { minEntropy: lo, maxEntropy: hi, meanWeight, centre } = result;
  const bonusLine = row.nextClarity === null
    ? String.raw`\text{last step of } \tau_{${row.traj + 1}}\text{: no next step, no bonus}`
    : String.raw`\zeta\, e^{-k_F \tilde H_{t+1}} = ${n(params.zeta, 2)} \times ${n(row.nextClarity)} = ${n(row.bonus)}`;
  return (
    <div className="formulas" data-testid="calc-formulas">
      <h3>Step {row.label}, worked through</h3>
      <dl>
        <dt>Normalise (Eq. 12)</dt>
        <dd><Tex tex={String.raw`\tilde H = \frac{H - \min_B H}{\max_B H - \min_B H + \epsilon} = \frac{${n(row.entropy)} - ${n(lo)}}{${n(hi)} - ${n(lo)}} = ${n(row.normalized)}`} /></dd>
        <dt>Scale (Eq. 10)</dt>
        <dd><Tex tex={String.raw`g = \frac{e^{-k \tilde H}}{\operatorname{mean}_B e^{-k \tilde H}} = \frac{e^{-${n(params.k, 1)} \times ${n(row.normalized)}}}{${n(meanWeight)}} = ${n(row.g)}`} /></dd>
        <dt>Future clarity (Eq. 11)</dt>
        <dd><Tex tex={bonusLine} /></dd>
        <dt>Modulate (Eq. 8)</dt>
        <dd><Tex tex={String.raw`A_{\text{mod}} = g\,A(\tau) + \text{bonus} = ${n(row.g)} \times ${factor(row.outcomeAdvantage)} + ${n(row.bonus)} = ${n(row.modulated)}`} /></dd>
        <dt>Centre (Eq. 7)</dt>
        <dd><Tex tex={String.raw`A_{\text{final}} = A_{\text{mod}} - \operatorname{mean}_B A_{\text{mod}} = ${minus(row.modulated, centre)} = ${n(row.advantage)}`} /></dd>
      </dl>
      <p className="muted">
        {row.g > 1
          ? `This step is more confident than the batch average, so EMPG amplifies its ${row.outcomeAdvantage >= 0 ? 'reinforcement' : 'penalty'} (g > 1).`
          : `This step is less confident than the batch average, so EMPG damps its ${row.outcomeAdvantage >= 0 ? 'reinforcement' : 'penalty'} (g < 1).`}
      </p>
    </div>
  );
}
