/**
 * `reproduce`: runs a profile's grid (src/experiments/grid.ts) and leaves one compact summary per
 * finished run under `results/<profile>/` — resumable (finished runs are reused), splittable
 * (`--shard i/n`, then `reproduce merge`), with a progress bar and an ETA.
 *
 *   npm run cli -- reproduce --profile quick [--shard 1/4 | --jobs 2] [--part main,ablation] [--regime alfworld-short,webshop] [--dir results/quick] [--max-runs N] [--dry-run]
 *
 * `--jobs N` runs the grid as N shards in N child processes at once (one per core; each its own single-threaded
 * wasm), printing each finished run as it lands; it cannot be combined with `--shard`.
 *
 * `--part` runs only some parts of the grid (main table, ablation, sensitivity, entropy-mode) — e.g. the
 * main table's seeds first; `--regime` runs only the named regimes. A shard is taken from the whole grid before
 * these filters, so shards stay disjoint.
 *   npm run cli -- reproduce merge --into results/quick shard-a/ shard-b/ …
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { createRng } from '../src/core/prng';
import {
  configInputOf, gridOf, parseParts, parseShard, PROFILES, regimeOf, shardOf, summaryPath, trainingMismatch, type Profile, type RunSpec,
} from '../src/experiments/grid';
import {
  compact, CURVE_METRICS, evaluationSchema, parseRunSummary, SUMMARY_FORMAT, type EvalCounts, type Evaluation, type RunSummary,
} from '../src/experiments/summary';
import { alfworldTaskType } from '../src/experiments/taskType';
import { ALFWORLD_PRESET_NAMES } from '../src/envs/alfworld/presets';
import { type Checkpoint } from '../src/train/checkpoint';
import { maxActionTokens, parseTrainConfig, type TrainConfig } from '../src/train/config';
import { rollout, type Trajectory } from '../src/train/rollout';
import { Trainer } from '../src/train/trainer';
import { intFlag, parseFlags, UsageError } from './args';
import { jobsFlag, runCli, runPool } from './processPool';
import { loadCheckpoint, useBackend } from './train';

/** `reproduce` and `reproduce merge` (see the file comment). */
export async function runReproduce(argv: string[]): Promise<void> {
  if (argv[0] === 'merge') return runMerge(argv.slice(1));
  const flags = parseFlags(argv, {
    profile: { type: 'string' }, shard: { type: 'string' }, dir: { type: 'string' }, backend: { type: 'string' },
    'max-runs': { type: 'string' }, 'dry-run': { type: 'boolean' }, part: { type: 'string' }, regime: { type: 'string' },
    jobs: { type: 'string' },
  });
  const jobs = flags.jobs === undefined ? 1 : jobsFlag(flags.jobs);
  if (jobs > 1) {
    if (flags.shard) throw new UsageError('--jobs runs the grid as shards itself; leave out --shard (or run shards without --jobs)');
    return runAsShards(argv, jobs);
  }
  const profileName = flags.profile ?? 'quick';
  if (!(profileName in PROFILES)) throw new UsageError(`--profile must be ${Object.keys(PROFILES).join(' or ')}, got "${profileName}"`);
  const profile = PROFILES[profileName as Profile['name']];
  let shard = { index: 1, count: 1 };
  let parts: RunSpec['part'][] | null = null;
  let regimes: string[] | null = null;
  try {
    if (flags.shard) shard = parseShard(flags.shard);
    if (flags.part) parts = parseParts(flags.part);
    if (flags.regime) regimes = flags.regime.split(',').map((id) => regimeOf(id.trim()).id);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const dir = flags.dir ?? (profile.name === 'smoke' ? 'runs/reproduce-smoke' : `results/${profile.name}`);
  const runs = shardOf(gridOf(profile), shard).filter((spec) => (!parts || parts.includes(spec.part)) && (!regimes || regimes.includes(spec.regime)));
  const maxRuns = intFlag('max-runs', flags['max-runs'], Number.MAX_SAFE_INTEGER);

  const done: string[] = [];
  const unavailable = new Map<string, string>();
  const todo: RunSpec[] = [];
  // A summary trained with other settings than its regime now asks for is run again (and replaced).
  const stale: string[] = [];
  for (const spec of runs) {
    const why = whyUnavailable(spec);
    const summary = why ? null : await readSummary(summaryPath(dir, spec.id));
    const mismatch = summary && trainingMismatch(spec, summary.config);
    if (why) unavailable.set(spec.regime, why);
    else if (summary && !mismatch) done.push(spec.id);
    else {
      if (mismatch) stale.push(`${spec.id}: ${mismatch}`);
      todo.push(spec);
    }
  }
  const skipped = runs.length - done.length - todo.length;
  console.error(`${profile.name} grid, shard ${shard.index}/${shard.count}${[parts?.join(', '), regimes?.join(', ')].filter(Boolean).map((f) => ` (${f})`).join('')}: ${runs.length} runs — ${done.length} finished (reused), `
    + `${todo.length} to run, ${skipped} unavailable${[...unavailable].map(([r, why]) => `\n  ${r}: ${why}`).join('')}`
    + (stale.length ? `\n  ${stale.length} summaries trained with other settings are run again:\n    ${stale.join('\n    ')}` : ''));
  if (flags['dry-run']) {
    for (const spec of todo) console.log(spec.id);
    return;
  }

  const backend = await useBackend(flags.backend);
  // The code that runs is the code loaded now; later checkouts in the same folder do not change it.
  const commit = gitCommit();
  const started = Date.now();
  let finished = 0;
  const planned = Math.min(todo.length, maxRuns);
  for (const spec of todo.slice(0, planned)) {
    const runStarted = Date.now();
    const summary = await runOne(spec, dir, backend, commit, (iteration) => {
      const perRun = finished ? (Date.now() - started) / finished : NaN;
      const eta = Number.isFinite(perRun) ? formatDuration(perRun * (planned - finished) - (Date.now() - runStarted)) : '…';
      process.stderr.write(`\r${bar(finished + iteration / spec.iterations, planned)} run ${finished + 1}/${planned} ${spec.id} `
        + `iter ${iteration}/${spec.iterations}  ETA ${eta}   `);
    });
    await writeAtomically(summaryPath(dir, spec.id), JSON.stringify(summary) + '\n');
    finished++;
    process.stderr.write(`\r${bar(finished, planned)} ${spec.id}: held-out T=1 ${pct(summary.base.t1)} → ${pct(summary.final.t1)}, `
      + `greedy ${pct(summary.base.greedy)} → ${pct(summary.final.greedy)} (${summary.minutes.toFixed(1)} min)\n`);
  }
  console.error(`${finished} runs finished in ${formatDuration(Date.now() - started)}; ${todo.length - finished} left in this shard.`);
}

/** The arguments of shard `index` of `count` for a child process: `argv` without `--jobs`, plus `--shard`. */
export function shardArgs(argv: readonly string[], index: number, count: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--jobs') i++;
    else if (!argv[i].startsWith('--jobs=')) out.push(argv[i]);
  }
  return ['reproduce', ...out, '--shard', `${index}/${count}`];
}

