/** Outcome: how the run is doing now — the latest success rate, reward and turns of each lane. */
import { useRun, type LaneView } from '../../store/runStore';
import { algorithmOf, ALGORITHM_TITLES } from '../../store/urlState';
import { LANE_COLOURS } from '../charts/chartSpecs';
import { formatValue } from '../charts/series';
import { useLaneSlots } from './laneSlots';

const EMPTY_LANE: LaneView = { status: null, history: [], recent: [] };

/** The outcome column. */
export function OutcomeColumn() {
  const run = useRun((s) => s.lanes);
  const slots = useLaneSlots();
  const lanes = Array.from({ length: slots }, (_, i) => run[i] ?? EMPTY_LANE);
  return (
    <div className="flow-column outcome-column">
      <h3>Outcome</h3>
      {lanes.map((lane, index) => {
        const last = lane.history.at(-1);
        const success = last?.['env/success_rate'];
        return (
          <div key={index} className="outcome-lane" style={{ borderColor: LANE_COLOURS[index] }}>
            {lanes.length > 1 && <p className="outcome-name">{lane.status ? ALGORITHM_TITLES[algorithmOf(lane.status.config)] : `lane ${index + 1}`}</p>}
            <p className="big-number">
              <span className="muted">success</span>{' '}
              <strong data-testid={index === 0 ? 'success-rate' : `success-rate-${index}`}>{success === undefined ? '–' : success.toFixed(2)}</strong>
            </p>
            <p className="muted">reward {formatValue(last?.['reward/mean'])} · turns {formatValue(last?.['env/num_turns'])}</p>
          </div>
        );
      })}
    </div>
  );
}
