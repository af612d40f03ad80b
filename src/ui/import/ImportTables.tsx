/**
 * The import panel's own views: history across training steps (one row per training step, from the
 * whole file), the group view (every sample of one prompt, the file's advantage next to GRPO and EMPG
 * recomputed) and the comparison of two runs on the prompts they share.
 */
import { useState } from 'react';
import type { ImportedRun } from './importStore';
import type { GroupTable } from './importProtocol';

type Format = (x: number | null | undefined, digits?: number) => string;

const METRICS: [string, string][] = [
  ['reward/mean', 'mean reward'], ['env/success_rate', 'success'], ['env/num_turns', 'steps / episode'],
  ['frac_reward_zero_std', 'groups without signal'], ['entropy/step_mean', 'step entropy'], ['import/file_advantage_mean', 'file advantage (mean)'],
];

/** One row per training step of each run. */
export function HistoryTable({ runs }: { runs: ImportedRun[] }) {
  const rows = [...new Set(runs.flatMap((r) => r.imported.lane.history.map((m) => m.iteration)))].sort((a, b) => a - b);
  const at = (run: ImportedRun, step: number) => run.imported.lane.history.find((m) => m.iteration === step);
  const shown = rows.length > 40 ? [...rows.slice(0, 20), ...rows.slice(-20)] : rows;
  return (
    <details className="import-table" data-testid="import-history" open>
      <summary>History across training steps ({rows.length})</summary>
      <div className="import-scroll">
        <table>
          <thead>
            <tr><th>training step</th>{runs.map((_, i) => METRICS.map(([key, label]) => <th key={`${i}${key}`}>{runs.length > 1 ? `${i === 0 ? 'A' : 'B'}: ` : ''}{label}</th>))}</tr>
          </thead>
          <tbody>
            {shown.map((step) => (
              <tr key={step}>
                <td>{step}</td>
                {runs.map((run, i) => METRICS.map(([key]) => <td key={`${i}${key}`}>{at(run, step)?.[key]?.toFixed(3) ?? '–'}</td>))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rows.length > 40 && <p className="muted">First and last 20 training steps; the charts above show them all.</p>}
    </details>
  );
}

function groupsOf(run: ImportedRun, trainStep: number): GroupTable[] {
  return run.groups.filter((g) => g.trainStep === trainStep);
}

function keptSteps(runs: ImportedRun[]): number[] {
  return [...new Set(runs.flatMap((r) => r.groups.map((g) => g.trainStep)))].sort((a, b) => a - b);
}

/**
 * Every sample of one prompt of one training step; a row opens the trajectory in the inspector. In the
 * page from the start, hidden until a run is imported, so that its drop-downs are not new form controls
 * at the import (Chromium's autofill would lay out the whole document again for them).
 */
export function GroupView({ runs, onPick, format: f }: { runs: ImportedRun[]; onPick: (lane: number, iteration: number, traj: number) => void; format: Format }) {
  const steps = keptSteps(runs);
  const [lane, setLane] = useState(0);
  const [trainStep, setTrainStep] = useState<number | null>(null);
  const [group, setGroup] = useState<string | null>(null);
  const run: ImportedRun | undefined = runs[Math.min(lane, runs.length - 1)];
  const step = trainStep !== null && steps.includes(trainStep) ? trainStep : steps.at(-1) ?? 0;
  const groups = run ? groupsOf(run, step) : [];
  const shown = groups.find((g) => g.groupId === group) ?? groups[0];
  const tokenLevel = run?.imported.tokenLevel ?? false;
  return (
    <details className="import-table" data-testid="import-groups" open hidden={!run}>
      <summary>Group view: all samples of a prompt</summary>
      <p className="import-pickers">
        <label hidden={runs.length < 2}>run <select value={lane} onChange={(e) => setLane(Number(e.target.value))}>
          <option value={0}>A</option><option value={1}>B</option>
        </select></label>
        <label>training step <select data-testid="import-group-step" value={step} onChange={(e) => setTrainStep(Number(e.target.value))}>{steps.map((s) => <option key={s} value={s}>{s}</option>)}</select></label>
        <label>prompt <select data-testid="import-group-select" value={shown?.groupId ?? ''} onChange={(e) => setGroup(e.target.value)}>
          {groups.map((g) => <option key={g.groupId} value={g.groupId}>{g.groupId.slice(0, 80)} ({g.samples.length})</option>)}
        </select></label>
      </p>
      {shown && (
        <div className="import-scroll">
          <p className="import-prompt">{shown.groupId}</p>
          <table data-testid="import-group-table">
            <thead><tr><th>sample</th><th>reward</th><th>file advantage</th><th>GRPO</th><th>EMPG (mean over steps)</th><th>step entropy</th><th>steps</th><th>last response</th></tr></thead>
            <tbody>
              {shown.samples.map((s) => (
                <tr key={s.trajId}>
                  <td>{tokenLevel && s.empgMean !== null
                    ? <button type="button" className="linkish" onClick={() => onPick(lane, step, s.traj)}>{s.trajId}</button>
                    : s.trajId}</td>
                  <td>{f(s.reward, 2)}</td><td>{f(s.fileAdvantage)}</td><td>{f(s.grpo)}</td><td>{f(s.empgMean)}</td><td>{f(s.entropy)}</td>
                  <td>{s.steps}</td><td className="import-response">{s.response}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </details>
  );
}

function mean(values: (number | null)[]): number | null {
  const xs = values.filter((v): v is number => v !== null);
  return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null;
}

/** Two runs on the prompts both have, at each run's newest kept training step (or a chosen common one). */
export function CompareTable({ runs, format: f }: { runs: ImportedRun[]; format: Format }) {
  const [a, b] = runs;
  const stepsA = keptSteps([a]);
  const stepsB = keptSteps([b]);
  const common = stepsA.filter((s) => stepsB.includes(s));
  const [choice, setChoice] = useState<string>('latest');
  const pickA = choice === 'latest' ? stepsA.at(-1) ?? 0 : Number(choice);
  const pickB = choice === 'latest' ? stepsB.at(-1) ?? 0 : Number(choice);
  const groupsB = new Map(groupsOf(b, pickB).map((g) => [g.groupId, g]));
  const rows = groupsOf(a, pickA).flatMap((g) => {
    const other = groupsB.get(g.groupId);
    return other ? [{ groupId: g.groupId, a: g, b: other }] : [];
  });
  return (
    <details className="import-table" data-testid="import-compare" open>
      <summary>Run A vs run B on the same prompts ({rows.length} shared)</summary>
      <p className="import-pickers">
        <label>training step <select value={choice} onChange={(e) => setChoice(e.target.value)}>
          <option value="latest">each run's newest (A {stepsA.at(-1)}, B {stepsB.at(-1)})</option>
          {common.map((s) => <option key={s} value={s}>{s}</option>)}
        </select></label>
      </p>
      {rows.length === 0 && <p className="muted">No prompt (group id) is in both runs at these training steps.</p>}
      {rows.length > 0 && (
        <div className="import-scroll">
          <table>
            <thead><tr><th>prompt</th><th>A: mean reward</th><th>B: mean reward</th><th>A: solved</th><th>B: solved</th><th>A: step entropy</th><th>B: step entropy</th><th>A: file adv.</th><th>B: file adv.</th></tr></thead>
            <tbody>
              {rows.slice(0, 200).map((r) => (
                <tr key={r.groupId}>
                  <td className="import-response">{r.groupId.slice(0, 120)}</td>
                  <td>{f(mean(r.a.samples.map((s) => s.reward)), 2)}</td><td>{f(mean(r.b.samples.map((s) => s.reward)), 2)}</td>
                  <td>{r.a.samples.filter((s) => s.reward > 0).length}/{r.a.samples.length}</td><td>{r.b.samples.filter((s) => s.reward > 0).length}/{r.b.samples.length}</td>
                  <td>{f(mean(r.a.samples.map((s) => s.entropy)))}</td><td>{f(mean(r.b.samples.map((s) => s.entropy)))}</td>
                  <td>{f(mean(r.a.samples.map((s) => s.fileAdvantage)))}</td><td>{f(mean(r.b.samples.map((s) => s.fileAdvantage)))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </details>
  );
}
