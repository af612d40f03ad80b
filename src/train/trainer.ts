/**
 * The Trainer: one object that owns a policy, its optimizer and the run's random streams, and advances
 * training one iteration at a time. `step()` is the only entry that trains:
 *
 *   sample B tasks → roll out G copies each (DAPO: resample groups without reward variance)
 *   → measure per-step gradient sizes → advantages (GRPO/DAPO, ± EMPG) → clipped-surrogate update
 *   → metrics and per-step records (plain data, safe to post to the page)
 *
 * Inside an iteration, `step(hooks)` reports progress and can be stopped, at points where stopping is
 * safe: before each lockstep step of the rollout, before the update, and between the update's
 * minibatches. Stopping *abandons* the iteration: the weights, Adam's state and every random stream go
 * back to where the iteration began, so the next `step()` runs exactly the iteration that was stopped.
 * Nothing in between is kept, because nothing in between is a sound result — a partly collected batch
 * lacks the long episodes (groups' statistics and EMPG's batch-wide entropy normalisation would be
 * computed on a biased subset), and a partly applied update is a state that no uninterrupted run passes
 * through, and that the metrics of no iteration describe.
 */
import * as tf from '@tensorflow/tfjs';
import { phase, phaseAsync } from '../core/phases';
import { actionVerb, premiseMetrics, progressPremiseMetrics } from '../core/premise';
import { createRng, restoreRng, type Rng } from '../core/prng';
import { mean, pearson, std, wilsonInterval } from '../core/stats';
import { MODEL_SIZES, PolicyModel, type ModelConfig, type NamedWeight } from '../policy/model';
import { Tokenizer } from '../policy/tokenizer';
import { decodeWeights, encodeWeights, modelConfigOf, type Checkpoint, CHECKPOINT_FORMAT, CHECKPOINT_VERSION } from './checkpoint';
import {
  effectiveClipHigh, effectiveContext, effectiveKlCoef, maxActionTokens, type TrainConfig,
} from './config';
import { parameterGradientNorms } from './gradNorms';
import { rollout, type RolloutOptions, type RolloutProgress, type Trajectory } from './rollout';
import { chunkTasks, tasksPerRollout } from './rolloutBudget';
import { computeStepAdvantages } from './stepAdvantages';
import { createTaskSource, type TaskSource } from './tasks';
import { TRAINER_STATE_VERSION, type TrainerState } from './trainerState';
import { ppoUpdate } from './update';

/** Per-iteration scalars, named as in docs/METRICS.md. */
export type Metrics = Record<string, number>;

/** One step of the batch as the page shows it (plain data). */
export interface StepView {
  traj: number;
  t: number;
  group: number;
  success: boolean;
  action: string;
  tokens: number[];
  tokenEntropies: number[];
  entropy: number;
  normalized: number;
  g: number;
  bonus: number;
  /** A(τ): what plain GRPO/DAPO gives every step of the trajectory. */
  outcomeAdvantage: number;
  /** The advantage the update used (A_final with EMPG). */
  finalAdvantage: number;
  /** Mean over the step's tokens of ‖e_a − p‖. */
  logitNorm: number;
  /** ‖∇θ log π(y_t | s_t)‖, or null when the step was not in the measured sample. */
  paramNorm: number | null;
}

/** The fewest steps of a batch the step-level premise check labels with the oracle (whole groups, so a few more). */
export const PROGRESS_SAMPLE_STEPS = 400;

/** What one iteration produced. */
export interface IterationResult {
  iteration: number;
  metrics: Metrics;
  steps: StepView[];
  trajectories: Trajectory[];
}

/** A greedy evaluation on held-out tasks. */
export interface EvalResult {
  episodes: number;
  successes: number;
  successRate: number;
  /** 95% Wilson interval of the success rate. */
  interval: [number, number];
  meanTurns: number;
}

