/**
 * Wall-clock time per named phase of a training iteration (`rollout/decode`, `update/backward`, …),
 * collected only while a collector is installed — by `npm run bench`; otherwise `phase` just calls its
 * function. On synchronous backends (wasm, cpu) a phase's time is the time its kernels ran; on WebGPU it
 * is the time to dispatch them, plus any wait for a read-back inside the phase.
 */

/** Accumulated milliseconds and call counts per phase name. */
export class PhaseTimes {
  /** Milliseconds per phase. */
  readonly ms = new Map<string, number>();
  /** Calls (or counted events, see `count`) per phase. */
  readonly calls = new Map<string, number>();
  /** TF.js kernels dispatched per phase (when a kernel counter was given). */
  readonly kernels = new Map<string, number>();

  /** `kernelCount` (optional) returns how many kernels ran so far, e.g. from a TF.js profile. */
  constructor(readonly kernelCount?: () => number) {}

  /** Adds one call of `ms` milliseconds (and `kernels` kernels) to `name`. */
  add(name: string, ms: number, kernels = 0): void {
    this.ms.set(name, (this.ms.get(name) ?? 0) + ms);
    this.calls.set(name, (this.calls.get(name) ?? 0) + 1);
    if (kernels) this.kernels.set(name, (this.kernels.get(name) ?? 0) + kernels);
  }

  /** Counts `n` events of `name` without time (e.g. tokens decoded). */
  count(name: string, n = 1): void {
    this.calls.set(name, (this.calls.get(name) ?? 0) + n);
  }

  /** Plain object: name → { ms, calls, kernels }, sorted by name. */
  toJSON(): Record<string, { ms: number; calls: number; kernels: number }> {
    const names = [...new Set([...this.ms.keys(), ...this.calls.keys()])].sort();
    return Object.fromEntries(names.map((n) => [n, { ms: this.ms.get(n) ?? 0, calls: this.calls.get(n) ?? 0, kernels: this.kernels.get(n) ?? 0 }]));
  }
}

let collector: PhaseTimes | null = null;

/** Installs (or with null removes) the collector that `phase` reports to. */
export function collectPhases(times: PhaseTimes | null): void {
  collector = times;
}

/** Runs `fn`, adding its wall time to phase `name` when a collector is installed. */
export function phase<T>(name: string, fn: () => T): T {
  const times = collector;
  if (!times) return fn();
  const start = performance.now();
  const kernels = times.kernelCount?.() ?? 0;
  try {
    return fn();
  } finally {
    times.add(name, performance.now() - start, (times.kernelCount?.() ?? 0) - kernels);
  }
}

/** `phase` for an async function: the time until its promise settles. */
export async function phaseAsync<T>(name: string, fn: () => Promise<T>): Promise<T> {
  const times = collector;
  if (!times) return fn();
  const start = performance.now();
  const kernels = times.kernelCount?.() ?? 0;
  try {
    return await fn();
  } finally {
    times.add(name, performance.now() - start, (times.kernelCount?.() ?? 0) - kernels);
  }
}

/** Counts `n` events of `name` when a collector is installed. */
export function countPhase(name: string, n = 1): void {
  collector?.count(name, n);
}

/** Adds `ms` milliseconds measured elsewhere to phase `name` when a collector is installed. */
export function addPhase(name: string, ms: number): void {
  collector?.add(name, ms);
}