/**
 * `--jobs N`: runs shards 1/N … N/N of the same grid in N child processes at once; each finished run (and
 * each shard's first and last line) is printed with its shard, the children's progress bars are not.
 */
async function runAsShards(argv: readonly string[], jobs: number): Promise<void> {
  const shards = Array.from({ length: jobs }, (_, i) => i + 1);
  const results = await runPool(shards, jobs, (index) => runCli(shardArgs(argv, index, jobs), {
    inheritStdout: true,
    onStderrLine: (line) => console.error(`[shard ${index}/${jobs}] ${line}`),
  }));
  const codes = results.map((result) => result.code);
  const failed = shards.filter((_, i) => codes[i] !== 0);
  if (failed.length) throw new Error(`shard${failed.length > 1 ? 's' : ''} ${failed.map((i) => `${i}/${jobs}`).join(', ')} failed (see its lines above)`);
}

/** Why a run cannot start here (its regime's preset or base checkpoint is missing), or null. */
function whyUnavailable(spec: RunSpec): string | null {
  const regime = regimeOf(spec.regime);
  if (regime.env === 'alfworld' && !ALFWORLD_PRESET_NAMES.includes(regime.preset)) return `no ALFWorld-lite preset "${regime.preset}"`;
  if (!existsSync(regime.checkpoint)) return `no base checkpoint at ${regime.checkpoint}`;
  return null;
}

