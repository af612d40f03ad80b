import { describe, expect, it } from 'vitest';
import { frameBatch, type FrameScheduler } from './frameBatch';

/** A scheduler driven by hand: frames and timers run when the test says so. */
function manual() {
  const frames = new Map<number, () => void>();
  const timers = new Map<number, () => void>();
  let next = 1;
  const scheduler: FrameScheduler = {
    requestFrame: (run) => { frames.set(next, run); return next++; },
    cancelFrame: (id) => { frames.delete(id); },
    setTimer: (run) => { timers.set(next, run); return next++ as unknown as ReturnType<typeof setTimeout>; },
    clearTimer: (id) => { timers.delete(id as unknown as number); },
  };
  const runFrames = () => { for (const [id, run] of [...frames]) { frames.delete(id); run(); } };
  const runTimers = () => { for (const [id, run] of [...timers]) { timers.delete(id); run(); } };
  return { scheduler, runFrames, runTimers, pending: () => frames.size + timers.size };
}

describe('frameBatch', () => {
  it('hands over everything pushed before a frame in one call, in order', () => {
    const clock = manual();
    const calls: number[][] = [];
    const batch = frameBatch<number>((items) => calls.push(items), 100, clock.scheduler);
    batch.push(1);
    batch.push(2);
    batch.push(3);
    expect(calls).toEqual([]);
    clock.runFrames();
    expect(calls).toEqual([[1, 2, 3]]);
    expect(clock.pending()).toBe(0);
    batch.push(4);
    clock.runFrames();
    expect(calls).toEqual([[1, 2, 3], [4]]);
  });

  it('falls back to the timer when no frame comes (a hidden tab), and never delivers twice', () => {
    const clock = manual();
    const calls: string[][] = [];
    const batch = frameBatch<string>((items) => calls.push(items), 100, clock.scheduler);
    batch.push('a');
    clock.runTimers();
    clock.runFrames();
    expect(calls).toEqual([['a']]);
  });

  it('flush delivers at once; cancel drops the queue', () => {
    const clock = manual();
    const calls: number[][] = [];
    const batch = frameBatch<number>((items) => calls.push(items), 100, clock.scheduler);
    batch.push(1);
    batch.flush();
    expect(calls).toEqual([[1]]);
    batch.push(2);
    batch.cancel();
    clock.runFrames();
    clock.runTimers();
    expect(calls).toEqual([[1]]);
  });

  it('lets deferrable items wait for their timer before asking for a frame', () => {
    const clock = manual();
    const calls: string[][] = [];
    const batch = frameBatch<string>((items) => calls.push(items), 100, clock.scheduler, { when: (item) => item.startsWith('p'), ms: 200 });
    batch.push('p1');
    batch.push('p2');
    clock.runFrames();
    expect(calls).toEqual([]);
    clock.runTimers(); // the deferral's timer: now a frame is asked for
    expect(calls).toEqual([]);
    clock.runFrames();
    expect(calls).toEqual([['p1', 'p2']]);
    expect(clock.pending()).toBe(0);
  });

  it('hands deferrable items over with the next urgent one, in order, at the next frame', () => {
    const clock = manual();
    const calls: string[][] = [];
    const batch = frameBatch<string>((items) => calls.push(items), 100, clock.scheduler, { when: (item) => item.startsWith('p'), ms: 200 });
    batch.push('p1');
    batch.push('metrics');
    batch.push('p2');
    clock.runFrames();
    expect(calls).toEqual([['p1', 'metrics', 'p2']]);
    expect(clock.pending()).toBe(0);
  });
});
