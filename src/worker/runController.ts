/**
 * One training run (a "lane") the worker owns: configuration, the Trainer and the recent iterations the
 * inspector can ask for. Every operation that touches the Trainer goes through one serial queue, and
 * `generation` (bumped by every reset) makes a queued iteration of an old run a no-op and marks stale
 * messages. Playing is driven from outside (src/worker/lanes.ts), so two lanes can alternate.
 * Kept free of worker globals so it can be tested in Node.
 */
import { parseCheckpoint, type Checkpoint } from '../train/checkpoint';
import { algorithmLabel, DEFAULT_TRAIN_CONFIG, parseTrainConfig, type TrainConfig } from '../train/config';
import { splitWords } from '../policy/tokenizer';
import { metaLine } from '../import/exportSteps';
import { playgroundStepLines } from '../import/playground';
import { HealthMonitor, type HealthProblem } from '../train/health';
import { IterationAbandoned, Trainer, type IterationResult, type Metrics } from '../train/trainer';
import { decodeWeights, hasModelShape } from '../train/checkpoint';
import { MODEL_SIZES, type NamedWeight } from '../policy/model';
import { boundedHistory, MAX_SAVED_DECISIONS, type SavedLane } from '../persist/savedRun';
import type { FromWorker, InitSource, RunStatus, TrajectorySummary } from './protocol';

/** How many past iterations keep their full trajectories for the inspector. */
const KEPT_ITERATIONS = 8;
/** At most this many decisions' full records are kept (about 10 kB each); the latest iteration always is. */
const KEPT_DECISIONS = 20_000;
/** Settings whose change rebuilds the model or the task stream, and so resets the run. */
const RESET_KEYS: readonly (keyof TrainConfig)[] = ['env', 'preset', 'modelSize', 'context', 'seed'];

/** A checkpoint fits a run of the same environment; WebShop's also needs the same preset (its catalogue's words). */
function fitsConfig(checkpoint: Checkpoint, config: TrainConfig): boolean {
  return checkpoint.env === config.env && (checkpoint.env === 'alfworld' || checkpoint.preset === config.preset);
}

/** What the controller needs from its host. */
export interface RunHost {
  post(message: FromWorker): void;
  /** Called when an iteration fails (the scheduler pauses every lane). */
  onFailure?(): void;
  /**
   * Shown a failure first: returns true when it is the backend's own (a lost GPU, an aborted wasm
   * module) and the host takes over — it reports it, brings a backend back and continues every lane.
   */
  backendFailure?(message: string): boolean;
  /** Called when a setting or a file restarts the run (the scheduler pauses every lane: a new run starts paused). */
  onRestart?(): void;
  /** The shipped base checkpoint of an environment and preset (parsed JSON), or null if there is none. */
  loadBaseCheckpoint(env: TrainConfig['env'], preset: string): Promise<unknown | null>;
  /** The active backend's name (recorded in checkpoints). */
  backend(): string;
  /** Whether the run is being saved (src/persist): then each completed iteration hands `persistLane` the lane's state. */
  saving?(): boolean;
  /** Receives the lane's saved state at the end of each completed iteration. */
  persistLane?(lane: number, saved: SavedLane): void;
  /**
   * Lets the host's pending messages (Pause, Reset) run; awaited at every safe point of an iteration.
   * Default: a zero-delay timer.
   */
  yieldToMessages?(): Promise<void>;
}

/** Owns one training run (see the file comment). */
export class RunController {
  private config: TrainConfig = DEFAULT_TRAIN_CONFIG;
  private init: InitSource = 'base';
  /** The initial weights the page's settings ask for; a loaded file stands in for them until they change. */
  private requestedInit: InitSource = 'base';
  private loaded: { checkpoint: Checkpoint; name: string } | null = null;
  private initLabel = '';
  private trainer: Trainer | null = null;
  private generation = 0;
  private running = false;
  private queue: Promise<void> = Promise.resolve();
  private readonly history = new Map<number, IterationResult>();
  private readonly health = new HealthMonitor();
  /** The run's metric history (what the page's charts draw), bounded as it is saved. */
  private metricHistory: Metrics[] = [];
  /** The weights after the last two healthy iterations (oldest first), to go back to when one is not. */
  private good: { iteration: number; weights: NamedWeight[] }[] = [];

