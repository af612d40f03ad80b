import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { empgAdvantages } from '../core/empg';
import {
  analyseRun, feedStream, importText, LineSplitter, RunAccumulator, stepLine, stepLineSchema, type ImportResult,
} from './index';

const fixture = (name: string) => new URL(`./__fixtures__/${name}`, import.meta.url);
const text = (name: string) => readFileSync(fixture(name), 'utf8');
const EMPG = { k: 1, kF: 1, zeta: 0.1 };

function streamOf(bytes: Uint8Array, chunk = 7): ReadableStream<Uint8Array> {
  let at = 0;
  return new ReadableStream({
    pull(controller) {
      if (at >= bytes.length) controller.close();
      else controller.enqueue(bytes.slice(at, (at += chunk)));
    },
  });
}

describe('LineSplitter', () => {
  it('numbers lines across chunk borders, CRLF endings, a BOM and a last line without newline', () => {
    const lines: [string, number][] = [];
    const s = new LineSplitter((line, n) => lines.push([line, n]));
    for (const chunk of ['\ufeffab', 'c\r\nde', 'f\n\nlast']) s.push(chunk);
    s.end();
    expect(lines).toEqual([['abc', 1], ['def', 2], ['', 3], ['last', 4]]);
  });
});

describe('empg-steps/v1 (verl-agent patch output)', () => {
  const run = importText(text('verl-agent-empg-steps.jsonl'));
  const result = analyseRun(run, EMPG);

  it('reads the meta line and every step', () => {
    expect(run.format).toBe('empg-steps');
    expect(run.meta?.source).toBe('verl-agent');
    expect(run.skipped).toBe(0);
    expect(run.tallies.map((t) => [t.trainStep, t.steps, t.trajectories.size])).toEqual([[12, 8, 4]]);
  });

  it('recomputes GRPO equal to the file’s advantages and EMPG exactly as src/core/empg.ts', () => {
    const [step] = result.analysed;
    for (const a of step.steps) expect(a.grpo).toBeCloseTo(a.step.advantage!, 6);
    const direct = empgAdvantages(step.steps.map((a) => ({ traj: a.traj, t: a.step.stepIdx, tokenEntropies: a.step.entropy!, outcomeAdvantage: a.grpo })), EMPG);
    step.steps.forEach((a, i) => {
      expect(a.empg?.advantage).toBe(direct.advantage[i]);
      expect(a.empg?.g).toBe(direct.g[i]);
    });
    // The last step of every trajectory gets no future-clarity bonus.
    const last = step.steps.filter((a) => a.step.stepIdx === step.trajectories[a.traj].length - 1);
    expect(last.every((a) => a.empg!.bonus === 0)).toBe(true);
    expect(step.notes).toEqual([]);
  });

  it('keeps the extra per-token fields and writes them back out in the same format', () => {
    const a = result.analysed[0].steps[0];
    expect(Object.keys(a.step.extras).sort()).toEqual(['kl', 'loss_mask', 'ratio']);
    const line = JSON.parse(stepLine(a)!);
    const back = stepLineSchema.parse(line);
    expect(back.tokens).toEqual(a.step.tokens);
    expect(back.kl).toEqual(a.step.extras.kl);
    expect(back.empg_advantage).toBe(a.empg!.advantage);
  });

  it('charts the training step from the whole file', () => {
    const [m] = result.history;
    expect(m.iteration).toBe(12);
    expect(m['env/success_rate']).toBe(0.5);
    expect(m['env/num_turns']).toBe(2);
    expect(m['empg/g_mean']).toBeCloseTo(1, 6);
  });
});

describe('bad lines', () => {
  it('are reported by line number and skipped; the good ones all arrive', () => {
    const lines = text('verl-agent-empg-steps.jsonl').trimEnd().split('\n');
    lines.splice(3, 0, '{"traj_id": "x", "tokens": ["a"], "entropy": [0.1, 0.2]');
    lines.splice(5, 0, '{"traj_id": "x", "group_id": "g", "step_idx": 0, "tokens": ["a"], "entropy": [0.1, 0.2], "logprob": [-1], "outcome_reward": 0, "advantage": 0}');
    lines.splice(6, 0, '[1, 2]');
    const run = importText(lines.join('\n'));
    expect(run.problems.map((p) => p.line)).toEqual([4, 6, 7]);
    expect(run.problems[0].message).toMatch(/not JSON/);
    expect(run.problems[1].message).toMatch(/entropy: has 2 values for 1 tokens/);
    expect(run.problems[2].message).toMatch(/not a JSON object/);
    expect(run.skipped).toBe(3);
    expect(run.tallies[0].steps).toBe(8);
  });

  it('drops a duplicated step (verl-agent adjust_batch copies) and counts it', () => {
    const lines = text('verl-agent-empg-steps.jsonl').trimEnd().split('\n');
    const run = importText([...lines, lines[2]].join('\n'));
    expect(run.duplicates).toBe(1);
    expect(run.tallies[0].steps).toBe(8);
  });

  it('says when a trajectory misses a step and leaves it out of EMPG only', () => {
    const lines = text('verl-agent-empg-steps.jsonl').trimEnd().split('\n');
    const run = importText(lines.filter((_, i) => i !== 1).join('\n'));
    const [step] = analyseRun(run, EMPG).analysed;
    expect(step.notes[0]).toMatch(/1 trajectory misses a step/);
    expect(step.steps.filter((a) => a.empg === null).map((a) => a.step.trajId)).toEqual(['t-a1', 't-a1']);
  });
});

