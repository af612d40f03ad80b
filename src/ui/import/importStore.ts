/**
 * The imported runs (one, or two to compare): what the import worker sent back, the progress of the
 * import under way, and the actions that start an import and put the result on screen. The lanes go to
 * the run store as a recording, so every view of the page draws them.
 */
import { create } from 'zustand';
import { RECORDING_FORMAT, RECORDING_VERSION, type RecordedIteration, type Recording } from '../../store/recording';
import { useRun } from '../../store/runStore';
import { useRuntime } from '../../store/runtimeStore';
import { DEFAULT_TRAIN_CONFIG } from '../../train/config';
import { showRecording } from '../io/recordingMode';
import type { GroupTable, ImportReply, ImportReport, ImportRequest } from './importProtocol';
import type { Trajectory } from '../../train/rollout';
import { extrasKey, fullTrajectory, type ImportedLane, type ImportedStepExtras, type ImportEmpgSettings } from './toRecording';

/** One imported run as the page keeps it. */
export interface ImportedRun {
  files: File[];
  report: ImportReport;
  imported: ImportedLane;
  groups: GroupTable[];
  /** How many kept steps the step-format export writes (0 for a sequence-level file). */
  exportableSteps: number;
}

/** The import store's state and actions. */
export interface ImportState {
  runs: ImportedRun[];
  progress: { name: string; read: number; total: number } | null;
  /** The source name of the recording the imported runs are shown as. */
  source: string | null;
  /** Reads files as a run: lane 0 replaces what was imported, lane 1 adds a run to compare. */
  importFiles(files: File[], lane: 0 | 1): Promise<void>;
  /** k, k_F, ζ of EMPG recomputed on import (the page's defaults until changed). */
  empg: ImportEmpgSettings;
  /** Sets k, k_F, ζ and reads the imported files again with them. */
  reanalyse(empg: ImportEmpgSettings): Promise<void>;
  /** The extras of a step of an imported lane, if it is one. */
  extrasOf(lane: number, iteration: number, traj: number, t: number): ImportedStepExtras | undefined;
  /** The kept steps of an imported lane in the step format, with the recomputed advantages. */
  exportRun(lane: number): Promise<Blob>;
}

let worker: Worker | null = null;
let nextId = 1;

function importWorker(): Worker {
  worker ??= new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module', name: 'empg-import' });
  return worker;
}

/** k, k_F and ζ of the page's first lane (the defaults before anything is configured). */
function pageEmpg(): ImportEmpgSettings {
  const config = useRun.getState().lanes[0]?.status?.config ?? DEFAULT_TRAIN_CONFIG;
  return { k: config.k, kF: config.kF, zeta: config.zeta };
}

type Done = Extract<ImportReply, { type: 'done' }>;

/** Sends a request to the import worker and resolves with its final answer (`done` or `exported`). */
function ask<T extends ImportReply>(request: ImportRequest, onReply: (reply: ImportReply) => T | undefined): Promise<T> {
  const w = importWorker();
  return new Promise((resolve, reject) => {
    const onMessage = (event: MessageEvent<ImportReply>) => {
      const reply = event.data;
      if (reply.id !== request.id) return;
      if (reply.type === 'error') {
        w.removeEventListener('message', onMessage);
        reject(new Error(reply.message));
        return;
      }
      const final = onReply(reply);
      if (final) {
        w.removeEventListener('message', onMessage);
        resolve(final);
      }
    };
    w.addEventListener('message', onMessage);
    w.postMessage(request);
  });
}

