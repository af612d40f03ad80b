/**
 * "Real runs": import a verl / verl-agent / TRL file (or the shipped sample), watch the progress bar,
 * read what was skipped and why, then look at it in every view of the page plus three of its own: the
 * history across training steps, a group view (all samples of a prompt, the file's advantage next to
 * GRPO and EMPG recomputed) and, with a second run, a side-by-side comparison on the same prompts.
 */
import { useDeferredValue, useRef, useState } from 'react';
import { useRun } from '../../store/runStore';
import { useView } from '../../store/viewStore';
import { FORMAT_TITLES } from '../../import/records';
import { downloadFile } from '../io/download';
import { useImport, type ImportedRun } from './importStore';
import { SAMPLE_FILE, SAMPLE_LABEL } from './sample';
import { CompareTable, GroupView, HistoryTable } from './ImportTables';
import './import.css';

const f = (x: number | null | undefined, digits = 3) => (x === null || x === undefined || !Number.isFinite(x) ? '–' : x.toFixed(digits));

function Report({ run, index }: { run: ImportedRun; index: number }) {
  const r = run.report;
  return (
    <div className="import-report" data-testid={`import-report-${index}`}>
      <p>
        <strong>{index === 0 ? 'Run A' : 'Run B'}: {r.name}</strong> · {r.format ? FORMAT_TITLES[r.format] : 'unknown format'}
        {r.meta?.source && <> · from {r.meta.source}{r.meta.model ? ` (${r.meta.model})` : ''}</>}
      </p>
      <p className="muted">
        {(r.bytes / 1e6).toFixed(1)} MB · {r.lines} lines · {r.trainSteps} training step{r.trainSteps === 1 ? '' : 's'} in {r.seconds.toFixed(1)} s ·{' '}
        <span data-testid={`import-skipped-${index}`}>{r.skipped} bad line{r.skipped === 1 ? '' : 's'} skipped</span> · {r.duplicates} duplicated steps dropped
        {r.notKept > 0 && <> · {r.notKept} steps of older training steps in the charts only (steps kept: training steps {r.keptTrainSteps.join(', ')})</>}
      </p>
      {!run.imported.tokenLevel && <p className="muted">This file has no token entropies (sequence level): the step views stay empty; the history, group and comparison tables below show it, with GRPO recomputed from the rewards.</p>}
      {run.imported.tokenLevel && Object.values(run.imported.extras)[0]?.magnitude === 'lower-bound' && (
        <p className="muted">The file has no Σπ² (grad_sq): the central chart's ‖e_a − p‖ axis shows its lower bound 1 − π(a) from the log-probs.</p>
      )}
      {r.notes.length > 0 && <ul className="import-notes">{r.notes.slice(0, 5).map((n) => <li key={n}>{n}</li>)}</ul>}
      {r.problems.length > 0 && (
        <details className="import-problems" open={r.problems.length <= 5}>
          <summary>Skipped lines ({r.skipped}{r.skipped > r.problems.length ? `, first ${r.problems.length} listed` : ''})</summary>
          <ul data-testid={`import-problems-${index}`}>
            {r.problems.slice(0, 50).map((p, i) => <li key={i}>{p.file ? `${p.file} ` : ''}line {p.line}: {p.message}</li>)}
          </ul>
        </details>
      )}
    </div>
  );
}

/**
 * k, k_F and ζ for the recomputed EMPG. In the page from the start, hidden until a run is imported: new
 * form fields appearing at the import would make Chromium's autofill lay out the whole document again.
 */
function EmpgSettings({ hidden }: { hidden: boolean }) {
  const empg = useImport((s) => s.empg);
  const [draft, setDraft] = useState(empg);
  const changed = draft.k !== empg.k || draft.kF !== empg.kF || draft.zeta !== empg.zeta;
  const field = (key: keyof typeof draft, label: string) => (
    <label>{label} <input type="number" step="0.05" min="0" value={draft[key]} onChange={(e) => setDraft({ ...draft, [key]: Number(e.target.value) })} /></label>
  );
  return (
    <p className="import-empg" hidden={hidden}>
      EMPG recomputed with {field('k', 'k')} {field('kF', 'k_F')} {field('zeta', 'ζ')}
      <button type="button" disabled={!changed || !Object.values(draft).every((v) => Number.isFinite(v) && v >= 0)} onClick={() => void useImport.getState().reanalyse(draft)}>Recompute</button>
    </p>
  );
}

