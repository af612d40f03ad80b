/** Policy: the selected step's action, token by token, each shaded by its entropy; and the step entropy H_t. */
import { useMemo } from 'react';
import { Help } from '../explain/Help';
import { JumpLink } from '../JumpLink';
import { entropyColour, TokenStrip } from './TokenStrip';
import { batchMaxTokenEntropy } from './StepNumbers';
import { useInspected } from './useInspected';
import { PinState } from './PinState';
import './inspector.css';

/** The policy column. */
export function PolicyColumn() {
  const inspected = useInspected();
  const steps = inspected?.record.steps;
  const max = useMemo(() => (steps ? batchMaxTokenEntropy(steps) : 0), [steps]);
  return (
    <div className="flow-column policy-column" data-testid="policy-column">
      <h3>Policy <Help term="token-colour" /></h3>
      {!inspected && <p className="muted small">Select a step (a point of the chart, a bar, a trajectory) to see the tokens the policy wrote.</p>}
      {inspected && (
        <>
          <p className="small muted">τ{inspected.summary.id}, step {inspected.step.t + 1} of {inspected.summary.length}</p>
          <PinState compact />
          <TokenStrip tokens={inspected.step.tokens} entropies={inspected.step.tokenEntropies} top={inspected.data?.top ?? null}
            vocabulary={inspected.vocabulary} maxEntropy={max} />
          <p className="policy-h">
            <span>H<sub>t</sub> = <strong>{inspected.step.entropy.toFixed(3)}</strong> nats</span> <Help term="H_t" />
          </p>
          <div className="entropy-scale" aria-hidden="true">
            <span>0</span>
            <i style={{ background: `linear-gradient(90deg, ${entropyColour(0, 1)}, ${entropyColour(1, 1)})` }} />
            <span>{max.toFixed(2)} nats</span>
          </div>
          <p className="small muted">Hover a token for its top-5 alternatives.</p>
          <JumpLink className="small" to="inspector" testId="jump-inspector">Walk this trajectory in the inspector ↓</JumpLink>
        </>
      )}
    </div>
  );
}