/** Where a running iteration is (see the file comment). */
export type IterationProgress =
  /** The rollout is about to take a lockstep step; `round` > 0 counts DAPO's resampling rounds. */
  | ({ phase: 'rollout'; round: number } & RolloutProgress)
  /** The rollout is done; the update comes next (after the gradient-size diagnostics). */
  | { phase: 'update'; minibatch: 0; minibatches: number }
  /** `minibatch` optimizer steps of `minibatches` are applied. */
  | { phase: 'update'; minibatch: number; minibatches: number };

/** What the caller of `step` can do while the iteration runs (the CLI passes nothing). */
export interface IterationHooks {
  /** Called, and awaited, at every safe point: before each rollout step, before the update, after each minibatch. */
  progress?(progress: IterationProgress): void | Promise<void>;
  /** Asked at every safe point, after `progress`: true abandons the iteration there. */
  shouldStop?(): boolean;
}

/** Thrown by `step` when `shouldStop` abandoned the iteration; the trainer is as it was before it. */
export class IterationAbandoned extends Error {
  constructor(readonly at: IterationProgress) {
    super(`iteration abandoned at ${at.phase === 'rollout' ? `rollout step ${at.step}` : `update minibatch ${at.minibatch}`}`);
    this.name = 'IterationAbandoned';
  }
}

/** How a trainer starts. */
export interface TrainerInit {
  /** Start from these weights (and their tokenizer); otherwise a fresh model from the config's seed. */
  checkpoint?: Checkpoint;
  /** Name of the active backend, recorded in checkpoints. */
  backend?: string;
}

/** Owns the policy and trains it (see the file comment). */
export class Trainer {
  config: TrainConfig;
  readonly tokenizer: Tokenizer;
  readonly model: PolicyModel;
  readonly source: TaskSource;
  iteration = 0;
  private optimizer: tf.AdamOptimizer;
  private reference: PolicyModel | null = null;
  private readonly initialWeights: Checkpoint['weights'] | null;
  private taskRng: Rng;
  private sampleRng: Rng;
  private updateRng: Rng;
  private readonly backend: string;
  private readonly origin: string;

  private constructor(config: TrainConfig, tokenizer: Tokenizer, model: PolicyModel, source: TaskSource, init: TrainerInit) {
    this.config = config;
    this.tokenizer = tokenizer;
    this.model = model;
    this.source = source;
    this.backend = init.backend ?? tf.getBackend();
    this.origin = init.checkpoint ? `${init.checkpoint.origin ?? 'checkpoint'} + train` : 'train';
    this.initialWeights = init.checkpoint?.weights ?? null;
    this.optimizer = tf.train.adam(config.lr, 0.9, 0.999, config.adamEpsilon);
    const root = createRng(config.seed);
    this.taskRng = root.fork('tasks');
    this.sampleRng = root.fork('sampling');
    this.updateRng = root.fork('minibatches');
  }

  /** Builds a trainer: the environment's task source, the tokenizer and a model (fresh or from a checkpoint). */
  static async create(config: TrainConfig, init: TrainerInit = {}): Promise<Trainer> {
    const source = createTaskSource(config.env, config.preset);
    let tokenizer: Tokenizer;
    let modelConfig: ModelConfig;
    if (init.checkpoint) {
      if (init.checkpoint.env !== config.env) throw new Error(`the checkpoint is for ${init.checkpoint.env}, not ${config.env}`);
      tokenizer = Tokenizer.fromJSON(init.checkpoint.tokenizer);
      modelConfig = modelConfigOf(init.checkpoint);
    } else {
      tokenizer = Tokenizer.fromTexts(source.vocabularyTexts());
      modelConfig = { ...MODEL_SIZES[config.modelSize], vocabSize: tokenizer.size, context: effectiveContext(config) };
    }
    const model = new PolicyModel(modelConfig, config.seed);
    if (init.checkpoint) model.setWeights(decodeWeights(init.checkpoint.weights));
    const trainer = new Trainer(config, tokenizer, model, source, init);
    if (effectiveKlCoef(config) > 0) await trainer.ensureReference();
    return trainer;
  }

