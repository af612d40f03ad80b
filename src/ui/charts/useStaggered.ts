/**
 * Passing a changed value on a few animation frames later, so the charts that one update touches redraw
 * in turns — one or two per frame — instead of all in one long task.
 */
import { useEffect, useState } from 'react';

/** `value`, taken over `delay` animation frames after it changes (0: in the next frame). */
export function useStaggered<T>(value: T, delay: number): T {
  const [shown, setShown] = useState(value);
  useEffect(() => {
    let left = delay;
    let frame = 0;
    const tick = () => {
      if (left-- > 0) frame = requestAnimationFrame(tick);
      else setShown(() => value);
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, [value, delay]);
  return shown;
}
