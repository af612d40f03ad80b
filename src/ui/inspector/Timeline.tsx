/**
 * The selected trajectory as a strip of steps, each cell shaded by its step entropy and outlined by
 * the sign of its final advantage; a slider scrubs through it and Prev/Next move one step.
 */
import type { StepView } from '../../train/trainer';
import { entropyColour } from './TokenStrip';
import { moveStep } from './useInspected';

/** Props of `Timeline`. */
export interface TimelineProps {
  steps: StepView[];
  t: number;
  maxEntropy: number;
  onPick(t: number): void;
}

/** The timeline. */
export function Timeline({ steps, t, maxEntropy, onPick }: TimelineProps) {
  return (
    <div className="timeline">
      <button type="button" onClick={() => moveStep(-1)} disabled={t <= 0} data-testid="prev-step" title="Previous step (←)"><span aria-hidden="true">◀</span> Prev</button>
      <div className="timeline-track">
        <div className="timeline-cells" aria-hidden="true">
          {steps.map((s) => (
            <span key={s.t} className={`timeline-cell${s.t === t ? ' current' : ''}${s.finalAdvantage < 0 ? ' negative' : ''}`}
              style={{ background: entropyColour(s.entropy, maxEntropy) }} title={`step ${s.t + 1}: ${s.action}`} onClick={() => onPick(s.t)} />
          ))}
        </div>
        <input type="range" min={0} max={Math.max(0, steps.length - 1)} value={t} onChange={(e) => onPick(Number(e.target.value))}
          aria-label="Step of the trajectory" aria-valuetext={`step ${t + 1} of ${steps.length}`} data-testid="timeline-slider" />
      </div>
      <button type="button" onClick={() => moveStep(1)} disabled={t >= steps.length - 1} data-testid="next-step" title="Next step (→)">Next <span aria-hidden="true">▶</span></button>
    </div>
  );
}