  constructor(private readonly host: RunHost, readonly lane = 0) {}

  /** Runs `task` after everything already queued; errors are reported, never thrown. */
  private enqueue(task: () => Promise<void>): Promise<void> {
    this.queue = this.queue.then(task).catch((error: unknown) => this.fail(error));
    return this.queue;
  }

  private fail(error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    if (this.host.backendFailure?.(message)) return;
    const diverged = /NaN|Infinity|non-finite|diverged/i.test(message);
    this.running = false;
    this.host.onFailure?.();
    this.host.post({
      type: 'error', kind: diverged ? 'diverged' : 'internal',
      message: diverged ? `Training diverged and was paused: ${message}. Lower the learning rate or reset.` : message,
    });
    this.postStatus();
  }

  private postStatus(): void {
    if (!this.trainer) return;
    const status: RunStatus = {
      generation: this.generation, running: this.running, iteration: this.trainer.iteration, config: this.config,
      init: this.init, initLabel: this.initLabel, vocabulary: [...this.trainer.tokenizer.words], parameterCount: this.trainer.model.parameterCount,
    };
    this.host.post({ type: 'run', lane: this.lane, status });
  }

  /**
   * Builds a fresh trainer for the current configuration and initial weights, and only then replaces
   * the old run: if the new one cannot be built, the settings and weights before it stay, and so does
   * the run on screen (`restore` puts the settings back).
   */
  private async rebuild(restore?: () => void, resumeFrom?: { iteration: number; weights: NamedWeight[] }, saved?: SavedLane): Promise<void> {
    // The lane was stopped when the new run was asked for: a Play pressed while it is built stands.
    let checkpoint: Checkpoint | undefined;
    let initLabel: string;
    // A new run that stands in a fresh model for a missing base checkpoint asks for the checkpoint again
    // (a run continued or restored keeps the weights it has).
    let init = !saved && !resumeFrom && this.fellBack() ? 'base' : this.init;
    if (init === 'loaded' && this.loaded) {
      checkpoint = this.loaded.checkpoint;
      initLabel = `loaded file ${this.loaded.name}`;
    } else if (init === 'base') {
      const json = await this.host.loadBaseCheckpoint(this.config.env, this.config.preset);
      const parsed = json ? parseCheckpoint(json) : null;
      // WebShop's vocabulary (product ids, titles) belongs to one catalogue, so its base policy only
      // fits the preset it was trained on; ALFWorld's words are shared by every preset.
      // The shipped base checkpoints are of the tiny model; a larger one starts fresh.
      if (parsed?.ok && fitsConfig(parsed.checkpoint, this.config) && hasModelShape(parsed.checkpoint, MODEL_SIZES[this.config.modelSize])) {
        checkpoint = parsed.checkpoint;
        initLabel = `base checkpoint (${checkpoint.env}/${checkpoint.preset}, supervised warm start)`;
      } else {
        const size = this.config.modelSize === DEFAULT_TRAIN_CONFIG.modelSize ? '' : ` and the ${this.config.modelSize} model`;
        initLabel = `fresh model: no base checkpoint for ${this.config.env}/${this.config.preset}${size}`;
        init = 'scratch';
      }
    } else {
      initLabel = 'fresh model (from scratch)';
    }
    if (saved && init !== saved.init) {
      restore?.();
      throw new Error(`it started from the ${saved.init} weights, and ${initLabel}`);
    }
    let trainer: Trainer | undefined;
    try {
      trainer = await Trainer.create(this.config, { checkpoint, backend: this.host.backend() });
      if (saved) await trainer.loadState(saved.state);
    } catch (error) {
      trainer?.dispose();
      restore?.();
      throw error;
    }
    this.trainer?.dispose();
    this.history.clear();
    this.trainer = trainer;
    this.health.reset();
    if (resumeFrom) trainer.restore(resumeFrom.weights, resumeFrom.iteration);
    else if (!saved) this.metricHistory = [];
    if (saved) {
      this.health.restore(saved.healthNorms);
      this.metricHistory = [...saved.history];
      const latest = saved.latest;
      if (latest?.full) this.history.set(latest.iteration, { iteration: latest.iteration, metrics: latest.metrics, steps: latest.steps, trajectories: latest.full });
    } else {
      this.metricHistory = this.metricHistory.filter((m) => m.iteration <= trainer.iteration);
    }
    this.good = [resumeFrom ?? (saved
      ? { iteration: saved.state.iteration, weights: decodeWeights(saved.state.weights) }
      : { iteration: 0, weights: await trainer.model.getWeights() })];
    this.init = init;
    this.initLabel = saved?.initLabel ?? initLabel;
    this.postStatus();
    if (saved) {
      const latest = saved.latest;
      this.host.post({
        type: 'restored', lane: this.lane, generation: this.generation, history: this.metricHistory,
        latest: latest ? { iteration: latest.iteration, steps: latest.steps, trajectories: latest.trajectories } : null,
      });
    }
    if (checkpoint && init === 'loaded') this.warnAboutVocabulary(trainer, this.loaded!.name);
  }

