import { describe, expect, it } from 'vitest';
import { PagePace } from './pagePace';

/** A pace whose timers run only when the test says so. */
function manualPace(maxWaitMs = 500) {
  const timers: { run: () => void; ms: number }[] = [];
  const pace = new PagePace(maxWaitMs, (run, ms) => timers.push({ run, ms }));
  return { pace, fireTimers: () => timers.splice(0).forEach((t) => t.run()), timers };
}

/** Whether a promise has settled after the microtasks queued so far have run. */
async function settled(promise: Promise<void>): Promise<boolean> {
  let done = false;
  void promise.then(() => { done = true; });
  await Promise.resolve();
  await Promise.resolve();
  return done;
}

describe('PagePace', () => {
  it('does not wait while the page has drawn everything reported', async () => {
    const { pace, timers } = manualPace();
    expect(await settled(pace.waitForPage())).toBe(true);
    pace.reportedOne();
    pace.pageDrew(1);
    expect(await settled(pace.waitForPage())).toBe(true);
    expect(timers).toHaveLength(0);
  });

  it('waits for the receipt of the last reported iteration, not an older one', async () => {
    const { pace } = manualPace();
    pace.reportedOne();
    pace.reportedOne();
    const wait = pace.waitForPage();
    pace.pageDrew(1);
    expect(await settled(wait)).toBe(false);
    pace.pageDrew(2);
    expect(await settled(wait)).toBe(true);
  });

  it('stops waiting after maxWaitMs when the page never answers', async () => {
    const { pace, fireTimers, timers } = manualPace(250);
    pace.reportedOne();
    const wait = pace.waitForPage();
    expect(timers.map((t) => t.ms)).toEqual([250]);
    expect(await settled(wait)).toBe(false);
    fireTimers();
    expect(await settled(wait)).toBe(true);
  });

  it('a late timer of an earlier wait does not end a later one', async () => {
    const { pace, timers } = manualPace();
    pace.reportedOne();
    void pace.waitForPage();
    pace.pageDrew(1);
    pace.reportedOne();
    const second = pace.waitForPage();
    timers[0].run();
    expect(await settled(second)).toBe(false);
    timers[1].run();
    expect(await settled(second)).toBe(true);
  });

  it('with maxWaitMs 0 it never waits', async () => {
    const { pace } = manualPace(0);
    pace.reportedOne();
    expect(await settled(pace.waitForPage())).toBe(true);
  });
});
