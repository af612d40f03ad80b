/**
 * The import worker: streams the chosen files through src/import (bounded memory, bad lines reported),
 * analyses the kept training steps with the page's EMPG settings, and answers with the page lane, the
 * group tables and the kept steps in the step format (for the export). Progress at most every 50 ms.
 */
import { analyseRun, feedStream, RunAccumulator, stepLine, type ImportResult } from '../../import';
import { PART_STEPS, type GroupSample, type GroupTable, type ImportReply, type ImportRequest, type ImportReport } from './importProtocol';
import { extrasKey, toImportedLane } from './toRecording';

const post = (reply: ImportReply) => (self as unknown as Worker).postMessage(reply);
const SHORT = 160;
/** Training steps whose steps the page keeps for its step views (as many as it keeps of its own runs, at most). */
const KEEP_TRAIN_STEPS = 4;

function groupTables(result: ImportResult): GroupTable[] {
  return result.analysed.flatMap((a) => {
    const byGroup = new Map<string, GroupSample[]>();
    for (const t of a.trajectories) {
      const steps = a.steps.filter((s) => s.traj === t.id);
      const empg = steps.flatMap((s) => (s.empg ? [s.empg] : []));
      const sample: GroupSample = {
        traj: t.id, trajId: t.trajId, reward: t.reward, fileAdvantage: steps[0]?.step.advantage ?? null, grpo: steps[0]?.grpo ?? 0,
        empgMean: empg.length === steps.length && empg.length > 0 ? empg.reduce((x, e) => x + e.advantage, 0) / empg.length : null,
        entropy: empg.length === steps.length && empg.length > 0 ? empg.reduce((x, e) => x + e.entropy, 0) / empg.length : null,
        steps: steps.length, response: (steps.at(-1)?.step.response ?? '').slice(0, SHORT),
      };
      byGroup.set(t.groupId, [...(byGroup.get(t.groupId) ?? []), sample]);
    }
    return [...byGroup].map(([groupId, samples]) => ({ trainStep: a.trainStep, groupId, samples }));
  });
}

/** The last run read for each lane, kept for its export. */
const results = new Map<number, ImportResult>();

function exportSteps(id: number, lane: number, meta: Record<string, unknown>): void {
  const result = results.get(lane);
  if (!result) {
    post({ type: 'error', id, message: `no imported run in lane ${lane + 1}` });
    return;
  }
  const parts: string[] = [JSON.stringify({ meta }) + '\n'];
  for (const a of result.analysed) for (const s of a.steps) {
    const line = stepLine(s);
    if (line) parts.push(line + '\n');
  }
  post({ type: 'exported', id, blob: new Blob(parts, { type: 'application/x-ndjson' }) });
}

self.onmessage = async (event: MessageEvent<ImportRequest>) => {
  if (event.data.type === 'export') {
    exportSteps(event.data.id, event.data.lane, event.data.meta);
    return;
  }
  const { id, files, empg, lane } = event.data;
  const started = performance.now();
  try {
    const total = files.reduce((a, f) => a + f.size, 0);
    const acc = new RunAccumulator({ keepTrainSteps: KEEP_TRAIN_STEPS, maxStepsPerTrainStep: 1024, maxProblems: 200 });
    let before = 0;
    let lastPost = 0;
    for (const file of files) {
      if (files.length > 1) acc.beginFile(file.name);
      await feedStream(acc, file.stream(), (read) => {
        const now = performance.now();
        if (now - lastPost >= 50) {
          lastPost = now;
          post({ type: 'progress', id, read: before + read, total });
        }
      });
      before += file.size;
    }
    post({ type: 'progress', id, read: total, total });
    const run = acc.finish();
    if (run.format === null) throw new Error(`no line of ${files.map((f) => f.name).join(', ')} is an empg-steps step, a verl rollout row or a TRL completion${run.problems[0] ? ` (line ${run.problems[0].line}: ${run.problems[0].message})` : ''}`);
    const result = analyseRun(run, empg);
    const name = files.length === 1 ? files[0].name : `${files[0].name} + ${files.length - 1} more`;
    const imported = toImportedLane(result, name, empg, lane);
    const report: ImportReport = {
      name, format: run.format, meta: run.meta, bytes: total, lines: run.lines, skipped: run.skipped, duplicates: run.duplicates,
      problems: run.problems, notKept: run.tallies.reduce((a, t) => a + t.notKept, 0), trainSteps: run.tallies.length,
      keptTrainSteps: [...run.kept.keys()], notes: [...new Set(result.analysed.flatMap((a) => a.notes.map((n) => `training step ${a.trainStep}: ${n}`)))],
      seconds: (performance.now() - started) / 1000,
    };
    results.set(lane, result);
    for (const record of imported.lane.recent) {
      for (let at = 0; at < Math.max(1, record.steps.length); at += PART_STEPS) {
        const steps = record.steps.slice(at, at + PART_STEPS);
        const extras = Object.fromEntries(steps.map((s) => {
          const key = extrasKey(lane, record.iteration, s.traj, s.t);
          return [key, imported.extras[key]];
        }));
        post({ type: 'part', id, iteration: record.iteration, steps, trajectories: at === 0 ? record.trajectories : [], extras });
        // A pause between parts leaves the page's main thread free between them.
        await new Promise((resolve) => setTimeout(resolve, 4));
      }
    }
    const exportableSteps = result.analysed.reduce((n, a) => n + a.steps.filter((s) => s.step.tokens).length, 0);
    post({ type: 'done', id, imported: { ...imported, lane: { ...imported.lane, recent: [] }, extras: {} }, report, groups: groupTables(result), exportableSteps });
  } catch (error) {
    post({ type: 'error', id, message: error instanceof Error ? error.message : String(error) });
  }
};
