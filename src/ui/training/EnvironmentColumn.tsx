/** Environment: the tasks of the latest batch. */
import { useMemo } from 'react';
import { useDeferredRun } from '../deferredRun';

/** The environment column (from the deferred run: it follows a new batch in the background). */
export function EnvironmentColumn() {
  const latest = useDeferredRun((s) => s.lanes[0]?.recent.at(-1));
  const tasks = useMemo(() => (latest ? [...new Set(latest.trajectories.map((t) => t.task))] : []), [latest]);
  return (
    <div className="flow-column">
      <h3>Environment</h3>
      <ul>{tasks.map((task) => <li key={task}>{task}</li>)}</ul>
    </div>
  );
}
