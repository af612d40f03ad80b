/**
 * The training view, laid out as the data flows (DESIGN.md "The page"): the control bar, the progress
 * line of the running iteration, what is on screen, the settings and the story (the entropy–update
 * coupling over time), then five columns —
 * environment → policy → advantage → update → outcome — the live curves, the curves across seeds, the
 * inspector underneath, and export / import. On a narrow screen the columns stack in the same order.
 *
 * Presentation mode (`present=1`) puts the story above the fold: the central chart large with its
 * caption, the coupling chart and the outcomes beside it, the settings in a drawer. A phone-narrow
 * screen tells the story first as well: the central chart and its caption under the control bar, then
 * the coupling over time, the settings behind a button in the same drawer.
 */
import { useCallback, useState, type ReactNode } from 'react';
import { useView } from '../../store/viewStore';
import { ControlBar } from './ControlBar';
import { IterationProgress } from './IterationProgress';
import { RunCaption } from './RunCaption';
import { OutcomeColumn } from './OutcomeColumn';
import { EnvironmentColumn } from './EnvironmentColumn';
import { SettingsDrawer } from './SettingsDrawer';
import { SettingsPanel } from './SettingsPanel';
import { useLaneSlots } from './laneSlots';
import { PolicyColumn } from '../inspector/PolicyColumn';
import { AdvantageColumn } from '../central/AdvantageColumn';
import { UpdateColumn } from '../central/UpdateColumn';
import { InspectorPanel } from '../inspector/InspectorPanel';
import { ChartsPanel } from '../charts/ChartsPanel';
import { IoPanel } from '../io/IoPanel';
import { SeedSweepPanel } from '../seeds/SeedSweepPanel';
import { StoryPanel } from '../story/StoryPanel';
import { useNarrowScreen } from '../useNarrowScreen';
import { useViewportHeight } from '../useViewportHeight';
import './training.css';

/** What follows the story in every layout: the live curves, the curves across seeds, the inspector, export / import. */
function BelowTheFlow() {
  return (
    <>
      <ChartsPanel />
      <SeedSweepPanel />
      <InspectorPanel />
      <IoPanel />
    </>
  );
}

/** The columns the data flows through before the update: environment, policy, advantage. */
function InputColumns({ className }: { className: string }) {
  return (
    <div className={className}>
      <EnvironmentColumn />
      <PolicyColumn />
      <AdvantageColumn />
    </div>
  );
}

/** Props of `StoryFirst`. */
interface StoryFirstProps {
  /** Presentation mode (the tour and the lecture start join the bar), rather than a phone's page. */
  present: boolean;
  drawer: boolean;
  onSettings(): void;
  onCloseDrawer(): void;
  /** The story: the central chart, its caption and the outcomes, the coupling over time. */
  children: ReactNode;
}

/** The layout that tells the story first (presentation mode, a phone): settings in a drawer, the input columns under the story. */
function StoryFirst({ present, drawer, onSettings, onCloseDrawer, children }: StoryFirstProps) {
  return (
    <section className={`panel training-view ${present ? 'present' : 'narrow'}`} aria-labelledby="training-title">
      <h2 id="training-title" className="sr-only">Training</h2>
      <ControlBar present={present} onSettings={onSettings} settingsOpen={drawer} />
      <IterationProgress />
      <RunCaption />
      {children}
      <SettingsDrawer open={drawer} onClose={onCloseDrawer} />
      <InputColumns className={present ? 'flow flow-rest' : 'flow'} />
      <BelowTheFlow />
    </section>
  );
}

/** The whole training view. */
export function TrainingView() {
  const present = useView((s) => s.settings.present);
  const [drawer, setDrawer] = useState(false);
  const closeDrawer = useCallback(() => setDrawer(false), []);
  const toggleDrawer = useCallback(() => setDrawer((open) => !open), []);
  const lanes = useLaneSlots();
  const viewport = useViewportHeight();
  const narrow = useNarrowScreen();
  if (present) {
    // What is left of the screen under the bar, the progress line, the caption, the chart's switches,
    // legend and caption.
    const chartHeight = Math.max(220, Math.min(600, viewport - (lanes > 1 ? 528 : 458)));
    return (
      <StoryFirst present drawer={drawer} onSettings={toggleDrawer} onCloseDrawer={closeDrawer}>
        <div className="present-stage">
          <UpdateColumn chartHeight={chartHeight} sideBySide />
          <div className="stage-side">
            <OutcomeColumn />
            {/* The side column holds the outcomes, the story's title, chart and honest line under the progress line. */}
            <StoryPanel chartHeight={Math.max(130, Math.min(300, viewport - 580))} />
          </div>
        </div>
      </StoryFirst>
    );
  }
  if (narrow) {
    return (
      <StoryFirst present={false} drawer={drawer} onSettings={toggleDrawer} onCloseDrawer={closeDrawer}>
        <div className="flow">
          <UpdateColumn />
          <OutcomeColumn />
        </div>
        <StoryPanel chartHeight={150} />
      </StoryFirst>
    );
  }
  return (
    <section className="panel training-view" aria-labelledby="training-title">
      <h2 id="training-title">Training</h2>
      <ControlBar />
      <IterationProgress />
      <RunCaption />
      <SettingsPanel />
      <StoryPanel chartHeight={150} />
      <div className="flow">
        <EnvironmentColumn />
        <PolicyColumn />
        <AdvantageColumn />
        <UpdateColumn />
        <OutcomeColumn />
      </div>
      <BelowTheFlow />
    </section>
  );
}