  /** Applies settings that do not change the model's shape (learning rate, EMPG knobs, batch sizes, …). */
  async reconfigure(config: TrainConfig): Promise<void> {
    const structural = (['env', 'preset', 'modelSize', 'context'] as const).filter((key) => config[key] !== this.config[key]);
    if (structural.length) throw new Error(`changing ${structural.join(', ')} needs a reset`);
    if (config.lr !== this.config.lr || config.adamEpsilon !== this.config.adamEpsilon) {
      // Adam keeps its moments in variables keyed by the model's; a new optimizer restarts them.
      this.optimizer.dispose();
      this.optimizer = tf.train.adam(config.lr, 0.9, 0.999, config.adamEpsilon);
    }
    this.config = config;
    if (effectiveKlCoef(config) > 0) await this.ensureReference();
  }

  private async ensureReference(): Promise<void> {
    if (this.reference) return;
    this.reference = new PolicyModel(this.model.config, this.config.seed);
    this.reference.setWeights(this.initialWeights ? decodeWeights(this.initialWeights) : await this.model.getWeights());
  }

  private rolloutOptions(greedy: boolean, copies: number, split: 'train' | 'test'): RolloutOptions {
    return {
      split, copies, greedy,
      maxSteps: Math.min(this.config.maxSteps ?? this.source.stepLimit, this.source.stepLimit),
      temperature: this.config.temperature,
      masked: this.config.decoding === 'masked',
      maxActionTokens: maxActionTokens(this.config.env),
      context: this.model.config.context,
      invalidPenalty: this.config.invalidPenalty,
    };
  }

  private sampleTasks(count: number, firstGroup: number) {
    return Array.from({ length: count }, (_, i) => ({ taskSeed: this.taskRng.int(1_000_000_000), group: firstGroup + i }));
  }

  /**
   * The steps of whole task groups, in batch order, until at least PROGRESS_SAMPLE_STEPS are taken, each with
   * whether it made progress by the environment's oracle (`TaskSource.progress`). A sample, because the
   * oracle plans from every state a rollout reaches (~0.1–0.4 ms a step here).
   */
  private labelProgress(batch: readonly Trajectory[], steps: readonly StepView[]): { entropy: number; verb: string; progress: boolean | null }[] {
    const groups: number[] = [];
    let taken = 0;
    for (const traj of batch) {
      if (groups.includes(traj.group)) continue;
      if (taken >= PROGRESS_SAMPLE_STEPS) break;
      groups.push(traj.group);
      taken += batch.filter((t) => t.group === traj.group).reduce((n, t) => n + t.steps.length, 0);
    }
    const sample = batch.filter((t) => groups.includes(t.group));
    const labels = this.source.progress!(sample.map((t) => ({ taskSeed: t.taskSeed, actions: t.steps.map((step) => step.action) })), 'train');
    const byStep = new Map(steps.map((s) => [`${s.traj}:${s.t}`, s]));
    return sample.flatMap((traj, i) => traj.steps.map((step, j) => {
      const view = byStep.get(`${traj.id}:${step.t}`)!;
      return { entropy: view.entropy, verb: actionVerb(view.action), progress: labels[i][j] };
    }));
  }

  /** A training rollout, in chunks of task groups when one call would exceed the memory budget (src/train/rolloutBudget.ts). */
  private async boundedRollout(
    tasks: ReturnType<Trainer['sampleTasks']>, options: RolloutOptions, beforeStep?: (progress: RolloutProgress) => Promise<void>,
  ): Promise<Trajectory[]> {
    const out: Trajectory[] = [];
    const episodes = tasks.length * options.copies;
    for (const chunk of chunkTasks(tasks, tasksPerRollout(this.model.config, options.copies))) {
      const before = out.length;
      // Chunks run one after the other: count the episodes of the whole call.
      const part = await rollout(this.model, this.tokenizer, this.source, chunk, options, this.sampleRng,
        beforeStep && ((p) => beforeStep({ ...p, finished: before + p.finished, episodes })));
      out.push(...part.map((t) => ({ ...t, id: out.length + t.id })));
    }
    return out;
  }

