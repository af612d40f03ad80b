/**
 * "EMPG in 60 seconds": why (the entropy/gradient coupling, paper.md §4) and how (the five equations of
 * §2), each with the numbers of a real step plugged in — the step the inspector shows (before one is
 * selected, the first step of the EMPG lane's newest iteration) — and its batch's minimum, maximum and
 * means.
 */
import { useMemo, useState, type ReactNode } from 'react';
import type { IterationRecord } from '../../store/runStore';
import { useDeferredRun } from '../deferredRun';
import { algorithmLabel, type TrainConfig } from '../../train/config';
import type { StepView } from '../../train/trainer';
import { Tex } from '../Tex';
import { defaultLane } from '../inspector/followNewest';

const n = (v: number, digits = 3) => {
  const text = v.toFixed(digits);
  return /^-0\.?0*$/.test(text) ? text.slice(1) : text;
};
const factor = (v: number) => (v < 0 ? `(${n(v)})` : n(v));

interface Worked {
  record: IterationRecord;
  step: StepView;
  next: StepView | undefined;
  min: number;
  max: number;
  meanWeight: number;
  centre: number;
}

function workedStep(record: IterationRecord, chosen: StepView, config: TrainConfig): Worked {
  const hs = record.steps.map((s) => s.entropy);
  const weights = record.steps.map((s) => Math.exp(-config.k * s.normalized));
  const modulated = record.steps.map((s) => s.g * s.outcomeAdvantage + s.bonus);
  return {
    record, step: chosen, next: record.steps.find((s) => s.traj === chosen.traj && s.t === chosen.t + 1),
    min: Math.min(...hs), max: Math.max(...hs),
    meanWeight: weights.reduce((a, b) => a + b, 0) / weights.length,
    centre: modulated.reduce((a, b) => a + b, 0) / modulated.length,
  };
}

function Step({ title, tex, children }: { title: string; tex: string; children?: ReactNode }) {
  return (
    <div className="empg60-step">
      <h4>{title}</h4>
      <Tex tex={tex} block />
      {children && <p>{children}</p>}
    </div>
  );
}

/** The panel (a collapsible section). */
export function EmpgIn60s() {
  // The deferred run, so a new iteration, run or import is worked through in the background.
  const selection = useDeferredRun((s) => s.selection);
  // The inspected step, on its own lane; before anything is selected, the lane the inspector opens on.
  const lane = useDeferredRun((s) => s.selection?.lane ?? defaultLane(s.lanes));
  const config = useDeferredRun((s) => s.lanes[lane]?.status?.config);
  // The equations are typeset only while the panel is open, and in the background: a new iteration never waits for KaTeX.
  const [open, setOpen] = useState(false);
  const recent = useDeferredRun((s) => s.lanes[lane]?.recent);
  const w = useMemo(() => {
    const onSelectedLane = selection?.lane === lane;
    const record = (onSelectedLane ? recent?.find((r) => r.iteration === selection?.iteration) : undefined) ?? recent?.at(-1);
    const chosen = record && (record.steps.find((s) => onSelectedLane && s.traj === selection?.traj && s.t === selection?.t && record.iteration === selection?.iteration) ?? record.steps[0]);
    return record && chosen && config ? workedStep(record, chosen, config) : null;
  }, [selection, lane, config, recent]);
  return (
    <details className="empg60" id="empg-in-60s" data-testid="empg-in-60s" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>EMPG in 60 seconds{w ? ` — worked on τ${w.step.traj}, step ${w.step.t + 1} of iteration ${w.record.iteration}${config ? ` (${algorithmLabel(config).toUpperCase()})` : ''}` : ''}</summary>
      {open && <div className="empg60-grid">
        <Step title="Why: uncertain steps get big gradients" tex={String.raw`\mathbb{E}_{a\sim\pi}\,\lVert\nabla_z \log\pi(a)\rVert^2 = 1 - e^{-H_2(\pi)}`}>
          Under a plain policy gradient every step of a rollout gets the same advantage A(τ), but the size of its
          push grows with the step's entropy — the coupling the central chart shows. EMPG re-weights it.
        </Step>
        {!w && <p className="muted">Run an iteration to see the equations with real numbers.</p>}
        {w && config && config.empg === 'off' && (
          <Step title="This lane runs without EMPG" tex={String.raw`A_{\text{final}} = A(\tau) = ${n(w.step.outcomeAdvantage)}\qquad H_t = ${n(w.step.entropy)}`}>
            Every step of the rollout gets its trajectory's advantage, whatever its entropy. Switch the algorithm to …+EMPG to see the modulation.
          </Step>
        )}
        {w && config && config.empg !== 'off' && (
          <>
            <Step title="1 · Step entropy (mean over the step's tokens)"
              tex={String.raw`H_t = \tfrac{1}{m}\sum_{j=1}^{m} H_j = ${n(w.step.entropy)}\ \text{nats}`}>
              This step's {w.step.tokens.length} tokens; over the batch H runs from {n(w.min)} to {n(w.max)} nats.
            </Step>
            <Step title="2 · Normalise over the batch (Eq. 12)"
              tex={String.raw`\begin{aligned}\tilde H_t &= \frac{H_t - \min_B H}{\max_B H - \min_B H + \epsilon}\\ &= \frac{${n(w.step.entropy)} - ${n(w.min)}}{${n(w.max)} - ${n(w.min)}} = ${n(w.step.normalized)}\end{aligned}`} />
            <Step title="3 · Self-calibrating scale (Eq. 10)"
              tex={config.empg === 'bonus'
                ? String.raw`g \equiv 1 \quad(\text{bonus-only ablation})`
                : String.raw`\begin{aligned}g &= \frac{e^{-k\tilde H_t}}{\operatorname{mean}_B e^{-k\tilde H}}\\ &= \frac{e^{-${n(config.k, 1)}\times ${n(w.step.normalized)}}}{${n(w.meanWeight)}} = ${n(w.step.g)}\end{aligned}`}>
              Mean g over the batch is 1; this step {w.step.g >= 1 ? 'is amplified' : 'is damped'}.
            </Step>
            <Step title="4 · Future-clarity bonus (Eq. 11)"
              tex={w.next
                ? String.raw`\zeta\, e^{-k_F \tilde H_{t+1}} = ${n(config.empg === 'scaling' ? 0 : config.zeta, 2)}\times e^{-${n(config.kF, 1)}\times ${n(w.next.normalized)}} = ${n(w.step.bonus)}`
                : String.raw`\text{last step: no } t+1\text{, bonus} = 0`} />
            <Step title="5 · Modulate and centre (Eq. 8, 7)"
              tex={String.raw`\begin{aligned}A_{\text{final}} &= g\,A(\tau) + \text{bonus} - \operatorname{mean}_B A_{\text{mod}}\\ &= ${n(w.step.g)}\times ${factor(w.step.outcomeAdvantage)} + ${n(w.step.bonus)} - ${factor(w.centre)} = ${n(w.step.finalAdvantage)}\end{aligned}`}>
              Over the batch of {w.record.steps.length} steps: g from {n(Math.min(...w.record.steps.map((s) => s.g)), 2)} to{' '}
              {n(Math.max(...w.record.steps.map((s) => s.g)), 2)}.
            </Step>
          </>
        )}
      </div>}
    </details>
  );
}