/** Imports files in the worker; the kept training steps arrive one message each and are put together here. */
async function runFiles(files: File[], lane: number, empg: ImportEmpgSettings, onProgress: (read: number, total: number) => void): Promise<ImportedRun> {
  const parts: RecordedIteration[] = [];
  const extras: Record<string, ImportedStepExtras> = {};
  const done = await ask<Done>({ type: 'import', id: nextId++, files, empg, lane }, (reply) => {
    if (reply.type === 'progress') onProgress(reply.read, reply.total);
    else if (reply.type === 'part') {
      let record = parts.at(-1);
      if (record?.iteration !== reply.iteration) parts.push((record = { iteration: reply.iteration, steps: [], trajectories: [] }));
      for (const step of reply.steps) record.steps.push(step);
      for (const traj of reply.trajectories) record.trajectories.push(traj);
      Object.assign(extras, reply.extras);
    } else if (reply.type === 'done') return reply;
    return undefined;
  });
  const imported = { ...done.imported, extras, lane: { ...done.imported.lane, recent: parts } };
  for (const record of parts) {
    // A full trajectory is built the first time the inspector asks for it, and kept.
    const built = new Map<number, Trajectory | undefined>();
    const trajectory = (id: number) => {
      if (!built.has(id)) built.set(id, fullTrajectory(record, lane, extras, id));
      return built.get(id);
    };
    Object.defineProperty(record, 'trajectory', { value: trajectory, enumerable: false });
  }
  return { files, report: done.report, imported, groups: done.groups, exportableSteps: done.exportableSteps };
}

/**
 * Resolves once the browser has painted a frame (or after 100 ms in a hidden tab, where frames stop), so
 * the import panel's report and the switch of every view to the imported run render as two main-thread
 * tasks, not one.
 */
function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, 100);
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(() => { clearTimeout(timer); resolve(); }, 0));
  });
}

/** Shows the imported runs as a recording (one lane each). */
function show(runs: ImportedRun[]): string {
  const source = runs.map((r) => r.report.name).join(' vs ');
  const recording: Recording = {
    format: RECORDING_FORMAT, version: RECORDING_VERSION, command: `import ${source}`, backend: 'imported',
    lanes: runs.map((r) => r.imported.lane),
  };
  useRun.getState().send({ type: 'pause' });
  showRecording(recording, source);
  return source;
}

/** The import store (one per page). */
export const useImport = create<ImportState>()((set, get) => ({
  runs: [],
  progress: null,
  source: null,
  empg: pageEmpg(),

  async importFiles(files, lane) {
    if (files.length === 0) return;
    const name = files.length === 1 ? files[0].name : `${files.length} files`;
    const at = Math.min(lane, get().runs.length);
    set({ progress: { name, read: 0, total: files.reduce((a, f) => a + f.size, 0) } });
    try {
      const empg = get().runs.length === 0 && at === 0 ? pageEmpg() : get().empg;
      set({ empg });
      const run = await runFiles(files, at, empg, (read, total) => set({ progress: { name, read, total } }));
      const runs = at === 0 ? [run] : [get().runs[0], run];
      set({ runs, progress: null });
      await afterPaint();
      set({ source: show(runs) });
      const { report } = run;
      if (report.skipped > 0) {
        useRuntime.getState().notify('warning', `${report.name}: ${report.skipped} bad line${report.skipped === 1 ? '' : 's'} skipped (first: line ${report.problems[0]?.line}: ${report.problems[0]?.message}); everything else was imported.`);
      }
    } catch (error) {
      set({ progress: null });
      useRuntime.getState().notify('error', `Could not import ${name}: ${error instanceof Error ? error.message : String(error)}`);
    }
  },

  async reanalyse(empg) {
    set({ empg });
    const runs = get().runs;
    if (runs.length === 0) return;
    const again: ImportedRun[] = [];
    for (const [lane, run] of runs.entries()) {
      const name = run.report.name;
      set({ progress: { name, read: 0, total: run.report.bytes } });
      try {
        again.push(await runFiles(run.files, lane, empg, (read, total) => set({ progress: { name, read, total } })));
      } catch (error) {
        set({ progress: null });
        useRuntime.getState().notify('error', `Could not re-read ${name}: ${error instanceof Error ? error.message : String(error)}`);
        return;
      }
    }
    set({ runs: again, progress: null });
    await afterPaint();
    set({ source: show(again) });
  },

  extrasOf(lane, iteration, traj, t) {
    return get().runs[lane]?.imported.extras[extrasKey(lane, iteration, traj, t)];
  },

  async exportRun(lane) {
    const run = get().runs[lane];
    const meta = { schema: 'empg-steps/v1', source: run?.report.meta?.source ?? run?.report.format ?? 'import', exported_by: 'EMPG Playground import', ...get().empg };
    const reply = await ask<Extract<ImportReply, { type: 'exported' }>>({ type: 'export', id: nextId++, lane, meta }, (r) => (r.type === 'exported' ? r : undefined));
    return reply.blob;
  },
}));
