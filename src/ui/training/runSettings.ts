/**
 * Changing a setting: the view store (and so the URL) first, then the worker. Settings that keep the
 * model's shape apply to the next iteration; the worker itself resets the run when the environment,
 * preset, seed or initial weights change. In compare mode lane 1 gets the same settings except its own
 * algorithm, so the two lanes differ in exactly one thing.
 */
import { useRun } from '../../store/runStore';
import { useProgress } from '../../store/progressStore';
import { configOfAlgorithm, trainConfigOf, type HashState } from '../../store/urlState';
import { useView } from '../../store/viewStore';
import { leaveRecording, PRECOMPUTED, showPrecomputed } from '../io/recordingMode';
import { RUN_KEYS } from '../io/recordingSettings';

/** Sends the lanes' settings to the worker (all of them: the worker applies only what changed). */
export function sendSettings(settings: HashState): void {
  const { send } = useRun.getState();
  send({ type: 'configure', lane: 0, config: trainConfigOf(settings, 0), init: settings.init });
  if (settings.compare) send({ type: 'configure', lane: 1, config: trainConfigOf(settings, 1), init: settings.init });
}

/** In compare mode two equal lanes teach nothing: lane 1 then runs the base algorithm without EMPG. */
export function withDistinctLanes(settings: HashState): HashState {
  if (!settings.compare || settings.algo !== settings.algo2) return settings;
  return { ...settings, algo: configOfAlgorithm(settings.algo).algorithm };
}

/** Starts the run the URL describes (once, at start-up). */
export function startRun(settings: HashState): void {
  const { send } = useRun.getState();
  send({ type: 'configure', lane: 0, config: trainConfigOf(settings, 0), init: settings.init });
  if (settings.compare) {
    send({ type: 'setLanes', count: 2 });
    send({ type: 'configure', lane: 1, config: trainConfigOf(settings, 1), init: settings.init });
  }
}

/** Applies a change of settings: URL, then worker. */
export function applySettings(patch: Partial<HashState>): void {
  const view = useView.getState();
  const before = view.settings;
  const next = patch.compare === true ? withDistinctLanes({ ...before, ...patch }) : { ...before, ...patch };
  view.update(next);
  // The precomputed run stays on screen only while it agrees with the controls.
  if (view.shown?.source === PRECOMPUTED && RUN_KEYS.some((key) => next[key] !== before[key])) {
    void showPrecomputed(next).then((shown) => { if (!shown) leaveRecording(false); });
  }
  const { send } = useRun.getState();
  if (next.compare !== before.compare) {
    send({ type: 'configure', lane: 0, config: trainConfigOf(next, 0), init: next.init });
    send({ type: 'setLanes', count: next.compare ? 2 : 1 });
    if (next.compare) send({ type: 'configure', lane: 1, config: trainConfigOf(next, 1), init: next.init });
    return;
  }
  sendSettings(next);
}

/**
 * Play, Step and Reset switch from a shown recording to the live run first. Pressed before the live run
 * exists (the backend is still being chosen, the model built), the command waits in the worker and the
 * progress line says so until the run is there.
 */
export function runCommand(type: 'play' | 'pause' | 'step' | 'reset'): void {
  if (type !== 'pause') leaveRecording();
  const progress = useProgress.getState();
  progress.setPausing(type === 'pause');
  if (type !== 'pause' && !useRun.getState().lanes[0]?.status) progress.setQueued(type);
  useRun.getState().send({ type });
}
