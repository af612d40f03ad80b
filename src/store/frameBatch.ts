/**
 * Coalescing: items pushed during a frame are handed over together, once, just before the next frame
 * is drawn — so a burst of worker messages (a lane's status, its metrics, the other lane's) becomes one
 * store update and one re-render instead of several. A timer backs up the animation frame, which a
 * hidden tab does not get.
 */

/** A queue flushed once per animation frame. */
export interface FrameBatch<T> {
  /** Queues an item; the next flush hands it over with everything queued before it, in order. */
  push(item: T): void;
  /** Hands over what is queued now. */
  flush(): void;
  /** Drops what is queued and stops the pending flush. */
  cancel(): void;
}

/** Hook points for tests: how the next flush is scheduled. */
export interface FrameScheduler {
  requestFrame(run: () => void): number;
  cancelFrame(id: number): void;
  setTimer(run: () => void, ms: number): ReturnType<typeof setTimeout>;
  clearTimer(id: ReturnType<typeof setTimeout>): void;
}

const browserScheduler: FrameScheduler = {
  requestFrame: (run) => (typeof requestAnimationFrame === 'function' ? requestAnimationFrame(run) : 0),
  cancelFrame: (id) => { if (typeof cancelAnimationFrame === 'function') cancelAnimationFrame(id); },
  setTimer: (run, ms) => setTimeout(run, ms),
  clearTimer: (id) => clearTimeout(id),
};

/**
 * Items that may wait: a queue holding only such items asks for its frame `ms` after the first of them
 * arrived, so a stream of them is handed over a few times a second instead of every frame. Any other
 * item is handed over at the next frame, with everything queued before it.
 */
export interface Deferral<T> {
  when(item: T): boolean;
  ms: number;
}

/**
 * Creates a queue that calls `deliver` with each frame's items. `fallbackMs` bounds the wait without
 * frames; `defer` lets some items wait longer (see `Deferral`).
 */
export function frameBatch<T>(
  deliver: (items: T[]) => void,
  fallbackMs = 100,
  scheduler: FrameScheduler = browserScheduler,
  defer?: Deferral<T>,
): FrameBatch<T> {
  let queue: T[] = [];
  let frame = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let deferTimer: ReturnType<typeof setTimeout> | undefined;
  const unschedule = () => {
    if (frame) scheduler.cancelFrame(frame);
    if (timer !== undefined) scheduler.clearTimer(timer);
    if (deferTimer !== undefined) scheduler.clearTimer(deferTimer);
    frame = 0;
    timer = undefined;
    deferTimer = undefined;
  };
  const flush = () => {
    unschedule();
    if (!queue.length) return;
    const items = queue;
    queue = [];
    deliver(items);
  };
  const askForFrame = () => {
    if (deferTimer !== undefined) scheduler.clearTimer(deferTimer);
    deferTimer = undefined;
    if (timer !== undefined) return;
    frame = scheduler.requestFrame(flush);
    timer = scheduler.setTimer(flush, fallbackMs);
  };
  return {
    push(item) {
      queue.push(item);
      if (defer?.when(item)) {
        if (timer === undefined && deferTimer === undefined) deferTimer = scheduler.setTimer(askForFrame, defer.ms);
        return;
      }
      askForFrame();
    },
    flush,
    cancel() {
      unschedule();
      queue = [];
    },
  };
}
