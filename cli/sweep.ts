/**
 * `sweep`: the comparison behind docs/TRAINING.md — every algorithm × several seeds, each run a separate
 * `train` process (`--jobs N` at a time, one per core by default, seed by seed so that a cut-short sweep
 * stays balanced; cli/processPool.ts), then one
 * markdown table of mean ± std over seeds. A run whose log already ends in its summary is reused, so an
 * interrupted sweep resumes where it stopped (delete the folder to start over).
 *
 *   npm run cli -- sweep --env alfworld --iters 100 --seeds 1,2,3 --dir runs/alfworld [--jobs 2]
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { intFlag, parseFlags } from './args';
import { envFlag } from './envCommands';
import { jobsFlag, runCli, runPool } from './processPool';

const ALGORITHMS = ['grpo', 'grpo+empg', 'dapo', 'dapo+empg'];

interface RunSummary {
  algo: string;
  seed: number;
  eval_greedy_success?: number;
  eval_t04_success?: number;
  eval_rollout_t_success?: number;
  iterations: number;
  mean_iter_s: number;
}

/** The summary a finished `train` run left as the last line of its log, if it ran `iterations` iterations. */
function finishedRun(log: string, iterations: number): RunSummary | null {
  if (!existsSync(log)) return null;
  try {
    const summary = JSON.parse(readFileSync(log, 'utf8').trim().split('\n').at(-1)!) as RunSummary;
    return summary.iterations === iterations ? summary : null;
  } catch {
    return null;
  }
}

async function trainProcess(args: string[], log: string): Promise<RunSummary> {
  const { code, stdout, stderr } = await runCli(['train', ...args, '--quiet']);
  await writeFile(log, stderr + stdout);
  if (code !== 0) throw new Error(`train ${args.join(' ')} failed (${code}); see ${log}`);
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as RunSummary;
}

/** Mean and sample standard deviation, formatted as percentages. */
function meanStd(values: number[]): string {
  const m = values.reduce((a, b) => a + b, 0) / values.length;
  const s = values.length > 1 ? Math.sqrt(values.reduce((a, b) => a + (b - m) ** 2, 0) / (values.length - 1)) : 0;
  return `${(100 * m).toFixed(1)} ± ${(100 * s).toFixed(1)}`;
}

function successAt(path: string, from: number, to: number): number {
  const rows = readFileSync(path, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, number>);
  const window = rows.filter((r) => r.iteration >= from && r.iteration <= to);
  return window.reduce((a, r) => a + r['env/success_rate'], 0) / Math.max(1, window.length);
}

/** Runs the grid and prints (and saves) the markdown table. */
export async function runSweep(argv: string[]): Promise<void> {
  const flags = parseFlags(argv, {
    env: { type: 'string' }, preset: { type: 'string' }, iters: { type: 'string' }, seeds: { type: 'string' },
    algos: { type: 'string' }, dir: { type: 'string' }, jobs: { type: 'string' }, parallel: { type: 'string' }, eval: { type: 'string' },
    extra: { type: 'string' },
  });
  const env = envFlag(flags.env, 'alfworld');
  const preset = flags.preset ?? 'tiny';
  const iterations = intFlag('iters', flags.iters, 100);
  const seeds = (flags.seeds ?? '1,2,3').split(',').map((s) => intFlag('seeds', s, 1));
  const algos = flags.algos ? flags.algos.split(',') : ALGORITHMS;
  // --parallel is the older name of --jobs.
  const jobsCount = flags.jobs !== undefined ? jobsFlag(flags.jobs) : jobsFlag(flags.parallel, 'parallel');
  const dir = flags.dir ?? join('runs', env);
  await mkdir(dir, { recursive: true });

  const jobs = seeds.flatMap((seed) => algos.map((algo) => ({ algo, seed })));
  const results = await runPool(jobs, jobsCount, async ({ algo, seed }) => {
    const out = join(dir, `${algo}-s${seed}.jsonl`);
    const args = ['--env', env, '--preset', preset, '--algo', algo, '--seed', String(seed), '--iters', String(iterations),
      '--out', out, '--eval', flags.eval ?? '256', ...(flags.extra ? flags.extra.split(' ') : [])];
    const started = Date.now();
    const log = out.replace(/\.jsonl$/, '.log');
    const summary = finishedRun(log, iterations) ?? await trainProcess(args, log);
    console.error(`${algo} seed ${seed}: eval ${summary.eval_t04_success}, ${((Date.now() - started) / 60000).toFixed(1)} min`);
    return { ...summary, out };
  });

  const head = Math.min(10, iterations);
  const lines = [
    `| algorithm | seeds | train success, iterations 1–${head} | train success, iterations ${iterations - head + 1}–${iterations} | rise (points) `
      + '| held-out, rollout temperature | held-out, T = 0.4 | held-out, greedy | s / iteration |',
    '|---|---|---|---|---|---|---|---|---|',
  ];
  for (const algo of algos) {
    const runs = results.filter((r) => r.algo === algo && existsSync(r.out));
    if (!runs.length) continue;
    const first = runs.map((r) => successAt(r.out, 1, head));
    const last = runs.map((r) => successAt(r.out, iterations - head + 1, iterations));
    lines.push(`| ${algo} | ${runs.length} | ${meanStd(first)} | ${meanStd(last)} | ${meanStd(last.map((l, i) => l - first[i]))} `
      + `| ${meanStd(runs.map((r) => r.eval_rollout_t_success ?? NaN))} `
      + `| ${meanStd(runs.map((r) => r.eval_t04_success ?? NaN))} | ${meanStd(runs.map((r) => r.eval_greedy_success ?? NaN))} `
      + `| ${(runs.reduce((a, r) => a + r.mean_iter_s, 0) / runs.length).toFixed(1)} |`);
  }
  const table = lines.join('\n');
  await writeFile(join(dir, 'summary.md'), `${env}/${preset}, ${iterations} iterations, seeds ${seeds.join(', ')}\n\n${table}\n`);
  console.log(table);
}