  /**
   * Runs one full iteration and returns its metrics and per-step records. With `hooks`, reports progress
   * and may be abandoned at a safe point (throws `IterationAbandoned`; see the file comment).
   */
  async step(hooks: IterationHooks = {}): Promise<IterationResult> {
    if (!hooks.shouldStop) return this.iterate(hooks);
    const streams = [this.taskRng, this.sampleRng, this.updateRng].map((rng) => rng.state());
    let beforeUpdate: TrainerState | null = null;
    try {
      return await this.iterate({
        ...hooks,
        // The update is the first thing that changes the weights and Adam: keep a copy to go back to.
        progress: async (progress) => {
          if (progress.phase === 'update' && progress.minibatch === 0) beforeUpdate = await this.saveState();
          await hooks.progress?.(progress);
        },
      });
    } catch (error) {
      if (error instanceof IterationAbandoned) {
        if (beforeUpdate) await this.loadState(beforeUpdate);
        [this.taskRng, this.sampleRng, this.updateRng] = streams.map(restoreRng);
      }
      throw error;
    }
  }

  private async iterate(hooks: IterationHooks): Promise<IterationResult> {
    const c = this.config;
    const started = performance.now();
    const checkpoint = async (progress: IterationProgress) => {
      await hooks.progress?.(progress);
      if (hooks.shouldStop?.()) throw new IterationAbandoned(progress);
    };
    const rolloutRound = (round: number) => (progress: RolloutProgress) => checkpoint({ phase: 'rollout', round, ...progress });

    // 1. Rollout: B tasks × G copies; DAPO replaces groups whose rewards all agree.
    const options = this.rolloutOptions(false, c.groupSize, 'train');
    let all = await phaseAsync('rollout', () => this.boundedRollout(this.sampleTasks(c.tasksPerIteration, 0), options, rolloutRound(0)));
    let batch = all;
    let resampleRounds = 0;
    if (c.algorithm === 'dapo') {
      const keep = (ts: Trajectory[]) => ts.filter((t) => hasSignal(ts, t.group));
      batch = keep(all);
      let nextGroup = c.tasksPerIteration;
      while (countGroups(batch) < c.tasksPerIteration && resampleRounds < c.dapoMaxResampleRounds) {
        resampleRounds++;
        const extra = await this.boundedRollout(this.sampleTasks(c.tasksPerIteration - countGroups(batch), nextGroup), options, rolloutRound(resampleRounds));
        nextGroup += c.tasksPerIteration;
        all = [...all, ...extra];
        batch = [...batch, ...keep(extra)];
      }
      const groups = [...new Set(batch.map((t) => t.group))].slice(0, c.tasksPerIteration);
      batch = batch.filter((t) => groups.includes(t.group)).map((t, i) => ({ ...t, id: i }));
    }
    const rolloutMs = performance.now() - started;

    // 2. Advantages: A(τ) per trajectory, then EMPG over every step of the batch.
    const adv = phase('advantages', () => computeStepAdvantages(batch, c));
    const flatSteps = batch.flatMap((traj) => traj.steps.map((step) => ({ traj, step })));

    // 3. The exact gradient size of a sample of steps, under the rollout policy (before the update).
    const paramNorms = new Map<number, number>();
    const sampleSize = c.gradNormSample < 0 ? flatSteps.length : Math.min(c.gradNormSample, flatSteps.length);
    const sampled = this.updateRng.shuffle(flatSteps.map((_, i) => i)).slice(0, sampleSize).sort((a, b) => a - b);
    const gradStarted = performance.now();
    const norms = await phaseAsync('grad_norms', () => parameterGradientNorms(this.model, sampled.map((i) => flatSteps[i].step), c.temperature));
    sampled.forEach((i, j) => paramNorms.set(i, norms[j]));
    const gradMs = performance.now() - gradStarted;

    // 4. Update.
    const updateStarted = performance.now();
    const allItems = flatSteps.map(({ step }, i) => ({ prompt: step.prompt, tokens: step.tokens, allowed: step.allowed, oldLogProbs: step.logProbs, advantage: adv.final[i] }));
    const items = c.maxUpdateSteps > 0 && allItems.length > c.maxUpdateSteps
      ? this.updateRng.shuffle(allItems).slice(0, c.maxUpdateSteps)
      : allItems;
    await checkpoint({ phase: 'update', minibatch: 0, minibatches: c.ppoEpochs * Math.ceil(items.length / c.miniBatchSize) });
    const stats = items.length
      ? await phaseAsync('update', () => ppoUpdate(this.model, this.optimizer, items, {
        epochs: c.ppoEpochs, miniBatchSize: c.miniBatchSize, clipLow: c.clipLow, clipHigh: effectiveClipHigh(c),
        klCoef: effectiveKlCoef(c), maxGradNorm: c.maxGradNorm, temperature: c.temperature, reference: this.reference ?? undefined,
        // After the last minibatch the iteration is complete: only the points before it may stop it.
        onMinibatch: (minibatch, minibatches) => (minibatch < minibatches
          ? checkpoint({ phase: 'update', minibatch, minibatches })
          : hooks.progress?.({ phase: 'update', minibatch, minibatches })),
      }, this.updateRng))
      : null;
    const updateMs = performance.now() - updateStarted;
    this.iteration++;

    // 5. Records and metrics.
    const steps: StepView[] = flatSteps.map(({ traj, step }, i) => ({
      traj: traj.id, t: step.t, group: traj.group, success: traj.won, action: step.action,
      tokens: step.tokens, tokenEntropies: step.tokenEntropies,
      entropy: adv.stepEntropy[i], normalized: adv.normalized[i], g: adv.g[i], bonus: adv.bonus[i],
      outcomeAdvantage: adv.outcome[i], finalAdvantage: adv.final[i],
      logitNorm: mean(step.scoreNorms), paramNorm: paramNorms.get(i) ?? null,
    }));
    // Is a confident step a correct one? Where the environment's oracle can say which steps made progress.
    const premiseStarted = performance.now();
    const progress = this.source.progress ? progressPremiseMetrics(this.labelProgress(batch, steps)) : {};
    const premiseMs = performance.now() - premiseStarted;
    const envSteps = all.reduce((n, t) => n + t.steps.length, 0);
    const iterMs = performance.now() - started;
    const allSteps = all.flatMap((t) => t.steps);
    const plain = steps.map((s) => Math.abs(s.outcomeAdvantage) * s.logitNorm);
    const modulated = steps.map((s) => Math.abs(s.finalAdvantage) * s.logitNorm);
    const entropies = steps.map((s) => s.entropy);
    const groupsAll = [...new Set(all.map((t) => t.group))];
    const metrics: Metrics = {
      'iteration': this.iteration,
      'env/success_rate': mean(all.map((t) => (t.won ? 1 : 0))),
      'env/num_turns': mean(all.map((t) => t.steps.length)),
      'env/valid_action_ratio': mean(allSteps.map((s) => (s.valid ? 1 : 0))),
      'reward/mean': mean(all.map((t) => t.reward)),
      'frac_reward_zero_std': groupsAll.filter((g) => !hasSignal(all, g)).length / groupsAll.length,
      'entropy/token_mean': mean(allSteps.flatMap((s) => s.tokenEntropies)),
      'entropy/step_mean': mean(allSteps.map((s) => mean(s.tokenEntropies))),
      'dapo/resample_rounds': resampleRounds,
      'batch/groups': countGroups(batch),
      'batch/steps': steps.length,
      'batch/update_steps': items.length,
      'perf/iter_ms': iterMs,
      'perf/rollout_ms': rolloutMs,
      'perf/grad_norm_ms': gradMs,
      'perf/update_ms': updateMs,
      ...(this.source.progress ? { 'perf/premise_ms': premiseMs } : {}),
      'perf/env_steps_per_s': envSteps / (rolloutMs / 1000),
      'tfjs/num_tensors': tf.memory().numTensors,
    };
    if (stats) {
      Object.assign(metrics, {
        'policy/approx_kl': stats.approxKl, 'policy/clipfrac': stats.clipfrac,
        'grad/norm': stats.gradNorm, 'grad/norm_max': stats.gradNormMax,
        'loss/pg': stats.pgLoss, 'loss/kl': stats.klLoss,
      });
    }
    if (steps.length) {
      Object.assign(metrics, {
        'adv/outcome_abs_mean': mean(steps.map((s) => Math.abs(s.outcomeAdvantage))),
        'adv/final_abs_mean': mean(steps.map((s) => Math.abs(s.finalAdvantage))),
        'empg/g_mean': mean(adv.g), 'empg/g_std': std(adv.g),
        'empg/g_min': Math.min(...adv.g), 'empg/g_max': Math.max(...adv.g),
        'empg/bonus_mean': mean(adv.bonus),
      });
      // Correlation of step entropy with update size, before (|A(τ)|) and after (|A_final|) modulation.
      const plainR = pearson(entropies, plain);
      const empgR = pearson(entropies, modulated);
      if (Number.isFinite(plainR)) metrics['coupling/plain_r'] = plainR;
      if (Number.isFinite(empgR)) metrics['coupling/empg_r'] = empgR;
      Object.assign(metrics, premiseMetrics(steps.map((s) => ({
        group: s.group, success: s.success, entropy: s.entropy, verb: actionVerb(s.action), g: s.g, finalAdvantage: s.finalAdvantage,
        outcomeAdvantage: s.outcomeAdvantage,
      })), adv.zeroStdGroups), progress);
    }
    return { iteration: this.iteration, metrics, steps, trajectories: batch };
  }