  /** A loaded policy that cannot write some of the environment's words cannot take those actions: say so. */
  private warnAboutVocabulary(trainer: Trainer, name: string): void {
    const known = new Set(trainer.tokenizer.words);
    const missing = new Set<string>();
    for (const text of trainer.source.vocabularyTexts()) for (const word of splitWords(text)) if (!known.has(word)) missing.add(word);
    if (missing.size === 0) return;
    const examples = [...missing].slice(0, 5).map((w) => `"${w}"`).join(', ');
    this.host.post({
      type: 'error', kind: 'invalid-input',
      message: `${name}: ${missing.size} words of ${this.config.env}/${this.config.preset} are not in its vocabulary (${examples}${missing.size > 5 ? ', …' : ''}), so it cannot take every action and may score 0%. Use a checkpoint trained on this environment and preset.`,
    });
  }

  /**
   * The page asked for the base checkpoint and the run started from a fresh model, because none fits
   * its environment and preset (or it could not be fetched).
   */
  private fellBack(): boolean {
    return this.init === 'scratch' && this.requestedInit === 'base';
  }

  /** Changes the defaults before the first run is built (e.g. the model size the backend suits). */
  setDefaults(partial: Partial<TrainConfig>): void {
    if (this.trainer) return;
    const parsed = parseTrainConfig({ ...this.config, ...partial });
    if (parsed.ok) this.config = parsed.config;
  }

  /**
   * Applies settings: shape-keeping ones at the next iteration, the others by resetting. A loaded
   * checkpoint stays the initial weights until the page asks for other ones, or for an environment or
   * preset it does not fit (then the page's choice applies, and the banner says so).
   */
  configure(partial: Partial<TrainConfig>, init?: InitSource): Promise<void> {
    const parsed = parseTrainConfig({ ...this.config, ...partial });
    if (!parsed.ok) {
      this.host.post({ type: 'error', kind: 'invalid-input', message: `Settings not applied: ${parsed.errors.join('; ')}` });
      return this.queue;
    }
    const next = parsed.config;
    const initChanged = init !== undefined && init !== this.requestedInit;
    const fellBack = this.fellBack();
    if (init !== undefined) this.requestedInit = init;
    let nextInit = initChanged || this.init !== 'loaded' ? this.requestedInit : 'loaded';
    if (nextInit === 'loaded' && this.loaded && !fitsConfig(this.loaded.checkpoint, next)) {
      nextInit = this.requestedInit;
      this.host.post({
        type: 'error', kind: 'invalid-input',
        message: `${this.loaded.name} is a ${this.loaded.checkpoint.env}/${this.loaded.checkpoint.preset} checkpoint and does not fit ${next.env}/${next.preset}: the run starts from ${nextInit === 'base' ? 'the base checkpoint' : 'a fresh model'} instead.`,
      });
    }
    // A run that fell back to a fresh model already is what asking for the base checkpoint again gives.
    const sameInit = nextInit === this.init || (fellBack && nextInit === 'base');
    const needsReset = !this.trainer || !sameInit || RESET_KEYS.some((k) => next[k] !== this.config[k]);
    if (needsReset) {
      this.host.onRestart?.();
      this.running = false;
      const before = { config: this.config, init: this.init, generation: this.generation };
      this.init = nextInit;
      this.config = next;
      const attempted = ++this.generation;
      return this.enqueue(() => this.rebuild(() => { if (this.generation === attempted) Object.assign(this, before); }));
    }
    this.config = next;
    return this.enqueue(async () => {
      await this.trainer!.reconfigure(next);
      this.postStatus();
    });
  }

