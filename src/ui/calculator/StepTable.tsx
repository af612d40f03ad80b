/** Every number of every step; a row can be selected (click or Enter) to see its formulas. */
import type { CalcRow } from './calculatorModel';

/** Props of `StepTable`. */
export interface StepTableProps {
  rows: CalcRow[];
  selected: number;
  onSelect(index: number): void;
}

const f3 = (v: number) => v.toFixed(3);

/** The calculator's table. */
export function StepTable({ rows, selected, onSelect }: StepTableProps) {
  return (
    <div className="table-scroll">
      <table className="steps" data-testid="calc-table">
        <thead>
          <tr>
            <th scope="col">step</th>
            <th scope="col">outcome</th>
            <th scope="col" title="Step entropy, mean of its token entropies (nats)">H</th>
            <th scope="col" title="Batch min–max normalised entropy">H̃</th>
            <th scope="col" title="Self-calibrating scale, mean 1 over the batch">g</th>
            <th scope="col" title="ζ·f(H̃ of the next step); 0 on the last step">bonus</th>
            <th scope="col" title="GRPO advantage of the rollout">A(τ)</th>
            <th scope="col" title="g·A(τ) + bonus">A_mod</th>
            <th scope="col" title="A_mod minus its batch mean">A_final</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.index} className={r.index === selected ? 'selected' : undefined} tabIndex={0}
              aria-selected={r.index === selected} data-testid={`calc-row-${r.index}`}
              onClick={() => onSelect(r.index)} onKeyDown={(e) => { if (e.key === 'Enter') onSelect(r.index); }}>
              <th scope="row">{r.label}</th>
              <td className={r.success ? 'ok' : 'bad'}>{r.success ? 'success' : 'failure'}</td>
              <td>{f3(r.entropy)}</td>
              <td>{f3(r.normalized)}</td>
              <td className={r.g > 1 ? 'up' : 'down'}>{f3(r.g)}</td>
              <td>{r.nextClarity === null ? '—' : f3(r.bonus)}</td>
              <td>{f3(r.outcomeAdvantage)}</td>
              <td>{f3(r.modulated)}</td>
              <td data-testid={`calc-final-${r.index}`}><strong>{f3(r.advantage)}</strong></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
