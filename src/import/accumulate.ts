/**
 * Collects a streamed import line by line with bounded memory: it recognises the format from the first
 * record, validates every line (a bad line is reported with its number and skipped, nothing else is
 * lost), drops duplicated steps, keeps the full steps of the most recent training steps only, and keeps
 * per-training-step summaries (one number set per trajectory) for the whole file.
 */
import { looksLikeVerlRow, verlRowSchema, verlRowToStep } from './verl';
import { trlRowToStep } from './trl';
import { describeIssues, stepLineSchema, stepMetaSchema, STEP_FORMAT, type StepMeta } from './stepFormat';
import type { ImportedStep, ImportFormat, ImportProblem } from './records';

/** Limits that keep memory bounded whatever the file's size. */
export interface AccumulateOptions {
  /** Training steps whose full steps are kept (the most recent ones). */
  keepTrainSteps: number;
  /** At most this many steps are kept per training step; further ones only count in the summaries. */
  maxStepsPerTrainStep: number;
  /** At most this many problems are listed (all are counted). */
  maxProblems: number;
}

/** The default limits. */
export const DEFAULT_ACCUMULATE: AccumulateOptions = { keepTrainSteps: 8, maxStepsPerTrainStep: 4096, maxProblems: 200 };

/** What the whole file says about one trajectory (kept for every training step). */
export interface TrajectoryTally {
  groupId: string;
  reward: number;
  steps: number;
}

/** Streaming sums of one training step over all its lines. */
export interface TrainStepTally {
  trainStep: number;
  steps: number;
  tokens: number;
  tokenEntropySum: number;
  stepEntropySum: number;
  stepsWithEntropy: number;
  fileAdvantageSum: number;
  stepsWithAdvantage: number;
  trajectories: Map<string, TrajectoryTally>;
  /** Steps beyond `maxStepsPerTrainStep` that were counted but not kept. */
  notKept: number;
}

/** The result of a whole import. */
export interface AccumulatedRun {
  format: ImportFormat | null;
  meta: StepMeta | null;
  /** Lines (or table rows) read in all files, blank ones included. */
  lines: number;
  /** Lines skipped because they were bad. */
  skipped: number;
  /** Steps dropped because the same (trajectory, step) came again. */
  duplicates: number;
  problems: ImportProblem[];
  /** Every training step, ascending. */
  tallies: TrainStepTally[];
  /** Full steps of the kept training steps, ascending by training step. */
  kept: Map<number, ImportedStep[]>;
}

/** Streams records into an `AccumulatedRun`. */
export class RunAccumulator {
  private format: ImportFormat | null = null;
  private meta: StepMeta | null = null;
  private lines = 0;
  private skipped = 0;
  private duplicates = 0;
  private readonly problems: ImportProblem[] = [];
  private readonly tallies = new Map<number, TrainStepTally>();
  private readonly kept = new Map<number, ImportedStep[]>();
  private readonly seen = new Map<number, Set<string>>();
  /** Training steps whose full steps were dropped for newer ones. */
  private readonly evicted = new Set<number>();
  private readonly rowsPerTrainStep = new Map<number, number>();

  private file: string | undefined;
  private firstOfFile = true;

  constructor(private readonly opts: AccumulateOptions = DEFAULT_ACCUMULATE) {}

  /** Names the file the next lines come from (problems then say which file). */
  beginFile(name: string): void {
    this.file = name;
    this.firstOfFile = true;
  }

  /** Reports a skipped line. */
  private problem(line: number, message: string): void {
    this.skipped++;
    if (this.problems.length < this.opts.maxProblems) this.problems.push(this.file ? { file: this.file, line, message } : { line, message });
  }

  /** Feeds one JSON line of a JSONL file (blank lines are ignored). */
  addLine(text: string, line: number): void {
    this.lines++;
    if (text.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      this.problem(line, `not JSON (${error instanceof Error ? error.message : String(error)})`);
      return;
    }
    if (!value || typeof value !== 'object' || Array.isArray(value)) {
      this.problem(line, 'not a JSON object');
      return;
    }
    const record = value as Record<string, unknown>;
    const firstOfFile = this.firstOfFile;
    this.firstOfFile = false;
    if ('meta' in record && firstOfFile && (this.format === null || this.format === 'empg-steps')) {
      const meta = stepMetaSchema.safeParse(record);
      if (!meta.success) {
        this.problem(line, `meta line: ${describeIssues(meta.error)} (expected "schema": "${STEP_FORMAT}")`);
        return;
      }
      this.format = 'empg-steps';
      this.meta ??= meta.data.meta;
      return;
    }
    if (this.format === null) {
      if ('traj_id' in record && 'tokens' in record) this.format = 'empg-steps';
      else if (looksLikeVerlRow(record)) this.format = 'verl-rollout';
      else if ('completion' in record && 'advantage' in record) this.format = 'trl-completions';
      else {
        this.problem(line, 'neither an empg-steps line (traj_id, tokens, …), a verl rollout row (input, output, score, step) nor a TRL completion row');
        return;
      }
    }
    if (this.format === 'empg-steps') this.addStepLine(record, line);
    else if (this.format === 'verl-rollout') this.addVerlRow(record, line);
    else this.addRow(record, line);
  }