  /**
   * Evaluation on `episodes` held-out tasks (test split), one rollout each: greedy by default, or sampled
   * at `temperature` (verl-agent validates at 0.4) with a fixed stream, so results are reproducible.
   */
  async evaluate(episodes: number, options: { split?: 'train' | 'test'; temperature?: number } = {}): Promise<EvalResult> {
    const split = options.split ?? 'test';
    const temperature = options.temperature ?? 0;
    const tasks = Array.from({ length: episodes }, (_, i) => ({ taskSeed: i, group: i }));
    const results: Trajectory[] = [];
    const chunk = 64;
    for (let start = 0; start < tasks.length; start += chunk) {
      results.push(...await rollout(this.model, this.tokenizer, this.source, tasks.slice(start, start + chunk),
        { ...this.rolloutOptions(temperature === 0, 1, split), temperature: temperature || 1 }, createRng('evaluation')));
    }
    const successes = results.filter((t) => t.won).length;
    return {
      episodes, successes, successRate: successes / Math.max(1, episodes),
      interval: wilsonInterval(successes, episodes), meanTurns: mean(results.map((t) => t.steps.length)),
    };
  }

  /** The current policy as a checkpoint. */
  async toCheckpoint(origin = this.origin): Promise<Checkpoint> {
    return {
      format: CHECKPOINT_FORMAT, version: CHECKPOINT_VERSION,
      env: this.config.env, preset: this.config.preset,
      model: { ...this.model.config }, tokenizer: this.tokenizer.toJSON(),
      weights: encodeWeights(await this.model.getWeights()),
      iteration: this.iteration, seed: this.config.seed, backend: this.backend,
      config: { ...this.config }, origin,
    };
  }

