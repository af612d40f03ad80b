/**
 * Showing a recorded run in place of the live lanes: the precomputed run of `public/recordings/` at
 * first paint, or a file the user imported. While a recording is on screen the run store holds its
 * lanes, so every view (charts, central chart, inspector) draws it unchanged; the live worker's run
 * messages wait in a buffer and are applied the moment the user presses Play or Step.
 */
import { applyRunMessage, useRun, type LaneView, type RunData } from '../../store/runStore';
import { useRuntime } from '../../store/runtimeStore';
import {
  parseRecordedTrajectories, parseRecording, RECORDING_FORMAT, RECORDING_VERSION, type Recording, type RecordedTrajectories,
} from '../../store/recording';
import type { HashState } from '../../store/urlState';
import { useView } from '../../store/viewStore';
import { recordingAgrees } from './recordingSettings';
import { DEFAULT_TRAIN_CONFIG, parseAlgorithmLabel, trainConfigSchema } from '../../train/config';
import type { Trajectory } from '../../train/rollout';
import type { FromWorker, ToWorker } from '../../worker/protocol';

/** The generation of recorded lanes: never one the worker uses, so no live message is mistaken for them. */
const RECORDED_GENERATION = -1;

let buffered: FromWorker[] = [];
/** The live lanes as they were when a recording covered them; restored when it goes. */
let coveredLive: RunData | null = null;
/** Set once the user trains live; a precomputed run that arrives later is then not shown. */
let liveStarted = false;

function lanesOf(recording: Recording): LaneView[] {
  return recording.lanes.map((lane) => {
    const parsed = trainConfigSchema.safeParse(lane.config);
    const iteration = lane.history.at(-1)?.iteration ?? lane.history.length;
    return {
      status: {
        generation: RECORDED_GENERATION, running: false, iteration,
        config: parsed.success ? parsed.data : DEFAULT_TRAIN_CONFIG,
        init: 'base', initLabel: lane.initLabel, vocabulary: lane.vocabulary, parameterCount: lane.parameterCount,
      },
      history: lane.history,
      recent: lane.recent.map(({ iteration: it, steps, trajectories }) => ({ iteration: it, steps, trajectories })),
    };
  });
}

/** Puts a recording on screen. */
export function showRecording(recording: Recording, source: string, url?: string): void {
  trajectoryFile = null;
  if (!useView.getState().shown) {
    const { lanes, selection, detail } = useRun.getState();
    coveredLive = { lanes, selection, detail };
  }
  useView.getState().setShown({ recording, source, url });
  useRun.setState({ lanes: lanesOf(recording), selection: null, pinned: false, detail: null });
}

/**
 * Back to the live lanes: as they were when the recording covered them, plus the worker's messages that
 * arrived meanwhile, in one store update. `trainsLive` (Play, Step, Reset) also means no precomputed run
 * is shown again.
 */
export function leaveRecording(trainsLive = true): void {
  if (trainsLive) liveStarted = true;
  if (!useView.getState().shown) return;
  useView.getState().setShown(null);
  const live = coveredLive ?? { lanes: [{ status: null, history: [], recent: [] }], selection: null, detail: null };
  coveredLive = null;
  const pending = buffered;
  buffered = [];
  useRun.setState({ ...pending.reduce(applyRunMessage, live), pinned: false });
}

/** Routes worker messages to the run store (as one update), or to the buffer while a recording is shown. */
export function receiveRunMessages(messages: readonly FromWorker[]): void {
  const live: FromWorker[] = [];
  for (const message of messages) {
    const held = message.type === 'run' || message.type === 'lanes' || message.type === 'metrics' || message.type === 'trajectory' || message.type === 'restored';
    if (held && useView.getState().shown) buffered.push(message);
    else live.push(message);
  }
  if (live.length) useRun.getState().receiveMany(live);
}

/** The shown recording's trajectory file, fetched once on the first request. */
let trajectoryFile: Promise<RecordedTrajectories | null> | null = null;

async function recordedTrajectory(lane: number, iteration: number, traj: number): Promise<Trajectory | undefined> {
  const shown = useView.getState().shown;
  const record = shown?.recording.lanes[lane]?.recent.find((r) => r.iteration === iteration);
  if (record?.trajectory) return record.trajectory(traj);
  const inline = record?.full;
  if (inline) return inline.find((t) => t.id === traj);
  if (!shown?.url || !shown.recording.trajectoriesFile) return undefined;
  trajectoryFile ??= fetch(new URL(shown.recording.trajectoriesFile, shown.url))
    .then(async (response) => (response.ok ? parseRecordedTrajectories(await response.json()) : null))
    .catch(() => null);
  const file = await trajectoryFile;
  const kept = file?.lanes[lane];
  return kept?.iteration === iteration ? kept.trajectories.find((t) => t.id === traj) : undefined;
}