function configOf(spec: RunSpec): TrainConfig {
  const parsed = parseTrainConfig(configInputOf(spec));
  if (!parsed.ok) throw new Error(`${spec.id}: ${parsed.errors.join('; ')}`);
  return parsed.config;
}

async function runOne(spec: RunSpec, dir: string, backend: string, commit: string, progress: (iteration: number) => void): Promise<RunSummary> {
  const started = Date.now();
  const regime = regimeOf(spec.regime);
  const checkpoint = await loadCheckpoint(regime.checkpoint);
  const config = configOf(spec);
  const base = await baseEvaluation(spec, dir, checkpoint, config, backend);
  const trainer = await Trainer.create(config, { checkpoint, backend });
  const curve: Record<string, (number | null)[]> = Object.fromEntries(CURVE_METRICS.map((m) => [m, []]));
  const lines: string[] = [];
  for (let i = 0; i < spec.iterations; i++) {
    progress(i);
    const { metrics } = await trainer.step();
    for (const name of CURVE_METRICS) curve[name].push(Number.isFinite(metrics[name]) ? compact(metrics[name]) : null);
    lines.push(JSON.stringify({ id: spec.id, ...metrics }));
  }
  progress(spec.iterations);
  const raw = join('runs', 'reproduce', `${spec.id}.jsonl`);
  await mkdir(dirname(raw), { recursive: true });
  await writeFile(raw, lines.join('\n') + '\n');
  const final = await evaluate(trainer, spec.evalEpisodes);
  trainer.dispose();
  return {
    format: SUMMARY_FORMAT, version: 1, spec, config: { ...config }, backend, commit, minutes: compact((Date.now() - started) / 60000, 3),
    base, final, curve,
  };
}

/** The base checkpoint's evaluation, computed once per regime and episode count and kept beside the summaries. */
async function baseEvaluation(spec: RunSpec, dir: string, checkpoint: Checkpoint, config: TrainConfig, backend: string): Promise<Evaluation> {
  const path = join(dir, 'base', `${spec.regime}-${spec.evalEpisodes}.json`);
  // The cached evaluation names the checkpoint file it measured; a retrained checkpoint is measured again.
  const checkpointSha256 = createHash('sha256').update(await readFile(regimeOf(spec.regime).checkpoint)).digest('hex');
  if (existsSync(path)) {
    const cached = baseFileSchema.safeParse(JSON.parse(await readFile(path, 'utf8')));
    if (cached.success && cached.data.checkpointSha256 === checkpointSha256) return evaluationSchema.parse(cached.data);
  }
  const trainer = await Trainer.create(config, { checkpoint, backend });
  const evaluation = await evaluate(trainer, spec.evalEpisodes);
  trainer.dispose();
  await writeAtomically(path, JSON.stringify({ ...evaluation, checkpointSha256 }) + '\n');
  return evaluation;
}

/** A cached base evaluation: the evaluation and the SHA-256 of the checkpoint file it measured. */
const baseFileSchema = evaluationSchema.extend({ checkpointSha256: z.string().optional() });

