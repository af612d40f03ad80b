/** The live charts: every training metric over iterations, lanes overlaid, with a smoothing slider. */
import { useMemo } from 'react';
import { useRun } from '../../store/runStore';
import { algorithmOf, ALGORITHM_TITLES } from '../../store/urlState';
import { useView } from '../../store/viewStore';
import { Slider } from '../Slider';
import { CHART_SPECS, LANE_COLOURS } from './chartSpecs';
import { MetricChart } from './MetricChart';
import { useDisplayedHistories } from './useDisplayedHistories';
import './charts.css';

/** The charts area of the training view. */
export function ChartsPanel() {
  const histories = useDisplayedHistories();
  const smoothing = useView((s) => s.settings.smoothing);
  const update = useView((s) => s.update);
  const laneKey = useRun((s) => s.lanes.map((l) => (l.status ? algorithmOf(l.status.config) : '')).join('|'));
  const laneNames = useMemo(() => laneKey.split('|').map((choice, lane) => ALGORITHM_TITLES[choice as keyof typeof ALGORITHM_TITLES] ?? `lane ${lane + 1}`), [laneKey]);
  const shownNames = laneNames.slice(0, histories.length);
  return (
    <section className="charts-panel" aria-labelledby="charts-title">
      <div className="charts-head">
        <h3 id="charts-title">Training curves</h3>
        <ul className="lane-legend" aria-label="Lanes">
          {shownNames.map((name, lane) => (
            <li key={lane}><span className="swatch" style={{ background: LANE_COLOURS[lane] }} />{shownNames.length > 1 ? `lane ${lane + 1}: ` : ''}{name}</li>
          ))}
        </ul>
        <div className="smoothing">
          <Slider label="smoothing" value={smoothing} min={0} max={0.95} step={0.05} digits={2} testId="smoothing"
            hint="Exponential moving average of each curve (0 = raw values); hover shows the raw value too."
            onChange={(value) => update({ smoothing: value })} />
        </div>
      </div>
      <div className="charts-grid">
        {CHART_SPECS.map((spec, index) => (
          <MetricChart key={spec.id} delay={index} spec={spec} histories={histories} smoothing={smoothing} laneNames={shownNames} />
        ))}
      </div>
    </section>
  );
}
