/**
 * The lanes of the worker and the loop that plays them: one lane normally, two in compare mode, where
 * iterations alternate (lane 0, lane 1, lane 0, …) so both advance together on the same machine.
 * A reset bumps the loop's generation, so a loop from before it stops; a failing lane pauses all, and so
 * does a setting that restarts a lane's run (the new run starts paused, as its status says).
 */
import type { SavedLane, SavedRun } from '../persist/savedRun';
import { RunController, type RunHost } from './runController';

/**
 * The worker's side of the lanes, plus where the saved run goes (every lane's latest state, lane 0 first)
 * and how a playing run waits for the page to draw.
 */
export type LaneHost = RunHost & {
  persistRun?(lanes: SavedLane[]): void;
  /** Resolves when the page has drawn the iterations reported so far, or soon anyway (src/worker/pagePace.ts). */
  waitForPage?(): Promise<void>;
};

/** One or two training lanes and their shared play/pause state. */
export class LaneSet {
  readonly lanes: RunController[];
  private running = false;
  private loopGeneration = 0;
  /**
   * Each lane's state at its last completed iteration of its current run (what the saved run holds);
   * the run is saved only once every lane has one.
   */
  private saved: (SavedLane | undefined)[] = [];

  constructor(private readonly host: LaneHost) {
    this.lanes = [this.makeLane(0)];
  }

  private makeLane(index: number): RunController {
    return new RunController({
      ...this.host, onFailure: () => this.pause(),
      onRestart: () => {
        this.pause();
        // The lane's saved state belongs to the run it leaves.
        this.saved[index] = undefined;
      },
      persistLane: (lane, saved) => {
        this.saved[lane] = saved;
        // Only a record with every lane: a comparison saved with lane 0 alone would resume as one lane.
        const lanes = this.lanes.map((_, i) => this.saved[i]);
        if (lanes.every((l) => l !== undefined)) this.host.persistRun?.(lanes);
      },
    }, index);
  }

  /** The lane with this index, or an error naming the valid ones. */
  lane(index: number): RunController {
    const lane = this.lanes[index];
    if (!lane) throw new Error(`there is no lane ${index} (lanes: ${this.lanes.map((l) => l.lane).join(', ')})`);
    return lane;
  }

  /** Switches between one lane and two; a new lane 1 copies lane 0's settings. */
  async setCount(count: 1 | 2): Promise<void> {
    this.pause();
    if (count === 2 && this.lanes.length === 1) {
      const second = this.makeLane(1);
      this.lanes.push(second);
      await second.adopt(this.lanes[0].settings());
    } else if (count === 1 && this.lanes.length === 2) {
      await this.lanes.pop()!.dispose();
      this.saved.length = 1;
    }
    this.host.post({ type: 'lanes', count: this.lanes.length });
  }

  /** True while the lanes play. */
  get playing(): boolean {
    return this.running;
  }

  /** Plays every lane, alternating iterations, until `pause`. */
  play(): void {
    if (this.running) return;
    this.running = true;
    const generation = ++this.loopGeneration;
    for (const lane of this.lanes) lane.setRunning(true);
    void (async () => {
      while (this.running && generation === this.loopGeneration) {
        for (const lane of this.lanes) {
          if (!this.running || generation !== this.loopGeneration) break;
          await lane.step(() => !this.running || generation !== this.loopGeneration);
          // The page draws the iteration while the next one waits, so the two do not share the cores.
          await this.host.waitForPage?.();
        }
        // Let queued messages (pause, configure) in between iterations.
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
    })();
  }

  /**
   * Stops at the next safe point of the running iteration (a rollout step or a minibatch,
   * src/train/trainer.ts): that iteration is abandoned, and Play runs it again, the same.
   */
  pause(): void {
    this.running = false;
    this.loopGeneration++;
    for (const lane of this.lanes) lane.setRunning(false);
  }

  /** One iteration of every lane (when paused). */
  async step(): Promise<void> {
    if (this.running) return;
    for (const lane of this.lanes) await lane.step();
  }

  /**
   * Replaces every lane by the saved run's (as many lanes as it has). Resolves with null, or with why it
   * could not be used: then the lanes that could not be restored keep their own runs.
   */
  async restore(run: SavedRun): Promise<string | null> {
    this.pause();
    while (this.lanes.length > run.lanes.length) await this.lanes.pop()!.dispose();
    while (this.lanes.length < run.lanes.length) {
      const lane = this.makeLane(this.lanes.length);
      this.lanes.push(lane);
      await lane.adopt(this.lanes[0].settings());
    }
    this.host.post({ type: 'lanes', count: this.lanes.length });
    const problems = await Promise.all(run.lanes.map((saved, i) => this.lanes[i].restoreSaved(saved)));
    const problem = problems.find((p) => p !== null) ?? null;
    this.saved = problem ? [] : [...run.lanes];
    return problem;
  }

  /** Every lane back to iteration 0. */
  async reset(): Promise<void> {
    this.pause();
    this.saved = [];
    await Promise.all(this.lanes.map((lane) => lane.reset()));
  }

  /** Every lane continues on the backend now active, from its last good weights and iteration. */
  async continueOnNewBackend(): Promise<void> {
    this.pause();
    await Promise.all(this.lanes.map((lane) => lane.continueOnNewBackend()));
  }

  /** Resolves when every lane's queue is empty. */
  async idle(): Promise<void> {
    await Promise.all(this.lanes.map((lane) => lane.idle()));
  }
}
