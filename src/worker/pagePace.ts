/**
 * Backpressure from the page: after the worker reports a finished iteration, the next one waits until
 * the page says it has drawn everything reported so far, or until `maxWaitMs` has passed. Drawing an
 * iteration takes the page's thread a few hundred milliseconds of short tasks (the deferred render, the
 * charts' staggered redraws, layout and paint); on a machine with two cores the worker's next iteration
 * would take one of them meanwhile, and every one of those tasks would take two to three times as long
 * by the clock (docs/PERFORMANCE.md, "The worker waits for the page"). The wait is bounded, so a page
 * that never answers (a hidden tab, an old page) costs at most `maxWaitMs` per iteration.
 */

/** The page's side of the handshake, as the worker sees it. */
export class PagePace {
  private reported = 0;
  private drawn = 0;
  private waiting: (() => void) | null = null;

  /** @param maxWaitMs the longest the worker waits for the page after an iteration (0: never waits). */
  constructor(
    private readonly maxWaitMs: number,
    private readonly setTimer: (run: () => void, ms: number) => unknown = (run, ms) => setTimeout(run, ms),
  ) {}

  /** The worker posted one more finished iteration (a `metrics` message). */
  reportedOne(): void {
    this.reported++;
  }

  /** The page has drawn the first `count` finished iterations it received (its `drawn` message). */
  pageDrew(count: number): void {
    this.drawn = Math.max(this.drawn, count);
    if (this.caughtUp) this.release();
  }

  /** True when the page has drawn every iteration reported so far. */
  get caughtUp(): boolean {
    return this.drawn >= this.reported;
  }

  /** Resolves once the page has caught up, or after `maxWaitMs`, whichever comes first. */
  waitForPage(): Promise<void> {
    if (this.caughtUp || this.maxWaitMs <= 0) return Promise.resolve();
    this.release();
    return new Promise<void>((resolve) => {
      this.waiting = resolve;
      this.setTimer(() => { if (this.waiting === resolve) this.release(); }, this.maxWaitMs);
    });
  }

  private release(): void {
    const resolve = this.waiting;
    this.waiting = null;
    resolve?.();
  }
}