  /**
   * Rebuilds the run on the backend now active (after a lost or failing GPU), continuing from the last
   * good weights and their iteration; Adam's moments restart.
   */
  continueOnNewBackend(): Promise<void> {
    this.running = false;
    return this.enqueue(() => this.rebuild(undefined, this.good.at(-1)));
  }

  /**
   * Replaces the run by a saved one (src/persist/savedRun.ts): its settings and initial weights are
   * built as they were, then the trainer takes the saved state and the page gets the saved history.
   * Resolves with null, or with why the saved run cannot be used (then nothing changed).
   */
  restoreSaved(saved: SavedLane): Promise<string | null> {
    let loaded: RunController['loaded'] = null;
    if (saved.init === 'loaded') {
      const parsed = saved.loaded ? parseCheckpoint(saved.loaded.checkpoint) : null;
      if (!parsed?.ok) return Promise.resolve(`its initial checkpoint ${saved.loaded?.name ?? ''} is missing or unreadable`);
      loaded = { checkpoint: parsed.checkpoint, name: saved.loaded!.name };
    }
    this.host.onRestart?.();
    this.running = false;
    const before = { config: this.config, init: this.init, requestedInit: this.requestedInit, loaded: this.loaded, generation: this.generation };
    Object.assign(this, { config: saved.config, init: saved.init, requestedInit: saved.requestedInit, loaded });
    const attempted = ++this.generation;
    let problem: string | null = null;
    return this.enqueue(async () => {
      try {
        await this.rebuild(() => { if (this.generation === attempted) Object.assign(this, before); }, undefined, saved);
      } catch (error) {
        problem = error instanceof Error ? error.message : String(error);
        this.postStatus();
      }
    }).then(() => problem);
  }

  /** Back to iteration 0 with the same initial weights. */
  reset(): Promise<void> {
    this.generation++;
    this.running = false;
    return this.enqueue(() => this.rebuild());
  }

  /**
   * Starts from a checkpoint file, in the checkpoint's environment and preset. The file is checked in
   * full and the new run built before the old one goes: a bad file is reported and changes nothing.
   */
  loadCheckpoint(json: unknown, name: string): Promise<void> {
    const parsed = parseCheckpoint(json);
    const refuse = (why: string) => this.host.post({ type: 'error', kind: 'invalid-input', message: `${name} is not a usable checkpoint: ${why}` });
    if (!parsed.ok) {
      refuse(`${parsed.errors.slice(0, 5).join('; ')}${parsed.errors.length > 5 ? ` (and ${parsed.errors.length - 5} more)` : ''}`);
      return this.queue;
    }
    const config = parseTrainConfig({ ...this.config, env: parsed.checkpoint.env, preset: parsed.checkpoint.preset });
    if (!config.ok) {
      refuse(config.errors.join('; '));
      return this.queue;
    }
    this.host.onRestart?.();
    this.running = false;
    const before = { config: this.config, init: this.init, loaded: this.loaded, generation: this.generation };
    this.loaded = { checkpoint: parsed.checkpoint, name };
    this.init = 'loaded';
    this.config = config.config;
    const attempted = ++this.generation;
    return this.enqueue(async () => {
      try {
        await this.rebuild(() => { if (this.generation === attempted) Object.assign(this, before); });
      } catch (error) {
        refuse(error instanceof Error ? error.message : String(error));
        this.postStatus();
      }
    });
  }

  /** The lane's settings, to start another lane from the same seed, tasks and initial weights. */
  settings(): { config: TrainConfig; init: InitSource; requestedInit: InitSource; loaded: { checkpoint: Checkpoint; name: string } | null } {
    return { config: this.config, init: this.init, requestedInit: this.requestedInit, loaded: this.loaded };
  }

  /** Takes another lane's settings and builds the run. */
  adopt(settings: ReturnType<RunController['settings']>): Promise<void> {
    this.config = settings.config;
    this.init = settings.init;
    this.requestedInit = settings.requestedInit;
    this.loaded = settings.loaded;
    this.generation++;
    this.running = false;
    return this.enqueue(() => this.rebuild());
  }