  /**
   * Everything training has changed since the trainer was built (src/train/trainerState.ts): read at an
   * iteration boundary, it lets an equal trainer continue exactly where this one is.
   */
  async saveState(): Promise<TrainerState> {
    const adam = adamInternals(this.optimizer);
    const [steps, ...moments] = await this.optimizer.getWeights();
    const named = await Promise.all(moments.map(async (m) => ({ name: m.name, shape: m.tensor.shape, values: (await m.tensor.data()) as Float32Array })));
    const stepCount = (await steps.tensor.data())[0];
    // getWeights makes a new tensor for the step count (the moments are the optimizer's own variables).
    steps.tensor.dispose();
    return {
      version: TRAINER_STATE_VERSION,
      iteration: this.iteration,
      weights: encodeWeights(await this.model.getWeights()),
      optimizer: {
        steps: stepCount,
        accBeta1: (await adam.accBeta1.data())[0],
        accBeta2: (await adam.accBeta2.data())[0],
        moments: encodeWeights(named),
      },
      rngs: { tasks: this.taskRng.state(), sampling: this.sampleRng.state(), minibatches: this.updateRng.state() },
    };
  }

  /**
   * Continues from a saved state (of a trainer built with the same configuration and initial weights).
   * Everything is checked against this model before anything changes: a state of another model shape
   * is refused with what differs.
   */
  async loadState(state: TrainerState): Promise<void> {
    const variables = this.model.variables;
    const weights = decodeWeights(state.weights);
    const expected = variables.map((v) => v.shape.join('x'));
    const shapesOf = (list: readonly NamedWeight[]) => list.map((w) => w.shape.join('x'));
    if (shapesOf(weights).join(',') !== expected.join(',')) {
      throw new Error(`the saved weights (${weights.length}) do not fit this model (${variables.length} weights of other shapes)`);
    }
    const moments = decodeWeights(state.optimizer.moments);
    if (moments.length && shapesOf(moments).join(',') !== [...expected, ...expected].join(',')) {
      throw new Error(`the saved optimizer moments (${moments.length}) do not fit this model's ${variables.length} weights`);
    }
    const optimizer = tf.train.adam(this.config.lr, 0.9, 0.999, this.config.adamEpsilon);
    const tensors = moments.map((m) => ({ name: m.name, tensor: tf.tensor(m.values, m.shape, 'float32') }));
    const steps = tf.scalar(state.optimizer.steps, 'int32');
    await optimizer.setWeights([{ name: 'iter', tensor: steps }, ...tensors]);
    tf.dispose([steps, ...tensors.map((t) => t.tensor)]);
    const adam = adamInternals(optimizer);
    tf.tidy(() => {
      adam.accBeta1.assign(tf.scalar(state.optimizer.accBeta1));
      adam.accBeta2.assign(tf.scalar(state.optimizer.accBeta2));
    });
    this.model.setWeights(weights);
    this.optimizer.dispose();
    this.optimizer = optimizer;
    this.iteration = state.iteration;
    this.taskRng = restoreRng(state.rngs.tasks);
    this.sampleRng = restoreRng(state.rngs.sampling);
    this.updateRng = restoreRng(state.rngs.minibatches);
  }

