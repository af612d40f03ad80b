/**
 * At start-up: is there a saved run (src/persist) to offer? The page reads the record, and either
 * offers "Resume run at iteration N" / "Discard" or, when there is nothing usable, turns saving on for
 * the new run. Until the user chooses, the new run is not saved, so a link with other settings never
 * overwrites a saved run unasked. An unreadable or outdated record is explained and removed.
 *
 * Only one tab owns the saved run (src/persist/runOwnership.ts). A tab opened while another owns it
 * trains without saving and says so; it gets the same offer when it takes the saved run over. A tab
 * whose saved run was taken over stops saving and says so.
 */
import { openRunDatabase, type RunDatabase } from '../../persist/runDatabase';
import { RunOwnership } from '../../persist/runOwnership';
import { describeSavedRun, parseSavedRun, savedIteration, type SavedRun } from '../../persist/savedRun';
import { useRun } from '../../store/runStore';
import { useRuntime } from '../../store/runtimeStore';
import { useSavedRun } from '../../store/savedRunStore';
import type { HashState } from '../../store/urlState';
import { useView } from '../../store/viewStore';
import { leaveRecording } from './recordingMode';
import { linkSetsRun, RUN_KEYS, settingsOfConfigs } from './recordingSettings';

let offered: { run: SavedRun; database: RunDatabase } | null = null;
let ownership: RunOwnership | null = null;

function startSaving(): void {
  useRun.getState().send({ type: 'saving', enabled: true });
}

function stopSaving(): void {
  useRun.getState().send({ type: 'saving', enabled: false });
}

/**
 * Looks for a saved run and offers it (true), or turns saving on for the new run (false). Storage the
 * browser refuses is said once; training works without it. When another tab owns the saved run, this
 * tab neither offers nor saves it (false) until it gets the saved run.
 */
export async function offerSavedRun(linked: HashState, given: readonly (keyof HashState)[]): Promise<boolean> {
  ownership ??= new RunOwnership(() => {
    stopSaving();
    offered = null;
    useSavedRun.getState().setElsewhere('taken');
  });
  if (!(await ownership.claim())) {
    useSavedRun.getState().setElsewhere('open');
    return false;
  }
  return offerStored(linked, given);
}

/**
 * Takes the saved run over from the tab that owns it (which stops saving), then offers it here,
 * compared with the settings on screen now.
 */
export async function takeOverSavedRun(): Promise<void> {
  await ownership?.takeOver();
  useSavedRun.getState().setElsewhere(null);
  await offerStored(useView.getState().settings, RUN_KEYS);
}

async function offerStored(linked: HashState, given: readonly (keyof HashState)[]): Promise<boolean> {
  const warn = (text: string) => useRuntime.getState().notify('warning', text);
  let database: RunDatabase;
  let record: unknown;
  try {
    database = await openRunDatabase();
    record = await database.read();
  } catch (error) {
    warn(`Runs are not saved in this browser: ${error instanceof Error ? error.message : String(error)}. Training works, but a reload starts over.`);
    return false;
  }
  if (record === undefined) {
    startSaving();
    return false;
  }
  const parsed = parseSavedRun(record);
  if (!parsed.ok || savedIteration(parsed.run) < 1) {
    if (!parsed.ok) warn(`A saved run was found but cannot be resumed: ${parsed.error}. It was discarded.`);
    await database.clear().catch(() => undefined);
    startSaving();
    return false;
  }
  offered = { run: parsed.run, database };
  const saved = settingsOfConfigs(parsed.run.lanes.map((lane) => lane.config), linked);
  const differs = linkSetsRun(given) && saved
    ? RUN_KEYS.filter((key) => key !== 'init' && (key !== 'algo2' || linked.compare || saved.compare) && saved[key] !== linked[key])
    : [];
  useSavedRun.getState().setOffer({
    iteration: savedIteration(parsed.run),
    description: describeSavedRun(parsed.run),
    differs: differs.length ? differs.map((key) => `${key} ${String(linked[key])} (saved: ${String(saved![key])})`).join(', ') : null,
  });
  return true;
}

/** Resumes the offered run: the controls take its settings, the worker its state, and saving goes on. */
export function resumeSavedRun(): void {
  const run = offered?.run;
  useSavedRun.getState().setOffer(null);
  if (!run) return;
  const view = useView.getState();
  const settings = settingsOfConfigs(run.lanes.map((lane) => lane.config), view.settings);
  const init = run.lanes[0].init === 'scratch' ? 'scratch' : 'base';
  if (settings) view.update({ ...settings, init });
  leaveRecording();
  useRun.getState().send({ type: 'resume' });
}

/** Deletes the offered run and saves the page's own run from now on. */
export async function discardSavedRun(): Promise<void> {
  const database = offered?.database;
  offered = null;
  useSavedRun.getState().setOffer(null);
  await database?.clear().catch(() => undefined);
  startSaving();
}