  /**
   * Queues one iteration of the current run. `stop` is asked at every safe point inside it; when it says
   * so (Pause), or a reset made the run stale, the iteration is abandoned and leaves the run as it was.
   */
  step(stop?: () => boolean): Promise<void> {
    const generation = this.generation;
    return this.enqueue(() => this.iterate(generation, stop));
  }

  /** Marks the lane as playing or paused (reported in its status). */
  setRunning(running: boolean): void {
    if (this.running === running) return;
    this.running = running;
    this.postStatus();
  }

  /** The iteration the run has completed (0 before the first). */
  get currentIteration(): number {
    return this.trainer?.iteration ?? 0;
  }

  /** The current run generation (changes on every reset). */
  get currentGeneration(): number {
    return this.generation;
  }

  private async iterate(generation: number, stop?: () => boolean): Promise<void> {
    const trainer = this.trainer;
    if (!trainer || generation !== this.generation) return;
    const iteration = trainer.iteration + 1;
    const yieldToMessages = this.host.yieldToMessages ?? (() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
    let result: IterationResult;
    try {
      result = await trainer.step({
        progress: async (progress) => {
          this.host.post({ type: 'progress', lane: this.lane, generation, iteration, progress });
          await yieldToMessages();
        },
        shouldStop: () => generation !== this.generation || (stop?.() ?? false),
      });
    } catch (error) {
      if (error instanceof IterationAbandoned) {
        if (generation !== this.generation) return;
        this.host.post({ type: 'progress', lane: this.lane, generation, iteration, progress: error.at, abandoned: true });
        this.postStatus();
        return;
      }
      const message = error instanceof Error ? error.message : String(error);
      // A non-finite gradient is refused before the update: the weights are still the last good ones.
      if (!/NaN|Infinity|non-finite|diverged/i.test(message)) throw error;
      if (generation !== this.generation) return;
      return this.goBack({ kind: 'non-finite', iteration: trainer.iteration + 1, back: 1, message: `Training diverged at iteration ${trainer.iteration + 1}: ${message}. Lower the learning rate (now lr ${this.config.lr}).` });
    }
    if (generation !== this.generation) return;
    const weights = await trainer.model.getWeights();
    const problem = this.health.check(result.metrics, this.config)
      ?? (weights.some((w) => w.values.some((x) => !Number.isFinite(x)))
        ? { kind: 'non-finite' as const, iteration: result.iteration, back: 1 as const, message: `Training diverged at iteration ${result.iteration}: the weights hold NaN or Infinity. Lower the learning rate (now lr ${this.config.lr}).` }
        : null);
    if (problem) return this.goBack(problem);
    this.good = [...this.good, { iteration: result.iteration, weights }].slice(-2);
    this.history.set(result.iteration, result);
    for (const old of this.history.keys()) if (old <= result.iteration - KEPT_ITERATIONS) this.history.delete(old);
    let kept = [...this.history.values()].reduce((n, r) => n + r.steps.length, 0);
    for (const [old, record] of this.history) {
      if (kept <= KEPT_DECISIONS || old === result.iteration) break;
      kept -= record.steps.length;
      this.history.delete(old);
    }
    const trajectories: TrajectorySummary[] = result.trajectories.map((t) => ({
      id: t.id, group: t.group, task: t.task, won: t.won, reward: t.reward, length: t.steps.length,
    }));
    this.metricHistory = boundedHistory([...this.metricHistory, result.metrics]);
    this.host.post({ type: 'metrics', lane: this.lane, generation, iteration: result.iteration, metrics: result.metrics, steps: result.steps, trajectories });
    if (this.host.saving?.() && this.host.persistLane) this.host.persistLane(this.lane, await this.savedLane(trainer, result, trajectories));
  }

  /** The lane as saved at the end of an iteration (src/persist/savedRun.ts). */
  private async savedLane(trainer: Trainer, result: IterationResult, trajectories: TrajectorySummary[]): Promise<SavedLane> {
    return {
      config: this.config, init: this.init, requestedInit: this.requestedInit, initLabel: this.initLabel,
      loaded: this.init === 'loaded' && this.loaded ? { checkpoint: this.loaded.checkpoint, name: this.loaded.name } : null,
      state: await trainer.saveState(),
      healthNorms: this.health.saved(),
      history: this.metricHistory,
      latest: {
        iteration: result.iteration, metrics: result.metrics, steps: result.steps, trajectories,
        full: result.steps.length <= MAX_SAVED_DECISIONS ? result.trajectories : null,
      },
    };
  }

  /**
   * Pauses after an unhealthy iteration and goes back to the last good weights (the iteration before a
   * divergence or a spike, two before a collapse, whose rollout already ran on collapsed weights).
   * Play continues from them.
   */
  private goBack(problem: HealthProblem): void {
    const trainer = this.trainer!;
    const target = (problem.back === 2 ? this.good[0] : this.good.at(-1)) ?? this.good[0];
    trainer.restore(target.weights, target.iteration);
    this.good = [target];
    this.health.reset();
    for (const old of this.history.keys()) if (old > target.iteration) this.history.delete(old);
    this.metricHistory = this.metricHistory.filter((m) => m.iteration <= target.iteration);
    this.running = false;
    this.host.onFailure?.();
    this.host.post({
      type: 'error', kind: 'diverged',
      message: `${problem.message} Paused, with the weights of iteration ${target.iteration} kept: change the setting and press Play to continue from them.`,
    });
    this.postStatus();
  }

  /** Sends one trajectory of a kept iteration, or an error naming what is missing. */
  requestTrajectory(iteration: number, traj: number): void {
    const result = this.history.get(iteration);
    const trajectory = result?.trajectories.find((t) => t.id === traj);
    if (!result || !trajectory) {
      this.host.post({ type: 'error', kind: 'invalid-input', message: `Trajectory ${traj} of iteration ${iteration} is no longer kept (the last ${KEPT_ITERATIONS} iterations are, fewer for large batches).` });
      return;
    }
    this.host.post({ type: 'trajectory', lane: this.lane, generation: this.generation, iteration, trajectory, steps: result.steps.filter((s) => s.traj === traj) });
  }

  /** Sends the current weights as a checkpoint file. */
  requestCheckpoint(): Promise<void> {
    return this.enqueue(async () => {
      if (!this.trainer) return;
      const checkpoint = await this.trainer.toCheckpoint();
      const name = `empg-${this.config.env}-${this.config.preset}-iter${this.trainer.iteration}.json`;
      this.host.post({ type: 'checkpoint', lane: this.lane, generation: this.generation, iteration: this.trainer.iteration, json: JSON.stringify(checkpoint), name });
    });
  }

  /**
   * Sends every step of the kept iterations (the last KEPT_ITERATIONS, fewer for large batches) in the
   * `empg-steps/v1` format, as the CLI's `export-steps` writes them; no steps yet gives a meta line alone.
   */
  requestSteps(): void {
    const trainer = this.trainer;
    const config = this.config;
    const iterations = trainer ? [...this.history.keys()].sort((a, b) => a - b) : [];
    const lines = [metaLine({
      source: 'empg-playground',
      model: `${config.env}/${config.preset} ${config.modelSize} model, ${this.initLabel}${trainer ? `, ${trainer.model.parameterCount} parameters` : ''}`,
      tokenizer: 'playground word tokenizer', adv_estimator: algorithmLabel(config), temperature: config.temperature,
      seed: config.seed, backend: this.host.backend(), iterations,
    })];
    for (const iteration of iterations) {
      const result = this.history.get(iteration)!;
      lines.push(...playgroundStepLines(iteration, result.trajectories, result.steps, trainer!.tokenizer.words));
    }
    const span = iterations.length ? `iter${iterations[0]}-${iterations.at(-1)}` : 'iter0';
    const name = `empg-${config.env}-${config.preset}-${span}-steps.jsonl`;
    this.host.post({ type: 'steps', lane: this.lane, generation: this.generation, iterations, count: lines.length - 1, text: lines.join('\n') + '\n', name });
  }

  /** Resolves when everything queued so far has finished. */
  idle(): Promise<void> {
    return this.queue;
  }

  /** Frees the trainer. */
  dispose(): Promise<void> {
    this.generation++;
    return this.enqueue(async () => {
      this.trainer?.dispose();
      this.trainer = null;
      this.history.clear();
    });
  }
}
