/**
 * The page's side of the worker's backpressure (src/worker/pagePace.ts): it counts the finished
 * iterations (`metrics` messages) the worker sends and, once the page has drawn them, tells the worker
 * how many that is. "Drawn" means: a few animation frames have passed since they arrived (the deferred
 * render and the charts' staggered redraws start in those frames) and then the page's thread was idle.
 * A hidden page draws nothing, so it answers at once.
 */
import type { FromWorker, ToWorker } from '../worker/protocol';

/** How the page waits until it has drawn what arrived; replaceable in tests. */
export type Settle = (done: () => void) => void;

/** Counts finished iterations as they arrive and sends a receipt once they are drawn. */
export interface DrawReceipts {
  /** Notes a message from the worker (only `metrics` messages count). */
  received(message: FromWorker): void;
  /** Stops any pending receipt. */
  cancel(): void;
}

/** The animation frames to let pass before waiting for an idle moment (the charts stagger over a few). */
export const SETTLE_FRAMES = 3;
/** The longest wait for an idle moment once those frames have passed. */
export const SETTLE_IDLE_TIMEOUT_MS = 300;

/** Waits `frames` animation frames, then for the page's thread to be idle (or `timeoutMs`). */
export function afterPageSettles(done: () => void, frames = SETTLE_FRAMES, timeoutMs = SETTLE_IDLE_TIMEOUT_MS): void {
  if (typeof document === 'undefined' || document.hidden || typeof requestAnimationFrame !== 'function') {
    setTimeout(done, 0);
    return;
  }
  const idle = () => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => done(), { timeout: timeoutMs });
    else setTimeout(done, 0);
  };
  let left = frames;
  const tick = () => (left-- > 0 ? requestAnimationFrame(tick) : idle());
  tick();
}

/** Sends `{ type: 'drawn', count }` through `send` after each burst of finished iterations is drawn. */
export function drawReceipts(send: (message: ToWorker) => void, settle: Settle = afterPageSettles): DrawReceipts {
  let count = 0;
  let pending = false;
  let cancelled = false;
  return {
    received(message) {
      if (message.type !== 'metrics') return;
      count++;
      if (pending) return;
      pending = true;
      settle(() => {
        pending = false;
        if (!cancelled) send({ type: 'drawn', count });
      });
    },
    cancel() {
      cancelled = true;
    },
  };
}
