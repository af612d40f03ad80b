/**
 * `entropy-change`: the Fig. 3 analogue (reference/paper.md §7). Samples a fixed set of episodes from
 * a regime's base checkpoint (held-out tasks 0…N−1, once, at the rollout temperature), measures every
 * step's and token's entropy under the base policy teacher-forced, trains each algorithm × seed from the
 * same checkpoint, re-measures the entropies on the very same steps and bins ΔH and |ΔH| by the
 * percentile of the initial entropy (src/experiments/entropyChange.ts). Resumable: runs already in
 * `--out` with the same settings are kept, and the file is rewritten after every run.
 *
 *   npm run cli -- entropy-change --regime webshop [--algos grpo,grpo+empg] [--seeds 1,2,3] [--iters 30]
 *       [--episodes 64] [--bins 10] [--out results/quick/fig3/webshop.json]
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { createRng } from '../src/core/prng';
import {
  binPairs, ENTROPY_CHANGE_FORMAT, ENTROPY_LEVELS, levelPairs, parseEntropyChange, type EntropyChange, type EntropyChangeRun,
  type StepEntropies,
} from '../src/experiments/entropyChange';
import { regimeOf } from '../src/experiments/grid';
import { teacherForcedEntropies } from '../src/policy/teacherForced';
import { maxActionTokens, parseAlgorithmLabel, parseTrainConfig, type TrainConfig } from '../src/train/config';
import { rollout, type StepData } from '../src/train/rollout';
import { Trainer } from '../src/train/trainer';
import { intFlag, parseFlags, UsageError } from './args';
import { gitCommit } from './reproduce';
import { loadCheckpoint, useBackend } from './train';

/** `entropy-change` (see the file comment). */
export async function runEntropyChange(argv: string[]): Promise<void> {
  const flags = parseFlags(argv, {
    regime: { type: 'string' }, algos: { type: 'string' }, seeds: { type: 'string' }, iters: { type: 'string' },
    episodes: { type: 'string' }, bins: { type: 'string' }, out: { type: 'string' }, backend: { type: 'string' },
  });
  if (!flags.regime) throw new UsageError('--regime is required (e.g. alfworld-short, webshop)');
  let regime;
  try {
    regime = regimeOf(flags.regime);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const algos = (flags.algos ?? 'grpo,grpo+empg').split(',').map((a) => a.trim()).filter(Boolean);
  for (const algo of algos) {
    try {
      parseAlgorithmLabel(algo);
    } catch (error) {
      throw new UsageError(`--algos: ${(error as Error).message}`);
    }
  }
  const seeds = (flags.seeds ?? '1,2,3').split(',').map((s) => Number(s.trim()));
  if (!seeds.length || seeds.some((s) => !Number.isInteger(s) || s < 0)) throw new UsageError(`--seeds must be a list of integers ≥ 0, got "${flags.seeds}"`);
  const iterations = intFlag('iters', flags.iters, 30);
  const episodes = intFlag('episodes', flags.episodes, 64);
  const bins = intFlag('bins', flags.bins, 10);
  if (iterations < 1 || episodes < 1 || bins < 2) throw new UsageError('--iters and --episodes must be ≥ 1, --bins ≥ 2');
  const out = flags.out ?? `results/quick/fig3/${regime.id}.json`;
  if (!existsSync(regime.checkpoint)) throw new UsageError(`no base checkpoint at ${regime.checkpoint}`);

  const backend = await useBackend(flags.backend);
  const commit = gitCommit();
  const checkpoint = await loadCheckpoint(regime.checkpoint);
  const configOf = (algo: string, seed: number): TrainConfig => {
    const parsed = parseTrainConfig({ env: regime.env, preset: regime.preset, seed, ...parseAlgorithmLabel(algo) });
    if (!parsed.ok) throw new UsageError(parsed.errors.join('; '));
    return parsed.config;
  };

  // 1. The fixed episodes of the base policy and their teacher-forced entropies.
  const base = await Trainer.create(configOf(algos[0], seeds[0]), { checkpoint, backend });
  const tasks = Array.from({ length: episodes }, (_, i) => ({ taskSeed: i, group: i }));
  const trajectories = await rollout(base.model, base.tokenizer, base.source, tasks, {
    split: 'test', copies: 1, greedy: false, maxSteps: base.source.stepLimit, temperature: base.config.temperature,
    masked: base.config.decoding === 'masked', maxActionTokens: maxActionTokens(base.config.env),
    context: base.model.config.context, invalidPenalty: base.config.invalidPenalty,
  }, createRng('entropy-change'));
  const steps: StepData[] = trajectories.flatMap((t) => t.steps);
  const temperature = base.config.temperature;
  const before = await teacherForcedEntropies(base.model, steps, temperature);
  base.dispose();
  const drift = Math.max(0, ...steps.flatMap((s, i) => s.tokenEntropies.map((h, j) => Math.abs(h - before[i][j]))));
  console.error(`${regime.id}: ${trajectories.length} base episodes (${trajectories.filter((t) => t.won).length} won), ${steps.length} steps; `
    + `teacher-forced vs sampled token entropy: max |difference| ${drift.toExponential(2)} nats`);
  if (drift > 1e-3) throw new Error(`teacher-forced entropies differ from the rollout's by ${drift} nats: the measurement is not faithful`);
  const measured = (after: number[][]): StepEntropies[] => steps.map((s, i) => ({ before: before[i], after: after[i], allowedCounts: s.allowedCounts }));
  const baseBins = Object.fromEntries(ENTROPY_LEVELS.map((level) => [level, binPairs(levelPairs(measured(before), level), bins).base])) as EntropyChange['base'];

  const result: EntropyChange = {
    format: ENTROPY_CHANGE_FORMAT, version: 1, regime: regime.id, checkpoint: regime.checkpoint, commit, backend, iterations, episodes,
    successes: trajectories.filter((t) => t.won).length, steps: steps.length,
    tokens: steps.reduce((n, s) => n + s.tokens.length, 0),
    choiceTokens: steps.reduce((n, s) => n + s.allowedCounts.filter((c) => c > 1).length, 0),
    bins, base: baseBins, runs: await previousRuns(out, { regime: regime.id, iterations, episodes, bins }),
  };
  if (result.runs.length) console.error(`${out}: keeping ${result.runs.length} finished runs with the same settings`);

  // 2. Train each algorithm × seed from the checkpoint, then re-measure the same steps.
  for (const seed of seeds) {
    for (const algo of algos) {
      if (result.runs.some((r) => r.algo === algo && r.seed === seed)) continue;
      const started = Date.now();
      const trainer = await Trainer.create(configOf(algo, seed), { checkpoint, backend });
      const success: number[] = [];
      for (let i = 0; i < iterations; i++) {
        const { metrics } = await trainer.step();
        success.push(metrics['env/success_rate']);
        process.stderr.write(`\r${algo} seed ${seed}: iteration ${i + 1}/${iterations}   `);
      }
      const after = await teacherForcedEntropies(trainer.model, steps, temperature);
      trainer.dispose();
      const last = success.slice(-10).filter(Number.isFinite);
      const run: EntropyChangeRun = {
        algo, seed, minutes: Number(((Date.now() - started) / 60000).toPrecision(3)),
        finalTrainSuccess: last.length ? Number((last.reduce((a, b) => a + b, 0) / last.length).toPrecision(4)) : null,
        levels: Object.fromEntries(ENTROPY_LEVELS.map((level) => [level, binPairs(levelPairs(measured(after), level), bins).run])) as EntropyChangeRun['levels'],
      };
      result.runs.push(run);
      await writeAtomically(out, JSON.stringify(result) + '\n');
      const low = run.levels['step:all'].absDelta[0];
      const lowToken = run.levels['token:all'].absDelta[0];
      process.stderr.write(`\r${algo} seed ${seed}: ${run.minutes} min; lowest-decile |ΔH| step ${low}, token ${lowToken}\n`);
    }
  }
  await writeAtomically(out, JSON.stringify(result) + '\n');
  console.error(`${out}: ${result.runs.length} runs`);
}

/** Finished runs of an earlier call with the same settings (so an interrupted analysis resumes). */
async function previousRuns(path: string, same: Pick<EntropyChange, 'regime' | 'iterations' | 'episodes' | 'bins'>): Promise<EntropyChangeRun[]> {
  if (!existsSync(path)) return [];
  let json: unknown = null;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch {
    return [];
  }
  const parsed = parseEntropyChange(json);
  if (!parsed.ok) return [];
  const d = parsed.data;
  return d.regime === same.regime && d.iterations === same.iterations && d.episodes === same.episodes && d.bins === same.bins ? d.runs : [];
}

async function writeAtomically(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(`${path}.partial`, text);
  await rename(`${path}.partial`, path);
}
