/**
 * Drives a run over several seeds with the worker's ordinary messages: for each seed, set it (the lanes
 * restart from the same seed, tasks and weights), reset, then Step N times, waiting for every lane's
 * metrics each time; keep each lane's history. Afterwards the first seed is set again. A worker error,
 * Stop, or a change of the lanes ends it early and says why.
 */
import { useRun, type LaneView } from '../../store/runStore';
import { useRuntime } from '../../store/runtimeStore';
import { useSeedSweep } from '../../store/seedSweepStore';
import { useView } from '../../store/viewStore';
import { applySettings, runCommand } from '../training/runSettings';

/** Thrown to end a sweep early; the message is shown. */
class Stopped extends Error {}

/** Resolves once `ready()` holds for the run store; rejects when the sweep is stopped or the worker reports an error. */
function until(ready: (lanes: LaneView[]) => boolean, token: number, errorsBefore: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = () => {
      if (useSeedSweep.getState().token !== token) return fail(new Stopped(''));
      const errors = useRuntime.getState().notices.filter((n) => n.level === 'error');
      if (errors.length > errorsBefore) return fail(new Stopped(`the worker reported: ${errors.at(-1)!.text}`));
      let done: boolean;
      try {
        done = ready(useRun.getState().lanes);
      } catch (error) {
        return fail(error instanceof Error ? error : new Stopped(String(error)));
      }
      if (done) {
        cleanup();
        resolve();
      }
    };
    const fail = (error: Error) => {
      cleanup();
      reject(error);
    };
    const unsubscribers = [useRun.subscribe(check), useRuntime.subscribe(check), useSeedSweep.subscribe(check)];
    const cleanup = () => unsubscribers.forEach((u) => u());
    check();
  });
}

/** Trains `iterations` iterations of every lane from each of `count` seeds, starting at the current one. */
export async function runSeedSweep(count: number, iterations: number): Promise<void> {
  const first = useView.getState().settings.seed;
  const seeds = Array.from({ length: count }, (_, i) => first + i);
  const sweep = useSeedSweep.getState();
  const token = sweep.begin(seeds, iterations);
  const laneCount = useRun.getState().lanes.length;
  const errorsBefore = useRuntime.getState().notices.filter((n) => n.level === 'error').length;
  try {
    for (const [index, seed] of seeds.entries()) {
      useSeedSweep.getState().progress(index, 0);
      const before = useRun.getState().lanes.map((l) => l.status?.generation);
      applySettings({ seed });
      runCommand('reset');
      await until((lanes) => lanes.length === laneCount && lanes.every((l, i) =>
        l.status?.config.seed === seed && l.status.generation !== before[i] && l.history.length === 0), token, errorsBefore);
      for (let i = 1; i <= iterations; i++) {
        runCommand('step');
        await until((lanes) => {
          if (lanes.length !== laneCount || lanes.some((l) => l.status?.config.seed !== seed)) throw new Stopped('the lanes or the seed changed meanwhile');
          return lanes.every((l) => l.history.length >= i);
        }, token, errorsBefore);
        useSeedSweep.getState().progress(index, i);
      }
      useSeedSweep.getState().add({ seed, lanes: useRun.getState().lanes.map((l) => l.history.slice(0, iterations)) });
    }
    useSeedSweep.getState().finish();
  } catch (error) {
    const current = useSeedSweep.getState();
    if (current.token === token) current.stop(error instanceof Error && error.message ? error.message : 'stopped');
    else if (current.phase === 'running') current.stop('stopped');
  } finally {
    if (useView.getState().settings.seed !== first) applySettings({ seed: first });
  }
}

/** Stops a running sweep after the iteration in progress. */
export function stopSeedSweep(): void {
  const sweep = useSeedSweep.getState();
  if (sweep.phase === 'running') sweep.stop('stopped by you');
}