/** Answers a page → worker message from the recording when it is about the recording; true if answered. */
export function answerFromRecording(message: ToWorker): boolean {
  const shown = useView.getState().shown;
  if (!shown || message.type !== 'requestTrajectory') return false;
  const iteration = shown.recording.lanes[message.lane]?.recent.find((r) => r.iteration === message.iteration);
  void recordedTrajectory(message.lane, message.iteration, message.traj).then((trajectory) => {
    if (!iteration || useView.getState().shown !== shown) return;
    if (!trajectory) {
      useRuntime.getState().notify('warning', `The recording has no trajectory ${message.traj} of iteration ${message.iteration} (it keeps the full trajectories of its last iteration).`);
      return;
    }
    useRun.getState().receive({
      type: 'trajectory', lane: message.lane, generation: RECORDED_GENERATION, iteration: message.iteration,
      trajectory, steps: iteration.steps.filter((s) => s.traj === message.traj),
    });
  });
  return true;
}

/** The source name of the shipped recordings. */
export const PRECOMPUTED = 'precomputed run';

const precomputed = new Map<string, Promise<{ recording: Recording; url: string } | null>>();

/** The precomputed run shipped for an environment (fetched once), or null when there is none. */
export function fetchPrecomputed(env: string): Promise<{ recording: Recording; url: string } | null> {
  let pending = precomputed.get(env);
  if (!pending) {
    const url = new URL(`recordings/${env}.json`, document.baseURI).href;
    pending = fetch(url)
      .then(async (response) => {
        if (!response.ok) return null;
        const parsed = parseRecording(await response.json());
        return parsed.ok ? { recording: parsed.recording, url } : null;
      })
      // No recording shipped for this environment (or a single-page fallback answered): train live only.
      .catch(() => null);
    precomputed.set(env, pending);
  }
  return pending;
}

/**
 * Shows the precomputed run of the settings' environment when it was trained with exactly these
 * settings and the user does not train live yet; true if shown.
 */
export async function showPrecomputed(settings: HashState): Promise<boolean> {
  const found = await fetchPrecomputed(settings.env);
  if (!found || liveStarted || !recordingAgrees(found.recording, settings)) return false;
  showRecording(found.recording, PRECOMPUTED, found.url);
  return true;
}

/**
 * Reads a recorded run a user imports: a recording file, or the JSON lines of `npm run cli -- train
 * --out` (one metrics object per line; up to two algorithms become two lanes). Throws a readable error
 * that names the file and what is wrong with it.
 */
export function readRunFile(text: string, name: string): Recording {
  const trimmed = text.trim();
  if (!trimmed) throw new Error(`${name} is empty`);
  let whole: unknown;
  try {
    whole = JSON.parse(trimmed);
  } catch (error) {
    // One damaged JSON document (a recording cut short) rather than JSON lines: say so.
    if (trimmed.startsWith('{') && trimmed.includes(`"${RECORDING_FORMAT}"`)) {
      throw new Error(`${name} looks like a recording but is not valid JSON, it seems cut short (${error instanceof Error ? error.message : String(error)})`);
    }
  }
  if (whole && typeof whole === 'object' && 'format' in whole) return checked(whole, name);
  const lines = trimmed.split('\n').filter((line) => line.trim());
  const byAlgorithm = new Map<string, { config: Record<string, unknown>; history: Record<string, number>[] }>();
  const neither = `${name} is neither a recording (no "format": "${RECORDING_FORMAT}") nor the metrics JSON lines of npm run cli -- train --out`;
  lines.forEach((line, i) => {
    let row: unknown;
    try {
      row = JSON.parse(line);
    } catch {
      throw new Error(`${neither}: line ${i + 1} is not JSON${i > 0 && i === lines.length - 1 ? ' (the file seems cut short)' : ''}`);
    }
    if (!row || typeof row !== 'object' || Array.isArray(row)) throw new Error(`${neither}: line ${i + 1} is not a JSON object`);
    const fields = row as Record<string, unknown>;
    const algo = typeof fields.algo === 'string' ? fields.algo : 'run';
    const metrics = Object.fromEntries(Object.entries(fields).filter(([, v]) => typeof v === 'number' && Number.isFinite(v))) as Record<string, number>;
    if (!('iteration' in metrics)) throw new Error(`${neither}: line ${i + 1} has no "iteration"`);
    if (!byAlgorithm.has(algo)) {
      let parsed = {};
      try { parsed = parseAlgorithmLabel(algo.replace(/\((\w+)\)/, '-$1')); } catch { /* an unknown label keeps the defaults */ }
      byAlgorithm.set(algo, { config: { ...parsed, env: fields.env, preset: fields.preset, seed: fields.seed }, history: [] });
    }
    byAlgorithm.get(algo)!.history.push(metrics);
  });
  if (byAlgorithm.size > 2) throw new Error(`${name} holds ${byAlgorithm.size} algorithms; the page compares at most two`);
  return checked({
    format: RECORDING_FORMAT, version: RECORDING_VERSION, command: name, backend: 'unknown',
    lanes: [...byAlgorithm].map(([label, lane]) => ({
      label, config: lane.config, initLabel: name, vocabulary: [], parameterCount: 0, history: lane.history, recent: [],
    })),
  }, name);
}

function checked(json: unknown, name: string): Recording {
  const parsed = parseRecording(json);
  if (!parsed.ok) throw new Error(`${name} is not a usable recorded run: ${parsed.errors.join('; ')}`);
  return parsed.recording;
}
