/**
 * The other rollouts of the same task in this batch, side by side: outcome, length and every action,
 * shaded by step entropy. GRPO judges a rollout against exactly these. Click to switch.
 */
import type { IterationRecord, StepSelection } from '../../store/runStore';
import { useRun } from '../../store/runStore';
import { Help } from '../explain/Help';
import { entropyColour } from './TokenStrip';

/** Props of `GroupRollouts`. */
export interface GroupRolloutsProps {
  record: IterationRecord;
  selection: StepSelection;
  group: number;
  maxEntropy: number;
}

/** The group's rollouts. */
export function GroupRollouts({ record, selection, group, maxEntropy }: GroupRolloutsProps) {
  const select = useRun((s) => s.select);
  const members = record.trajectories.filter((t) => t.group === group);
  return (
    <section className="group-rollouts" aria-label="The group's rollouts">
      <h4>Group G{group + 1}: {members[0]?.task} <Help term="group-rollouts" /></h4>
      <div className="group-columns" style={{ gridTemplateColumns: `repeat(${members.length}, minmax(120px, 1fr))` }}>
        {members.map((m) => {
          const steps = record.steps.filter((s) => s.traj === m.id).sort((a, b) => a.t - b.t);
          const current = m.id === selection.traj;
          return (
            <div key={m.id} className={`group-member ${m.won ? 'won' : 'lost'}${current ? ' current' : ''}`} data-testid="group-member">
              <button type="button" className="member-head" onClick={() => select({ ...selection, traj: m.id, t: Math.min(selection.t, m.length - 1) })}>
                τ{m.id} {m.won ? '✓ solved' : '✗ failed'} · {m.length} steps · A {steps[0]?.outcomeAdvantage.toFixed(2)}
              </button>
              <ol className="member-steps">
                {steps.map((s) => (
                  <li key={s.t}>
                    <button type="button" className={current && s.t === selection.t ? 'current' : ''}
                      style={{ background: entropyColour(s.entropy, maxEntropy) }}
                      onClick={() => select({ ...selection, traj: m.id, t: s.t })}>{s.action}</button>
                  </li>
                ))}
              </ol>
            </div>
          );
        })}
      </div>
    </section>
  );
}
