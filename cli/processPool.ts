/**
 * Running many independent jobs on every core: `runPool` keeps at most N jobs in flight, `runCli` runs
 * one command of this CLI as a child process (its own single-threaded wasm backend, so one process per
 * core uses the machine fully). `sweep --jobs N` uses both; any command that runs a grid of training
 * runs can do the same:
 *
 *   const summaries = await runPool(runs, jobsFlag(flags.jobs), (run) => runCli(['train', ...run.args]));
 */
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { UsageError } from './args';

/** The default number of parallel jobs: one per core the OS reports. */
export function defaultJobs(): number {
  return Math.max(1, availableParallelism());
}

/** Reads a `--jobs` flag (a positive integer; default one per core), or throws a UsageError. */
export function jobsFlag(value: string | undefined, name = 'jobs'): number {
  if (value === undefined) return defaultJobs();
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--${name} must be a positive integer, got "${value}"`);
  return n;
}

/**
 * Runs `work` on every item with at most `jobs` running at once, starting them in order; resolves to the
 * results in item order. After the first failure no new item starts; it rejects with that error once the
 * jobs already running have settled.
 */
export async function runPool<T, R>(items: readonly T[], jobs: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  if (!(Number.isInteger(jobs) && jobs >= 1)) throw new Error(`jobs must be a positive integer, got ${jobs}`);
  const results: R[] = new Array(items.length);
  let next = 0;
  let failure: { error: unknown } | null = null;
  const lane = async () => {
    while (next < items.length && !failure) {
      const index = next++;
      try {
        results[index] = await work(items[index], index);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(jobs, items.length) }, lane));
  if (failure) throw (failure as { error: unknown }).error;
  return results;
}

/** What a finished CLI process left. */
export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** How `runCli` treats the child's output. */
export interface RunCliOptions {
  /** The child's working directory (default: this process's). */
  cwd?: string;
  /** Let the child write to this process's stdout instead of collecting it. */
  inheritStdout?: boolean;
  /**
   * Called with each line of the child's stderr as a terminal would show it (the text after the line's last
   * carriage return, so a progress bar redrawn in place gives its latest state); empty lines are skipped.
   * When given, stderr is streamed to it and not collected.
   */
  onStderrLine?: (line: string) => void;
}

/** Runs `npm run cli -- ...args` as a child process of this Node (no npm in between) and collects its output. */
export function runCli(args: readonly string[], options: RunCliOptions = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'cli/main.ts', ...args], {
      cwd: options.cwd, stdio: ['ignore', options.inheritStdout ? 'inherit' : 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let pending = '';
    const { onStderrLine } = options;
    const emit = (line: string) => {
      const shown = line.slice(line.lastIndexOf('\r') + 1).trimEnd();
      if (shown) onStderrLine?.(shown);
    };
    child.stdout?.on('data', (chunk) => { stdout += chunk; });
    child.stderr?.on('data', (chunk) => {
      if (!onStderrLine) { stderr += chunk; return; }
      const lines = (pending + chunk.toString()).split('\n');
      pending = lines.pop() ?? '';
      lines.forEach(emit);
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (pending) emit(pending);
      resolve({ code: code ?? 1, stdout, stderr });
    });
  });
}