describe('verl rollout_data_dir dump', () => {
  const run = importText(text('verl-rollout/12.jsonl'));
  const result: ImportResult = analyseRun(run, EMPG);

  it('groups the rows by prompt text (the dump has no uid) and recomputes GRPO', () => {
    expect(run.format).toBe('verl-rollout');
    const [step] = result.analysed;
    expect(step.trainStep).toBe(12);
    expect(step.trajectories.map((t) => t.group)).toEqual([0, 0, 1, 1]);
    const byOutput = new Map(step.steps.map((a) => [a.step.response.slice(0, 8), a.grpo]));
    expect(byOutput.get('In May s')).toBeCloseTo(1 / Math.SQRT2, 5);
    expect(byOutput.get('She earn')).toBeCloseTo(-1 / Math.SQRT2, 5);
    expect(step.steps.every((a) => a.empg === null && a.step.advantage === null)).toBe(true);
    expect(step.notes[0]).toMatch(/no token entropies/);
  });

  it('keeps the numeric reward-extra columns of batch length', () => {
    expect(run.kept.get(12)![0].columns).toEqual({});
    expect(run.kept.get(12)![0].groupId).toMatch(/^system\n/);
  });
});

describe('TRL GRPOTrainer completions parquet', () => {
  it('reads the table, sums the reward columns (NaN adds nothing) and matches TRL’s advantages', async () => {
    const bytes = new Uint8Array(readFileSync(fixture('trl-completions/completions_00005.parquet')));
    const acc = new RunAccumulator();
    const seen: number[] = [];
    await feedStream(acc, streamOf(bytes, 100), (read) => seen.push(read));
    expect(seen.at(-1)).toBe(bytes.length);
    const result = analyseRun(acc.finish(), EMPG);
    expect(result.run.format).toBe('trl-completions');
    const [step] = result.analysed;
    expect(step.trainStep).toBe(5);
    expect(step.steps).toHaveLength(6);
    const melbourne = step.steps.find((a) => a.step.response.endsWith('Melbourne'))!;
    expect(melbourne.step.outcomeReward).toBe(1);
    for (const a of step.steps) expect(a.grpo).toBeCloseTo(a.step.advantage!, 9);
  });

  it('streams JSON lines in small chunks with the same result as at once', async () => {
    const raw = readFileSync(fixture('verl-agent-empg-steps.jsonl'));
    const acc = new RunAccumulator();
    await feedStream(acc, streamOf(new Uint8Array(raw), 5));
    const streamed = acc.finish();
    const whole = importText(raw.toString('utf8'));
    expect([...streamed.kept.get(12)!]).toEqual([...whole.kept.get(12)!]);
  });
});

describe('bounded memory', () => {
  it('keeps the steps of the most recent training steps only, and tallies all', () => {
    const lines: string[] = [];
    for (const trainStep of [3, 1, 2, 5, 4]) {
      for (let i = 0; i < 3; i++) {
        lines.push(JSON.stringify({ train_step: trainStep, traj_id: `${trainStep}-${i}`, group_id: 'g', step_idx: 0, tokens: ['a'], entropy: [0.5], logprob: [-0.5], outcome_reward: i, advantage: 0 }));
      }
    }
    const run = importText(lines.join('\n'), { keepTrainSteps: 2, maxStepsPerTrainStep: 2, maxProblems: 10 });
    expect([...run.kept.keys()]).toEqual([4, 5]);
    expect(run.kept.get(5)).toHaveLength(2);
    expect(run.tallies.map((t) => t.steps)).toEqual([3, 3, 3, 3, 3]);
    expect(run.tallies.map((t) => t.notKept)).toEqual([3, 3, 3, 1, 1]);
  });
});

describe('the playground’s own export (public/samples, written by npm run cli -- export-steps)', () => {
  it('re-imports without a bad line, and EMPG recomputed from it gives back the advantages its update used', () => {
    const raw = readFileSync(new URL('../../public/samples/alfworld-empg-steps.jsonl', import.meta.url), 'utf8');
    const run = importText(raw);
    expect(run.format).toBe('empg-steps');
    expect(run.meta?.source).toBe('empg-playground');
    expect(run.skipped).toBe(0);
    const result = analyseRun(run, { k: 1, kF: 1, zeta: 0.1 });
    let steps = 0;
    for (const a of result.analysed) {
      expect(a.notes).toEqual([]);
      for (const s of a.steps) {
        // The file rounds entropies to 6 significant digits; the advantages agree to that precision.
        expect(Math.abs(s.empg!.advantage - s.step.advantage!)).toBeLessThan(1e-4);
        steps++;
      }
    }
    expect(steps).toBe(run.tallies.reduce((n, t) => n + t.steps, 0));
    // A different ζ gives different advantages: the comparison can fail.
    const other = analyseRun(run, { k: 1, kF: 1, zeta: 0.5 }).analysed[0].steps;
    expect(other.some((s) => Math.abs(s.empg!.advantage - s.step.advantage!) > 1e-3)).toBe(true);
  });
});
