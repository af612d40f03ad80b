/**
 * The import worker: streams the chosen files through src/import (bounded memory, bad lines reported),
 * analyses the kept training steps with the page's EMPG settings, and answers with the page lane, the
 * group tables and the kept steps in the step format (for the export). Progress at most every 50 ms.
 */
import { analyseRun, feedStream, RunAccumulator, stepLine, type ImportResult } from '../../import';
import type { GroupSample, GroupTable, ImportReply, ImportRequest, ImportReport } from './importProtocol';
import { toImportedLane } from './toRecording';

const post = (reply: ImportReply) => (self as unknown as Worker).postMessage(reply);
const SHORT = 160;

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

self.onmessage = async (event: MessageEvent<ImportRequest>) => {
  const { id, files, empg, lane } = event.data;
  const started = performance.now();
  try {
    const total = files.reduce((a, f) => a + f.size, 0);
    const acc = new RunAccumulator({ keepTrainSteps: 8, maxStepsPerTrainStep: 1024, maxProblems: 200 });
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
    const steps = result.analysed.flatMap((a) => a.steps.flatMap((s) => stepLine(s) ?? []));
    post({ type: 'done', id, imported, report, groups: groupTables(result), steps });
  } catch (error) {
    post({ type: 'error', id, message: error instanceof Error ? error.message : String(error) });
  }
};
