/**
 * Passing a changed value on a few animation frames later, so the charts that one update touches redraw
 * in turns — one or two per frame — instead of all in one long task. The handover is a transition:
 * React renders it in slices that yield to the browser between components, and an urgent update (a
 * click, the next worker message) goes first.
 */
import { startTransition, useEffect, useState } from 'react';

/** `value`, taken over `delay` animation frames after it changes (0: in the next frame), as a transition. */
export function useStaggered<T>(value: T, delay: number): T {
  const [shown, setShown] = useState(value);
  useEffect(() => {
    let left = delay;
    let frame = 0;
    const tick = () => {
      if (left-- > 0) frame = requestAnimationFrame(tick);
      else startTransition(() => setShown(() => value));
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, [value, delay]);
  return shown;
}
