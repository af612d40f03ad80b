/**
 * The inspector's extra lines for an imported step: where it is in the file (trajectory and group
 * ids), the file's advantage next to GRPO and EMPG recomputed, and the step's tokens coloured by a
 * per-token field the file carries besides entropy (log-prob, KL, importance ratio, Σπ², masks).
 */
import { useState } from 'react';
import type { OptionalTokenField } from '../../import/stepFormat';
import { tokenText, useInspected } from '../inspector/useInspected';
import { useImport } from './importStore';

type Field = 'logprob' | OptionalTokenField;

const FIELDS: Record<Field, { label: string; shade: (values: number[]) => (v: number) => number; unit: string }> = {
  logprob: { label: '1 − π(a) (from log-prob)', shade: () => (v) => 1 - Math.exp(v), unit: 'log-prob' },
  grad_sq: { label: '‖e_a − p‖ (from Σπ²)', shade: () => (v) => Math.sqrt(Math.max(0, v)) / Math.SQRT2, unit: '1 − 2π + Σπ²' },
  kl: { label: 'KL', shade: (vs) => { const m = Math.max(1e-12, ...vs.map(Math.abs)); return (v) => Math.abs(v) / m; }, unit: 'KL' },
  ratio: { label: 'importance ratio (distance from 1)', shade: (vs) => { const m = Math.max(1e-12, ...vs.map((v) => Math.abs(v - 1))); return (v) => Math.abs(v - 1) / m; }, unit: 'ratio' },
  ref_logprob: { label: '1 − π_ref(a)', shade: () => (v) => 1 - Math.exp(v), unit: 'reference log-prob' },
  advantage_tokens: { label: 'per-token advantage', shade: (vs) => { const m = Math.max(1e-12, ...vs.map(Math.abs)); return (v) => Math.abs(v) / m; }, unit: 'advantage' },
  loss_mask: { label: 'loss mask (dark = left out)', shade: () => (v) => (v ? 0 : 1), unit: 'loss_mask' },
  keep_mask: { label: 'keep mask (dark = masked out)', shade: () => (v) => (v ? 0 : 1), unit: 'keep_mask' },
};

const num = (x: number | null | undefined) => (x === null || x === undefined ? '–' : x.toFixed(3));

/** Extra inspector lines for an imported step; nothing for the playground's own runs. */
export function ImportedTokenFields() {
  const inspected = useInspected();
  const extras = useImport((s) => (inspected ? s.extrasOf(inspected.selection.lane, inspected.selection.iteration, inspected.selection.traj, inspected.selection.t) : undefined));
  const [chosen, setChosen] = useState<Field>('logprob');
  if (!inspected || !extras) return null;
  const available: Field[] = [...(extras.logprob ? ['logprob' as const] : []), ...(Object.keys(extras.tokens) as OptionalTokenField[])];
  const field = available.includes(chosen) ? chosen : available[0];
  const values = field === undefined ? null : field === 'logprob' ? extras.logprob : extras.tokens[field] ?? null;
  const shade = field && values ? FIELDS[field].shade(values) : null;
  return (
    <div className="token-fields" data-testid="imported-step">
      <p className="muted">
        From the file: trajectory {extras.trajId}, group {extras.groupId.slice(0, 60)}
        {extras.stepReward !== undefined && <> · step reward {num(extras.stepReward)}</>}
      </p>
      <p data-testid="imported-advantages">
        advantage in the file <strong>{num(extras.fileAdvantage)}</strong> · GRPO recomputed <strong>{num(extras.grpo)}</strong> ·
        EMPG recomputed <strong>{num(extras.empg)}</strong>
      </p>
      {field && values && shade && (
        <>
          <label>Colour the tokens by{' '}
            <select data-testid="token-field" value={field} onChange={(e) => setChosen(e.target.value as Field)}>
              {available.map((f) => <option key={f} value={f}>{FIELDS[f].label}</option>)}
            </select>
          </label>
          <div className="token-strip" data-testid="token-field-strip">
            {inspected.step.tokens.map((id, i) => {
              const x = Math.max(0, Math.min(1, shade(values[i] ?? 0)));
              return (
                <span key={i} className="token" data-testid="token-field-token" title={`${FIELDS[field].unit} ${values[i]}`}
                  aria-label={`token ${tokenText(inspected.vocabulary, id)}, ${FIELDS[field].unit} ${values[i]}`}
                  style={{ background: `hsl(215 80% ${97 - x * 50}%)`, color: x > 0.6 ? '#fff' : undefined }}>
                  {tokenText(inspected.vocabulary, id)}
                </span>
              );
            })}
          </div>
        </>
      )}
    </div>
  );
}