/** The import panel. */
export function ImportPanel() {
  const latestRuns = useImport((s) => s.runs);
  // The reports and tables walk every imported step: they render in the background, in slices, after
  // the import's own updates (like the training views' deferred run, src/ui/deferredRun.tsx).
  const runs = useDeferredValue(latestRuns);
  const progress = useImport((s) => s.progress);
  const source = useImport((s) => s.source);
  const onScreen = useView((s) => s.shown?.source) === source && source !== null;
  const first = useRef<HTMLInputElement>(null);
  const second = useRef<HTMLInputElement>(null);
  const pick = (input: HTMLInputElement, lane: 0 | 1) => {
    const files = [...(input.files ?? [])];
    input.value = '';
    void useImport.getState().importFiles(files, lane);
  };
  const trySample = async () => {
    const response = await fetch(new URL(SAMPLE_FILE, document.baseURI));
    const blob = await response.blob();
    void useImport.getState().importFiles([new File([blob], SAMPLE_FILE.split('/').at(-1)!)], 0);
  };
  return (
    <section className="import-panel" id="import" data-testid="import-panel" aria-label="Real runs">
      <h2>Real runs: verl, verl-agent, TRL</h2>
      <p className="muted">
        Load rollouts of a real training run: a step file (<code>empg-steps/v1</code>, token level; see docs/IMPORT.md for the verl-agent
        patch that writes it), verl's <code>rollout_data_dir</code> JSONL, or TRL's <code>completions_*.parquet</code>. The file is read in a
        worker, line by line; the views above then show it, with GRPO and EMPG recomputed next to the file's own advantages.
      </p>
      <div className="import-controls">
        <button type="button" data-testid="import-open" onClick={() => first.current?.click()} disabled={progress !== null}>Import a run…</button>
        <button type="button" data-testid="import-open-second" onClick={() => second.current?.click()} disabled={progress !== null || latestRuns.length === 0}>Add a run to compare…</button>
        <button type="button" data-testid="import-sample" onClick={() => void trySample()} disabled={progress !== null}>Try the sample</button>
        <span className="muted">{SAMPLE_LABEL}</span>
        <input ref={first} type="file" multiple hidden accept=".jsonl,.json,.parquet,application/x-ndjson" data-testid="import-file" onChange={(e) => pick(e.target, 0)} />
        <input ref={second} type="file" multiple hidden accept=".jsonl,.json,.parquet,application/x-ndjson" data-testid="import-file-second" onChange={(e) => pick(e.target, 1)} />
      </div>
      {progress && (
        <p className="import-progress">
          Reading {progress.name}: <progress data-testid="import-progress" max={progress.total || 1} value={progress.read} aria-label={`Importing ${progress.name}`} />{' '}
          {progress.total > 0 ? `${Math.round((100 * progress.read) / progress.total)}%` : ''}
        </p>
      )}
      {runs.map((run, i) => <Report key={i} run={run} index={i} />)}
      {runs.length > 0 && (
        <div className="import-actions">
            {!onScreen && <button type="button" onClick={() => void useImport.getState().reanalyse(useImport.getState().empg)}>Show the imported {runs.length === 1 ? 'run' : 'runs'} again</button>}
            {runs.map((run, i) => (
              <button key={i} type="button" data-testid={`import-export-${i}`} disabled={run.exportableSteps === 0}
                title={run.exportableSteps === 0 ? 'A sequence-level file has no tokens to write in the step format' : undefined}
                onClick={() => void exportRun(run, i)}>
                export {i === 0 ? 'A' : 'B'} as empg-steps JSONL
              </button>
            ))}
        </div>
      )}
      <EmpgSettings hidden={runs.length === 0} />
      {runs.length > 0 && <HistoryTable runs={runs} />}
      <GroupView runs={runs} onPick={(lane, iteration, traj) => useRun.getState().select({ lane, iteration, traj, t: 0 })} format={f} />
      {runs.length === 2 && <CompareTable runs={runs} format={f} />}
    </section>
  );
}

async function exportRun(run: ImportedRun, lane: number): Promise<void> {
  const blob = await useImport.getState().exportRun(lane);
  downloadFile(`${run.report.name.replace(/\.[^.]+$/, '')}.empg-steps.jsonl`, blob, 'application/x-ndjson');
}