/** Held-out evaluation on test tasks 0…episodes−1, greedy and at T = 1, as `Trainer.evaluate` plays them. */
async function evaluate(trainer: Trainer, episodes: number): Promise<Evaluation> {
  const play = async (greedy: boolean): Promise<EvalCounts> => {
    const tasks = Array.from({ length: episodes }, (_, i) => ({ taskSeed: i, group: i }));
    const results: Trajectory[] = [];
    for (let start = 0; start < tasks.length; start += 64) {
      results.push(...await rollout(trainer.model, trainer.tokenizer, trainer.source, tasks.slice(start, start + 64), {
        split: 'test', copies: 1, greedy, maxSteps: trainer.source.stepLimit, temperature: 1,
        masked: trainer.config.decoding === 'masked', maxActionTokens: maxActionTokens(trainer.config.env),
        context: trainer.model.config.context, invalidPenalty: trainer.config.invalidPenalty,
      }, createRng('evaluation')));
    }
    const byTaskType: EvalCounts['byTaskType'] = {};
    if (trainer.config.env === 'alfworld') {
      for (const t of results) {
        const cell = (byTaskType[alfworldTaskType(t.task)] ??= { episodes: 0, successes: 0 });
        cell.episodes++;
        if (t.won) cell.successes++;
      }
    }
    return {
      episodes, successes: results.filter((t) => t.won).length,
      meanScore: compact(results.reduce((s, t) => s + t.score, 0) / episodes), byTaskType,
    };
  };
  return { greedy: await play(true), t1: await play(false) };
}

/** `reproduce merge`: copies every valid summary of the given folders into `--into`, keeping finished ones. */
async function runMerge(argv: string[]): Promise<void> {
  let flags: { into?: string };
  let sources: string[];
  try {
    const parsed = parseArgs({ args: argv, options: { into: { type: 'string' } }, allowPositionals: true, strict: true });
    [flags, sources] = [parsed.values, parsed.positionals];
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (!flags.into || !sources.length) throw new UsageError('usage: reproduce merge --into results/quick DIR [DIR …]');
  let copied = 0;
  let kept = 0;
  const problems: string[] = [];
  for (const source of sources) {
    for (const file of await listJson(source)) {
      const rel = relative(source, file);
      const target = join(flags.into, rel);
      const text = await readFile(file, 'utf8');
      if (rel.startsWith('base/')) {
        if (!existsSync(target)) await writeAtomically(target, text);
        continue;
      }
      const parsed = parseRunSummary(safeJson(text));
      if (!parsed.ok) {
        problems.push(`${file}: ${parsed.errors.slice(0, 3).join('; ')}`);
        continue;
      }
      if (summaryPath(flags.into, parsed.summary.spec.id) !== target) {
        problems.push(`${file}: holds run ${parsed.summary.spec.id}, which belongs at ${summaryPath(flags.into, parsed.summary.spec.id)}`);
        continue;
      }
      if (existsSync(target)) {
        kept++;
        continue;
      }
      await writeAtomically(target, text);
      copied++;
    }
  }
  console.error(`merged into ${flags.into}: ${copied} summaries copied, ${kept} already there${problems.length ? `, ${problems.length} skipped:\n  ${problems.join('\n  ')}` : ''}`);
  if (problems.length) process.exitCode = 1;
}

async function listJson(dir: string): Promise<string[]> {
  if (!existsSync(dir)) throw new UsageError(`no folder ${dir}`);
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.json')).map((e) => join(e.parentPath, e.name)).sort();
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

async function readSummary(path: string): Promise<RunSummary | null> {
  if (!existsSync(path)) return null;
  const parsed = parseRunSummary(safeJson(await readFile(path, 'utf8')));
  return parsed.ok ? parsed.summary : null;
}

async function writeAtomically(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.partial`;
  await writeFile(temporary, text);
  await rename(temporary, path);
}

/** The checked-out commit, with `+dirty` when tracked files differ from it; `unknown` outside git. */
export function gitCommit(): string {
  try {
    const head = execFileSync('git', ['rev-parse', 'HEAD'], { encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { encoding: 'utf8' }).trim();
    return dirty ? `${head}+dirty` : head;
  } catch {
    return 'unknown';
  }
}

function bar(done: number, total: number): string {
  const width = 20;
  const filled = total ? Math.round((done / total) * width) : width;
  return '█'.repeat(filled) + '░'.repeat(width - filled);
}

function pct(c: EvalCounts): string {
  return `${((c.successes / c.episodes) * 100).toFixed(1)} %`;
}

function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '…';
  const minutes = Math.round(ms / 60000);
  return minutes >= 60 ? `${Math.floor(minutes / 60)} h ${minutes % 60} min` : `${minutes} min`;
}