  /** Goes back to earlier weights (kept by the caller) and their iteration; Adam's moments start again. */
  restore(weights: readonly NamedWeight[], iteration: number): void {
    this.model.setWeights(weights);
    this.iteration = iteration;
    this.optimizer.dispose();
    this.optimizer = tf.train.adam(this.config.lr, 0.9, 0.999, this.config.adamEpsilon);
  }

  /** Frees the model, the reference and the optimizer. */
  dispose(): void {
    this.model.dispose();
    this.reference?.dispose();
    this.optimizer.dispose();
  }
}

/**
 * Adam's running powers β₁ᵗ and β₂ᵗ. TF.js keeps them as float32 products and, on `setWeights`,
 * recomputes them as powers, which differ in the last bits; a resumed run that must match exactly
 * restores the products themselves.
 */
function adamInternals(optimizer: tf.AdamOptimizer): { accBeta1: tf.Variable; accBeta2: tf.Variable } {
  const fields = optimizer as unknown as { accBeta1?: tf.Variable; accBeta2?: tf.Variable };
  if (!(fields.accBeta1 instanceof tf.Variable) || !(fields.accBeta2 instanceof tf.Variable)) {
    throw new Error('this TF.js version keeps Adam\'s state differently: saving and resuming a run is not supported with it');
  }
  return { accBeta1: fields.accBeta1, accBeta2: fields.accBeta2 };
}

function countGroups(trajectories: readonly Trajectory[]): number {
  return new Set(trajectories.map((t) => t.group)).size;
}

function hasSignal(trajectories: readonly Trajectory[], group: number): boolean {
  const rewards = trajectories.filter((t) => t.group === group).map((t) => t.reward);
  return rewards.some((r) => r !== rewards[0]);
}
