/**
 * Advantage: what GRPO/DAPO and EMPG made of the latest batch. Each group is a row of its rollouts'
 * outcome advantages A(τ) as bars (green solved, red failed); below, g's range, the bonus and how big
 * the advantages were before and after modulation. Clicking a bar opens that rollout in the inspector.
 */
import { useMemo } from 'react';
import { useRun } from '../../store/runStore';
import { algorithmLabel } from '../../train/config';
import type { StepView } from '../../train/trainer';
import type { TrajectorySummary } from '../../worker/protocol';
import { JumpLink } from '../JumpLink';
import { Help } from '../explain/Help';
import { useDeferredRun } from '../deferredRun';
import { OUTCOME_COLOURS } from './scatterScene';

interface RolloutBar {
  summary: TrajectorySummary;
  outcome: number;
  meanFinal: number;
}

function rolloutBars(trajectories: TrajectorySummary[], steps: StepView[]): Map<number, RolloutBar[]> {
  const byTraj = new Map<number, StepView[]>();
  for (const s of steps) {
    const own = byTraj.get(s.traj);
    if (own) own.push(s);
    else byTraj.set(s.traj, [s]);
  }
  const groups = new Map<number, RolloutBar[]>();
  for (const summary of trajectories) {
    const own = byTraj.get(summary.id) ?? [];
    const bar = {
      summary, outcome: own[0]?.outcomeAdvantage ?? 0,
      meanFinal: own.length ? own.reduce((a, s) => a + s.finalAdvantage, 0) / own.length : 0,
    };
    const group = groups.get(summary.group);
    if (group) group.push(bar);
    else groups.set(summary.group, [bar]);
  }
  return groups;
}

const fmt = (v: number | undefined, digits = 2) => (v === undefined || !Number.isFinite(v) ? '–' : v.toFixed(digits));

/** The advantage column (from the deferred run: it follows a new batch in the background). */
export function AdvantageColumn() {
  const lane = useDeferredRun((s) => s.selection?.lane ?? 0);
  const latest = useDeferredRun((s) => s.lanes[lane]?.recent.at(-1));
  const metrics = useDeferredRun((s) => s.lanes[lane]?.history.at(-1));
  const select = useRun((s) => s.select);
  const laneCount = useDeferredRun((s) => s.lanes.length);
  const config = useDeferredRun((s) => s.lanes[lane]?.status?.config);
  const { groups, scale } = useMemo(() => {
    const groups = latest ? rolloutBars(latest.trajectories, latest.steps) : new Map<number, RolloutBar[]>();
    let scale = 1e-9;
    for (const bars of groups.values()) for (const b of bars) scale = Math.max(scale, Math.abs(b.outcome));
    return { groups, scale };
  }, [latest]);
  return (
    <div className="flow-column advantage-column" data-testid="advantage-column">
      <h3>Advantage <Help term="advantage-column" /></h3>
      {!latest && <p className="muted small">A(τ) per group appears after the first iteration.</p>}
      {latest && (
        <>
          <p className="small muted">
            A(τ) of each rollout, by group (iteration {latest.iteration}{laneCount > 1 && config ? `, ${algorithmLabel(config).toUpperCase()} — the inspector's lane` : ''})
          </p>
          <ul className="adv-groups">
            {[...groups.entries()].map(([group, bars]) => (
              <li key={group} className="adv-group">
                <span className="adv-label" title={bars[0].summary.task}>
                  G{group + 1} <span className="muted">{bars.filter((b) => b.summary.won).length}/{bars.length}</span>
                </span>
                <span className="adv-bars" role="group" aria-label={`Group ${group + 1}: ${bars[0].summary.task}`}>
                  {bars.map((b) => {
                    const h = Math.round((Math.abs(b.outcome) / scale) * 16);
                    return (
                      <button key={b.summary.id} type="button" className="adv-bar"
                        title={`τ${b.summary.id}: ${b.summary.won ? 'solved' : 'failed'} in ${b.summary.length} steps · A(τ) = ${fmt(b.outcome)} · mean A_final = ${fmt(b.meanFinal)}`}
                        aria-label={`Open rollout ${b.summary.id}, A ${fmt(b.outcome)}`}
                        onClick={() => select({ lane, iteration: latest.iteration, traj: b.summary.id, t: 0 })}>
                        <i style={{
                          height: Math.max(1, h), background: b.summary.won ? OUTCOME_COLOURS.success : OUTCOME_COLOURS.failure,
                          [b.outcome >= 0 ? 'bottom' : 'top']: '50%',
                        }} />
                      </button>
                    );
                  })}
                </span>
              </li>
            ))}
          </ul>
          <table className="adv-summary">
            <tbody>
              <tr><th>mean |A(τ)| <Help term="adv/outcome_abs_mean" /></th><td>{fmt(metrics?.['adv/outcome_abs_mean'], 3)}</td></tr>
              <tr><th>mean |A_final| <Help term="adv/final_abs_mean" /></th><td>{fmt(metrics?.['adv/final_abs_mean'], 3)}</td></tr>
              <tr><th>g min · max <Help term="g" /></th><td>{fmt(metrics?.['empg/g_min'])} · {fmt(metrics?.['empg/g_max'])}</td></tr>
              <tr><th>mean bonus <Help term="empg/bonus_mean" /></th><td>{fmt(metrics?.['empg/bonus_mean'], 3)}</td></tr>
              <tr><th>no signal <Help term="frac_reward_zero_std" /></th><td>{fmt(metrics?.['frac_reward_zero_std'])}</td></tr>
            </tbody>
          </table>
          <JumpLink className="small" to="empg-in-60s" testId="jump-empg60">EMPG in 60 seconds ↓</JumpLink>
        </>
      )}
    </div>
  );
}