  /** Feeds one row of a TRL completions table (1-based row number). */
  addRow(row: Record<string, unknown>, line: number): void {
    this.format ??= 'trl-completions';
    this.lines++;
    const step = Number(row.step);
    const index = this.nextRowIndex(Number.isInteger(step) ? step : -1);
    const result = trlRowToStep(row, line, index);
    if (typeof result === 'string') this.problem(line, result);
    else this.addStep(result);
  }

  private nextRowIndex(trainStep: number): number {
    const index = this.rowsPerTrainStep.get(trainStep) ?? 0;
    this.rowsPerTrainStep.set(trainStep, index + 1);
    return index;
  }

  private addVerlRow(record: Record<string, unknown>, line: number): void {
    const row = verlRowSchema.safeParse(record);
    if (!row.success) {
      this.problem(line, describeIssues(row.error));
      return;
    }
    this.addStep(verlRowToStep(row.data, line, this.nextRowIndex(row.data.step)));
  }

  private addStepLine(record: Record<string, unknown>, line: number): void {
    if ('meta' in record) {
      this.problem(line, 'a meta line is only allowed as the first line');
      return;
    }
    const parsed = stepLineSchema.safeParse(record);
    if (!parsed.success) {
      this.problem(line, describeIssues(parsed.error));
      return;
    }
    const s = parsed.data;
    const toNats = this.meta?.entropy_unit === 'bit' ? Math.LN2 : 1;
    const extras: ImportedStep['extras'] = {};
    for (const field of ['grad_sq', 'advantage_tokens', 'kl', 'ratio', 'ref_logprob', 'loss_mask', 'keep_mask'] as const) {
      if (s[field]) extras[field] = s[field];
    }
    this.addStep({
      line, trainStep: s.train_step, trajId: s.traj_id, groupId: s.group_id, stepIdx: s.step_idx, numSteps: s.num_steps,
      prompt: s.prompt, response: s.response ?? s.tokens.join(''), tokens: s.tokens,
      entropy: toNats === 1 ? s.entropy : s.entropy.map((h) => h * toNats), logprob: s.logprob,
      outcomeReward: s.outcome_reward, stepReward: s.step_reward, advantage: s.advantage, validAction: s.valid_action, extras,
    });
  }

  /** Adds one valid step: duplicates are dropped, summaries updated, and the step kept if its training step is. */
  addStep(step: ImportedStep): void {
    const key = `${step.trajId}\u0000${step.stepIdx}`;
    let seen = this.seen.get(step.trainStep);
    if (!seen) this.seen.set(step.trainStep, (seen = new Set()));
    if (seen.has(key)) {
      this.duplicates++;
      return;
    }
    seen.add(key);
    let tally = this.tallies.get(step.trainStep);
    if (!tally) {
      tally = {
        trainStep: step.trainStep, steps: 0, tokens: 0, tokenEntropySum: 0, stepEntropySum: 0, stepsWithEntropy: 0,
        fileAdvantageSum: 0, stepsWithAdvantage: 0, trajectories: new Map(), notKept: 0,
      };
      this.tallies.set(step.trainStep, tally);
    }
    tally.steps++;
    if (step.entropy && step.entropy.length > 0) {
      let sum = 0;
      for (const h of step.entropy) sum += h;
      tally.tokens += step.entropy.length;
      tally.tokenEntropySum += sum;
      tally.stepEntropySum += sum / step.entropy.length;
      tally.stepsWithEntropy++;
    }
    if (step.advantage !== null) {
      tally.fileAdvantageSum += step.advantage;
      tally.stepsWithAdvantage++;
    }
    const traj = tally.trajectories.get(step.trajId);
    if (traj) traj.steps++;
    else tally.trajectories.set(step.trajId, { groupId: step.groupId, reward: step.outcomeReward, steps: 1 });
    this.keep(step, tally);
  }

  private keep(step: ImportedStep, tally: TrainStepTally): void {
    if (this.evicted.has(step.trainStep)) {
      tally.notKept++;
      return;
    }
    let list = this.kept.get(step.trainStep);
    if (!list) {
      // A newer training step arrives: the oldest kept one (if over the limit) gives its steps up.
      const keptSteps = [...this.kept.keys(), step.trainStep].sort((a, b) => a - b);
      if (keptSteps.length > this.opts.keepTrainSteps && keptSteps[0] === step.trainStep) {
        this.evicted.add(step.trainStep);
        tally.notKept++;
        return;
      }
      this.kept.set(step.trainStep, (list = []));
      if (keptSteps.length > this.opts.keepTrainSteps) {
        const oldest = keptSteps[0];
        this.tallies.get(oldest)!.notKept += this.kept.get(oldest)!.length;
        this.kept.delete(oldest);
        this.evicted.add(oldest);
      }
    }
    if (list.length >= this.opts.maxStepsPerTrainStep) tally.notKept++;
    else list.push(step);
  }

  /** The run as read so far. */
  finish(): AccumulatedRun {
    const tallies = [...this.tallies.values()].sort((a, b) => a.trainStep - b.trainStep);
    const kept = new Map([...this.kept].sort((a, b) => a[0] - b[0]));
    return {
      format: this.format, meta: this.meta, lines: this.lines, skipped: this.skipped, duplicates: this.duplicates,
      problems: this.problems, tallies, kept,
    };
  }
}
