/**
 * One line under the control bar that says what the screen shows: a recorded run and the settings it
 * was trained with, or the live run and its settings. It is always there, and the sentence for a run not
 * yet started keeps its room (unseen) once it starts, so nothing below it moves when a run starts.
 */
import { useRun } from '../../store/runStore';
import { useView } from '../../store/viewStore';
import type { TrainConfig } from '../../train/config';
import { PRECOMPUTED } from '../io/recordingMode';
import { describeConfigs, describeRecording } from '../io/recordingSettings';

/** The caption. */
export function RunCaption() {
  const shown = useView((s) => s.shown);
  // Strings, so the caption re-renders only when its words change (not on every iteration).
  const live = useRun((s) => {
    const configs = s.lanes.map((l) => l.status?.config);
    return configs.length > 0 && configs.every((c): c is TrainConfig => c !== undefined) ? describeConfigs(configs) : null;
  });
  const initLabel = useRun((s) => s.lanes[0]?.status?.initLabel);
  const started = useRun((s) => s.lanes.some((l) => l.status?.running || (l.status?.iteration ?? 0) > 0));
  if (shown) {
    const what = shown.source === PRECOMPUTED ? 'Recorded run' : `Recorded run from ${shown.source}`;
    return (
      <p className="run-caption" data-testid="run-caption">
        {what}: {describeRecording(shown.recording)}. Play trains these settings live, from iteration 0.
      </p>
    );
  }
  if (!live) return <p className="run-caption" data-testid="run-caption">Starting the trainer…</p>;
  return (
    <p className="run-caption" data-testid="run-caption">
      Live run: {live}{initLabel && <> · <span className="init-label">{initLabel}</span></>}.
      {' '}<span className={started ? 'kept-room' : undefined} aria-hidden={started || undefined}>There is no recording of these settings: press Play or Step to train them.</span>
    </p>
  );
}
