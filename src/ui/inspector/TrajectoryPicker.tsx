/**
 * Which trajectory the inspector shows: lane (in compare mode), iteration among the kept ones, filters
 * by task, outcome and group, and the filtered list itself.
 */
import { useRun } from '../../store/runStore';
import { useDeferredRun } from '../deferredRun';
import type { TrajectorySummary } from '../../worker/protocol';

/** The inspector's filters; empty strings mean "any". */
export interface TrajectoryFilter {
  task: string;
  outcome: '' | 'solved' | 'failed';
  group: string;
}

/** The trajectories that pass a filter. */
export function filterTrajectories(all: readonly TrajectorySummary[], filter: TrajectoryFilter): TrajectorySummary[] {
  return all.filter((t) => (!filter.task || t.task === filter.task)
    && (!filter.outcome || (filter.outcome === 'solved') === t.won)
    && (!filter.group || String(t.group) === filter.group));
}

/** Props of `TrajectoryPicker`. */
export interface TrajectoryPickerProps {
  lane: number;
  /** The inspected iteration; null while no step is inspected (the picker is then in the page, hidden). */
  iteration: number | null;
  traj: number;
  filter: TrajectoryFilter;
  onFilter(filter: TrajectoryFilter): void;
}

/** The picker (hidden while no step is inspected). */
export function TrajectoryPicker({ lane, iteration, traj, filter, onFilter }: TrajectoryPickerProps) {
  const laneCount = useDeferredRun((s) => s.lanes.length);
  const recent = useDeferredRun((s) => s.lanes[lane]?.recent) ?? [];
  const select = useRun((s) => s.select);
  const record = iteration === null ? undefined : recent.find((r) => r.iteration === iteration);
  const all = record?.trajectories ?? [];
  const tasks = [...new Set(all.map((t) => t.task))];
  const groups = [...new Set(all.map((t) => t.group))];
  const shown = filterTrajectories(all, filter);
  const openIteration = (l: number, it: number) => {
    const target = useRun.getState().lanes[l]?.recent.find((r) => r.iteration === it);
    const first = target && (filterTrajectories(target.trajectories, filter)[0] ?? target.trajectories[0]);
    if (first) select({ lane: l, iteration: it, traj: first.id, t: 0 });
  };
  return (
    <div className="picker" hidden={iteration === null}>
      <div className="picker-filters">
        {laneCount > 1 && (
          <label>lane <select value={lane} onChange={(e) => {
            const l = Number(e.target.value);
            const last = useRun.getState().lanes[l]?.recent.at(-1);
            if (last) openIteration(l, last.iteration);
          }}>
            {Array.from({ length: laneCount }, (_, i) => <option key={i} value={i}>{i + 1}</option>)}
          </select></label>
        )}
        {/* Newest first, and options keyed by position: a new iteration rewrites the options in place and the
            selected newest stays the first (before any, a placeholder holds its place). Adding a select,
            replacing its options or selecting a new one makes the browser's form autofill re-examine the
            page's controls in a task of its own, which lays out the whole inspector even while it is off
            screen: so the picker is in the page from the start, hidden until a step is inspected. */}
        <label>iteration <select value={iteration ?? ''} onChange={(e) => openIteration(lane, Number(e.target.value))} data-testid="inspector-iteration">
          {(iteration === null ? [''] : [...recent].reverse().map((r) => String(r.iteration)))
            .map((value, i) => <option key={i} value={value}>{value || '–'}</option>)}
        </select></label>
        <label>task <select value={filter.task} onChange={(e) => onFilter({ ...filter, task: e.target.value })} data-testid="filter-task">
          <option value="">any</option>
          {tasks.map((t, i) => <option key={i} value={t}>{t}</option>)}
        </select></label>
        <label>outcome <select value={filter.outcome} onChange={(e) => onFilter({ ...filter, outcome: e.target.value as TrajectoryFilter['outcome'] })} data-testid="filter-outcome">
          <option value="">any</option><option value="solved">solved</option><option value="failed">failed</option>
        </select></label>
        <label>group <select value={filter.group} onChange={(e) => onFilter({ ...filter, group: e.target.value })} data-testid="filter-group">
          <option value="">any</option>
          {groups.map((g) => <option key={g} value={String(g)}>G{g + 1}</option>)}
        </select></label>
        <span className="muted small">{shown.length} of {all.length} rollouts · ↑↓ rollout · ←→ step</span>
      </div>
      <div className="picker-list" role="listbox" aria-label="Rollouts of the batch">
        {shown.map((t) => (
          <button key={t.id} type="button" role="option" aria-selected={t.id === traj}
            className={`traj-chip ${t.won ? 'won' : 'lost'}${t.id === traj ? ' current' : ''}`}
            onClick={() => { if (iteration !== null) select({ lane, iteration, traj: t.id, t: 0 }); }} data-testid="traj-chip" data-traj={t.id}
            title={`${t.task} — ${t.won ? 'solved' : 'failed'}, ${t.length} steps, reward ${t.reward.toFixed(2)}`}>
            τ{t.id} <span className="muted">G{t.group + 1}</span> {t.won ? '✓' : '✗'} {t.length}
          </button>
        ))}
      </div>
    </div>
  );
}
