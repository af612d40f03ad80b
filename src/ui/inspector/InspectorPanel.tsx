/**
 * The trajectory inspector: pick any rollout of a kept iteration and walk it step by step — what the
 * agent saw, the prompt it was given, the tokens it wrote, the numbers its update used — next to the
 * other rollouts of its group. ←/→ move a step and ↑/↓ a rollout (unless focus is in a form field).
 * Below it: the explanations (EMPG in 60 seconds, the guided tour).
 */
import { memo, useCallback, useEffect, useMemo, useState } from 'react';
import { useRun } from '../../store/runStore';
import { ExplainSection } from '../explain/ExplainSection';
import { ImportedTokenFields } from '../import/ImportedTokenFields';
import { Help } from '../explain/Help';
import { GroupRollouts } from './GroupRollouts';
import { batchMaxTokenEntropy, StepNumbers } from './StepNumbers';
import { Timeline } from './Timeline';
import { TokenStrip } from './TokenStrip';
import { filterTrajectories, TrajectoryPicker, type TrajectoryFilter } from './TrajectoryPicker';
import { moveStep, selectTrajectory, tokenText, useInspected, type Inspected } from './useInspected';
import { followTarget } from './followNewest';
import { PinState } from './PinState';
import './inspector.css';

const NO_FILTER: TrajectoryFilter = { task: '', outcome: '', group: '' };

/** Keys typed into these go to the element, not to the inspector. */
function typingInto(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName));
}

/**
 * Keeps the default selection on the newest iteration of the EMPG lane while the user has not pinned a
 * step (followNewest.ts).
 */
function useDefaultSelection() {
  const key = useRun((s) => {
    const target = followTarget(s.lanes, s.selection, s.pinned);
    return target && `${target.lane}:${target.iteration}:${target.traj}`;
  });
  useEffect(() => {
    const { lanes, selection, pinned, select } = useRun.getState();
    const next = followTarget(lanes, selection, pinned);
    if (next) select(next, false);
  }, [key]);
}

/** Keeps a default selection without re-rendering the inspector on every iteration. */
function DefaultSelection() {
  useDefaultSelection();
  return null;
}

/** The inspector. */
export function InspectorPanel() {
  const inspected = useInspected();
  const [filter, setFilter] = useState<TrajectoryFilter>(NO_FILTER);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || typingInto(e.target)) return;
      const { selection, lanes } = useRun.getState();
      if (!selection) return;
      if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
        e.preventDefault();
        moveStep(e.key === 'ArrowLeft' ? -1 : 1);
      } else if ((e.key === 'ArrowUp' || e.key === 'ArrowDown') && document.activeElement?.closest('[data-testid="inspector"]')) {
        const record = lanes[selection.lane]?.recent.find((r) => r.iteration === selection.iteration);
        const list = filterTrajectories(record?.trajectories ?? [], filter);
        const at = list.findIndex((t) => t.id === selection.traj);
        const next = list[at + (e.key === 'ArrowUp' ? -1 : 1)];
        e.preventDefault();
        if (next) selectTrajectory(next);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [filter]);

  return (
    <>
      <DefaultSelection />
      <section className="inspector" id="inspector" data-testid="inspector" aria-label="Trajectory inspector" tabIndex={-1}>
        <h3 className="inspector-title">Inspector <Help term="inspector" /></h3>
        <PinState />
        {!inspected && <p className="muted">Run an iteration (Step or Play), then click any point of the chart or any rollout to step through it here.</p>}
        <TrajectoryPicker lane={inspected?.selection.lane ?? 0} iteration={inspected?.selection.iteration ?? null} traj={inspected?.selection.traj ?? -1}
          filter={filter} onFilter={setFilter} />
        {inspected && <InspectedStep inspected={inspected} />}
      </section>
      <ExplainSection />
    </>
  );
}

/** The inspected step's timeline, texts, tokens and group. Memoised: it re-renders only when the step or its data change. */
const InspectedStep = memo(function InspectedStep({ inspected }: { inspected: Inspected }) {
  const max = useMemo(() => batchMaxTokenEntropy(inspected.record.steps), [inspected.record.steps]);
  const pick = useCallback((t: number) => useRun.getState().select({ ...inspected.selection, t }), [inspected.selection]);
  return (
    <>
      <Timeline steps={inspected.steps} t={inspected.selection.t} maxEntropy={max} onPick={pick} />
      <div className="inspector-step" data-testid="inspector-step" data-traj={inspected.summary.id} data-t={inspected.step.t}>
        <div className="inspector-text">
          <h4>
            τ{inspected.summary.id} · step <span data-testid="inspector-step-index">{inspected.step.t + 1}</span> of {inspected.summary.length}
            <span className={inspected.summary.won ? 'ok' : 'bad'}> · {inspected.summary.won ? 'solved' : 'failed'}</span>
          </h4>
          <p className="task">{inspected.summary.task}</p>
          <h5>Observation</h5>
          <pre className="observation" data-testid="inspector-observation" tabIndex={0} aria-label="Observation">{inspected.data?.observation ?? 'loading…'}</pre>
          {inspected.data && (
            <details className="prompt">
              <summary>Prompt the model saw ({inspected.data.prompt.length} tokens)</summary>
              <p className="prompt-text">{inspected.data.prompt.map((id) => tokenText(inspected.vocabulary, id)).join(' ')}</p>
            </details>
          )}
          <h5>Action</h5>
          <p className="action" data-testid="inspector-action">{inspected.step.action}
            {inspected.data && !inspected.data.valid && <span className="bad"> (invalid: no-op)</span>}</p>
          <TokenStrip tokens={inspected.step.tokens} entropies={inspected.step.tokenEntropies} top={inspected.data?.top ?? null}
            vocabulary={inspected.vocabulary} maxEntropy={max} />
          <ImportedTokenFields />
          {inspected.data && <><h5>Environment's answer</h5><pre className="observation" tabIndex={0} aria-label="Environment's answer">{inspected.data.nextObservation}</pre></>}
        </div>
        <StepNumbers step={inspected.step} summary={inspected.summary} />
      </div>
      <GroupRollouts record={inspected.record} selection={inspected.selection} group={inspected.summary.group} maxEntropy={max} />
    </>
  );
});
