/** Environment: the tasks of the latest batch. */
import { useRun } from '../../store/runStore';

/** The environment column. */
export function EnvironmentColumn() {
  const latest = useRun((s) => s.lanes[0]?.recent.at(-1));
  const tasks = latest ? [...new Set(latest.trajectories.map((t) => t.task))] : [];
  return (
    <div className="flow-column">
      <h3>Environment</h3>
      <ul>{tasks.map((task) => <li key={task}>{task}</li>)}</ul>
    </div>
  );
}
