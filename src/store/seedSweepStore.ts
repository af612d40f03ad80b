/**
 * A run over several seeds: the same configuration (one or two lanes) trained for the same number of
 * iterations from seed s, s + 1, …, one seed after the other, each lane's metric history kept per seed
 * so the page can draw the mean ± standard deviation across seeds. The page drives it (src/ui/seeds);
 * this store holds what it has done so far.
 */
import { create } from 'zustand';
import type { Metrics } from '../train/trainer';

/** One finished seed: each lane's history, oldest iteration first. */
export interface SeedRun {
  seed: number;
  lanes: Metrics[][];
}

/** The sweep's state and actions. */
export interface SeedSweepState {
  phase: 'idle' | 'running' | 'done' | 'stopped';
  seeds: number[];
  iterations: number;
  /** Where the running sweep is: the seed's index and the iterations it finished. */
  at: { seed: number; iteration: number };
  runs: SeedRun[];
  /** Why it stopped early, for people. */
  stopReason: string | null;
  /** Each sweep gets a number; a driver whose number is no longer current stops. */
  token: number;
  begin(seeds: number[], iterations: number): number;
  progress(seed: number, iteration: number): void;
  add(run: SeedRun): void;
  finish(): void;
  stop(reason: string): void;
}

/** The seed-sweep store (one per page). */
export const useSeedSweep = create<SeedSweepState>()((set, get) => ({
  phase: 'idle',
  seeds: [],
  iterations: 0,
  at: { seed: 0, iteration: 0 },
  runs: [],
  stopReason: null,
  token: 0,
  begin(seeds, iterations) {
    const token = get().token + 1;
    set({ phase: 'running', seeds, iterations, at: { seed: 0, iteration: 0 }, runs: [], stopReason: null, token });
    return token;
  },
  progress(seed, iteration) {
    set({ at: { seed, iteration } });
  },
  add(run) {
    set((s) => ({ runs: [...s.runs, run] }));
  },
  finish() {
    set({ phase: 'done' });
  },
  stop(reason) {
    set((s) => ({ phase: 'stopped', stopReason: reason, token: s.token + 1 }));
  },
}));
