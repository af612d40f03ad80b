/**
 * Export and import: the metrics (CSV, JSON lines as the CLI writes them), the kept iterations' step
 * records and trajectory summaries (JSON), their steps in the `empg-steps/v1` import format, the checkpoint; import a checkpoint to start from, or a
 * recorded run (a recording file or the CLI's JSON lines) to view. Problems go to the banner.
 */
import { useRef, useState } from 'react';
import { FILE_LIMITS, readLimitedText } from '../../store/limits';
import { useRun } from '../../store/runStore';
import { useRuntime } from '../../store/runtimeStore';
import type { HashState } from '../../store/urlState';
import { useView } from '../../store/viewStore';
import { readCheckpointFile } from './checkpointFile';
import { downloadFile } from './download';
import { metricsCsv, metricsJsonLines, type ExportLane } from './metricsExport';
import { leaveRecording, readRunFile, showRecording } from './recordingMode';
import './io.css';

function exportLanes(): ExportLane[] {
  return useRun.getState().lanes.flatMap((lane) => (lane.status ? [{ config: lane.status.config, history: lane.history }] : []));
}

function baseName(): string {
  const lane = useRun.getState().lanes[0]?.status;
  return lane ? `empg-${lane.config.env}-${lane.config.preset}-iter${lane.iteration}` : 'empg';
}

function reportError(what: string, error: unknown): void {
  useRuntime.getState().notify('error', `${what}: ${error instanceof Error ? error.message : String(error)}`);
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The batch export: every kept iteration's step records and trajectory summaries, per lane, plus the inspected trajectory. */
function batchJson(): string {
  const { lanes, detail } = useRun.getState();
  return JSON.stringify({
    lanes: lanes.map((lane, index) => ({ lane: index + 1, config: lane.status?.config ?? null, iterations: lane.recent })),
    inspected: detail,
  });
}

/** The export / import controls. */
export function IoPanel() {
  const hidden = useView((s) => s.settings.hide.includes('io'));
  const checkpointInput = useRef<HTMLInputElement>(null);
  const runInput = useRef<HTMLInputElement>(null);
  const [imported, setImported] = useState<{ kind: 'checkpoint' | 'run'; name: string; text: string } | null>(null);
  const shownSource = useView((s) => s.shown?.source);
  const loadedInit = useRun((s) => s.lanes[0]?.status?.init === 'loaded');
  // The line stays while what it describes is on screen: the viewed run, or a run from the loaded weights.
  const importNote = imported && (imported.kind === 'run' ? shownSource === imported.name : !shownSource && loadedInit) ? imported.text : null;
  if (hidden) return null;

  const exportSteps = async () => {
    const file = await useRun.getState().requestSteps(0);
    downloadFile(file.name, file.text, 'application/x-ndjson');
  };
  const exportCheckpoint = async () => {
    const { json, name } = await useRun.getState().requestCheckpoint(0);
    downloadFile(name, json, 'application/json');
  };
  // A file is read and checked first; only a good one changes what is on screen.
  const importCheckpoint = async (file: File) => {
    try {
      const checkpoint = readCheckpointFile(await readLimitedText(file, FILE_LIMITS.checkpoint, 'checkpoint'), file.name);
      leaveRecording();
      // The run follows the checkpoint's environment and preset, and so do the controls and the URL.
      const view = useView.getState();
      const moved = view.settings.env !== checkpoint.env || view.settings.preset !== checkpoint.preset;
      if (moved) view.update({ env: checkpoint.env, preset: checkpoint.preset as HashState['preset'] });
      useRun.getState().send({ type: 'loadCheckpoint', lane: 0, checkpoint, name: file.name });
      setImported({ kind: 'checkpoint', name: file.name, text: `Loaded checkpoint ${file.name} (${checkpoint.env}/${checkpoint.preset}, ${plural(checkpoint.iteration, 'iteration')} trained)${moved ? `; the environment is now ${checkpoint.env}/${checkpoint.preset}` : ''}: Step or Play trains from it.` });
    } catch (error) {
      reportError('Could not load the checkpoint', error);
    }
  };
  const importRun = async (file: File) => {
    try {
      const recording = readRunFile(await readLimitedText(file, FILE_LIMITS.run, 'recorded run'), file.name);
      useRun.getState().send({ type: 'pause' });
      showRecording(recording, file.name);
      const iterations = Math.max(...recording.lanes.map((lane) => lane.history.length));
      setImported({ kind: 'run', name: file.name, text: `Viewing ${file.name}: ${plural(recording.lanes.length, 'lane')}, ${plural(iterations, 'iteration')}. Play or Step returns to the live run.` });
    } catch (error) {
      reportError('Could not view the run', error);
    }
  };

  return (
    <div className="io-panel" role="group" aria-label="Export and import">
      <span className="io-label">Export</span>
      <button type="button" data-testid="export-csv" onClick={() => downloadFile(`${baseName()}.csv`, metricsCsv(exportLanes()), 'text/csv')}>metrics CSV</button>
      <button type="button" data-testid="export-jsonl" onClick={() => downloadFile(`${baseName()}.jsonl`, metricsJsonLines(exportLanes()), 'application/x-ndjson')}>metrics JSONL</button>
      <button type="button" data-testid="export-batch" onClick={() => downloadFile(`${baseName()}-batch.json`, batchJson(), 'application/json')}>trajectory batch JSON</button>
      <button type="button" data-testid="export-steps" title="Every step of the kept iterations (the last 8) in the empg-steps/v1 format, as the CLI's export-steps writes it"
        onClick={() => void exportSteps()}>steps (empg-steps/v1)</button>
      <button type="button" data-testid="export-checkpoint" onClick={() => void exportCheckpoint()}>checkpoint</button>
      <span className="io-label">Import</span>
      <button type="button" onClick={() => checkpointInput.current?.click()}>checkpoint…</button>
      <button type="button" onClick={() => runInput.current?.click()}>recorded run…</button>
      <input ref={checkpointInput} type="file" accept=".json,application/json" hidden data-testid="import-checkpoint"
        onChange={(e) => { const file = e.target.files?.[0]; e.target.value = ''; if (file) void importCheckpoint(file); }} />
      <input ref={runInput} type="file" accept=".json,.jsonl,application/json" hidden data-testid="import-run"
        onChange={(e) => { const file = e.target.files?.[0]; e.target.value = ''; if (file) void importRun(file); }} />
      {importNote && <p className="io-status" role="status" data-testid="import-status">{importNote}</p>}
    </div>
  );
}
