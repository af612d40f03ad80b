/**
 * The training view, laid out as the data flows (DESIGN.md "The page"): the control bar and settings,
 * then five columns — environment → policy → advantage → update → outcome — the live curves, the
 * curves across seeds, the inspector underneath, and export / import. On a narrow screen the columns
 * stack in the same order.
 */
import { ControlBar } from './ControlBar';
import { RunCaption } from './RunCaption';
import { OutcomeColumn } from './OutcomeColumn';
import { EnvironmentColumn } from './EnvironmentColumn';
import { SettingsPanel } from './SettingsPanel';
import { PolicyColumn } from '../inspector/PolicyColumn';
import { AdvantageColumn } from '../central/AdvantageColumn';
import { UpdateColumn } from '../central/UpdateColumn';
import { InspectorPanel } from '../inspector/InspectorPanel';
import { ChartsPanel } from '../charts/ChartsPanel';
import { IoPanel } from '../io/IoPanel';
import { SeedSweepPanel } from '../seeds/SeedSweepPanel';
import './training.css';

/** The whole training view. */
export function TrainingView() {
  return (
    <section className="panel training-view" aria-labelledby="training-title">
      <h2 id="training-title">Training</h2>
      <ControlBar />
      <RunCaption />
      <SettingsPanel />
      <div className="flow">
        <EnvironmentColumn />
        <PolicyColumn />
        <AdvantageColumn />
        <UpdateColumn />
        <OutcomeColumn />
      </div>
      <ChartsPanel />
      <SeedSweepPanel />
      <InspectorPanel />
      <IoPanel />
    </section>
  );
}
