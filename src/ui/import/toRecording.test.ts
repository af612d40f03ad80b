import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyseRun, importText } from '../../import';
import { extrasKey, fullTrajectory, toImportedLane } from './toRecording';

const EMPG = { k: 1, kF: 1, zeta: 0.1 };
const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');

describe('toImportedLane', () => {
  it('gives the views EMPG recomputed, tokens through the vocabulary and the exact magnitude from Σπ²', () => {
    const result = analyseRun(importText(read('../../../public/samples/alfworld-empg-steps.jsonl')), EMPG);
    const { lane, extras, tokenLevel } = toImportedLane(result, 'sample.jsonl', EMPG, 0);
    expect(tokenLevel).toBe(true);
    expect(lane.history.map((m) => m.iteration)).toEqual([1, 2, 3]);
    const record = lane.recent[0];
    const analysed = result.analysed[0].steps;
    expect(record.steps).toHaveLength(analysed.length);
    record.steps.forEach((view, i) => {
      const a = analysed[i];
      expect(view.tokens.map((id) => lane.vocabulary[id])).toEqual(a.step.tokens);
      expect(view.finalAdvantage).toBe(a.empg!.advantage);
      expect(view.outcomeAdvantage).toBe(a.grpo);
      const gradSq = a.step.extras.grad_sq!;
      expect(view.logitNorm).toBeCloseTo(gradSq.reduce((s, x) => s + Math.sqrt(x), 0) / gradSq.length, 12);
      expect(extras[extrasKey(0, record.iteration, view.traj, view.t)]).toMatchObject({ fileAdvantage: a.step.advantage, magnitude: 'exact' });
    });
    for (const summary of record.trajectories) {
      const full = fullTrajectory(record, 0, extras, summary.id)!;
      expect(full).toMatchObject({ id: summary.id, group: summary.group, won: summary.won });
      expect(full.steps.map((s) => s.t)).toEqual([...Array(summary.length).keys()]);
      expect(full.steps.map((s) => s.tokens)).toEqual(record.steps.filter((s) => s.traj === summary.id).sort((a, b) => a.t - b.t).map((s) => s.tokens));
    }
    expect(fullTrajectory(record, 0, extras, record.trajectories[0].id)!.steps[0].observation).toContain('Welcome to TextWorld');
    expect(fullTrajectory(record, 0, extras, -1)).toBeUndefined();
  });

  it('falls back to the lower bound 1 − π(a) without Σπ², and keeps a sequence-level file out of the step views', () => {
    const steps = analyseRun(importText(read('../../import/__fixtures__/verl-agent-empg-steps.jsonl')), EMPG);
    const { lane, extras } = toImportedLane(steps, 'a.jsonl', EMPG, 1);
    const view = lane.recent[0].steps[0];
    const lp = steps.analysed[0].steps[0].step.logprob!;
    expect(view.logitNorm).toBeCloseTo(lp.reduce((s, x) => s + 1 - Math.exp(x), 0) / lp.length, 12);
    expect(extras[extrasKey(1, 12, view.traj, view.t)].magnitude).toBe('lower-bound');
    const verl = toImportedLane(analyseRun(importText(read('../../import/__fixtures__/verl-rollout/12.jsonl')), EMPG), 'v.jsonl', EMPG, 0);
    expect(verl.tokenLevel).toBe(false);
    expect(verl.lane.recent).toEqual([]);
    expect(verl.lane.history[0]['reward/mean']).toBe(0.5);
  });
});
