/**
 * `train`, `eval` and `pretrain`: the trainer of the page, headless in Node (wasm by default).
 *
 *   npm run cli -- train --env alfworld --preset tiny --algo grpo+empg --seed 1 --iters 100 --out run.jsonl
 *   npm run cli -- eval --checkpoint run.ckpt.json --episodes 256
 *   npm run pretrain                      # both environments' base checkpoints into public/checkpoints/
 */
import { existsSync } from 'node:fs';
import { appendFile, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import '../src/policy/wasmBackend';
import { selectBackend, type BackendRequest } from '../src/train/backend';
import { decodeWeights, parseCheckpoint, type Checkpoint } from '../src/train/checkpoint';
import { algorithmLabel, parseAlgorithmLabel, parseTrainConfig, type TrainConfig } from '../src/train/config';
import { DEFAULT_PRETRAIN, pretrain } from '../src/train/pretrain';
import { Trainer, type Metrics } from '../src/train/trainer';
import { parseTrainerState } from '../src/train/trainerState';
import { intFlag, parseFlags, UsageError } from './args';
import { ENV_NAMES, envFlag } from './envCommands';
import { baseCheckpointFile } from '../src/train/baseCheckpoint';

/** Where the shipped base checkpoint of an environment and preset lives (src/train/baseCheckpoint.ts). */
export function baseCheckpointPath(env: string, preset?: string): string {
  return `public/checkpoints/${baseCheckpointFile(env, preset)}`;
}

/** Activates a TF.js backend by name (wasm by default) and returns the one in use. */
export async function useBackend(name: string | undefined): Promise<string> {
  const requested = (name ?? 'wasm') as BackendRequest;
  if (!['auto', 'webgpu', 'webgl', 'wasm', 'cpu'].includes(requested)) throw new UsageError(`unknown --backend "${name}"`);
  tf.enableProdMode();
  const choice = await selectBackend({ requested });
  if (choice.backend !== requested && requested !== 'auto') console.error(`note: ${choice.reason}`);
  return choice.backend;
}

/** Reads and validates a checkpoint file; a bad file becomes a UsageError naming it. */
export async function loadCheckpoint(path: string): Promise<Checkpoint> {
  let json: unknown;
  try {
    // A byte-order mark is not JSON, but editors write one, and the page (File.text) drops it too.
    json = JSON.parse((await readFile(path, 'utf8')).replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new UsageError(`cannot read checkpoint ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = parseCheckpoint(json);
  if (!parsed.ok) throw new UsageError(`checkpoint ${path} is invalid:\n  ${parsed.errors.join('\n  ')}`);
  return parsed.checkpoint;
}

function numberFlag(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n)) throw new UsageError(`--${name} must be a number, got "${value}"`);
  return n;
}

function configFrom(flags: Record<string, string | boolean | undefined>): TrainConfig {
  const str = (k: string) => flags[k] as string | undefined;
  const raw: Record<string, unknown> = {
    env: envFlag(str('env'), 'alfworld'),
    preset: str('preset'),
    seed: numberFlag('seed', str('seed')),
    ...(str('algo') ? (() => {
      try { return parseAlgorithmLabel(str('algo')!); } catch (e) { throw new UsageError((e as Error).message); }
    })() : {}),
    k: numberFlag('k', str('k')), kF: numberFlag('kf', str('kf')), zeta: numberFlag('zeta', str('zeta')),
    lr: numberFlag('lr', str('lr')), tasksPerIteration: numberFlag('batch', str('batch')), groupSize: numberFlag('group', str('group')),
    temperature: numberFlag('temperature', str('temperature')), decoding: str('decoding'), maxSteps: numberFlag('max-steps', str('max-steps')),
    miniBatchSize: numberFlag('minibatch', str('minibatch')), ppoEpochs: numberFlag('epochs', str('epochs')),
    maxUpdateSteps: numberFlag('update-steps', str('update-steps')),
    klCoef: numberFlag('kl', str('kl')), modelSize: str('model'), gradNormSample: numberFlag('grad-sample', str('grad-sample')),
    bonusOnlyInSignalGroups: flags['bonus-signal-only'] ? true : undefined,
    empgCentre: flags['no-centre'] ? false : undefined,
    stepEntropy: str('step-entropy'),
  };
  const parsed = parseTrainConfig(Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined)));
  if (!parsed.ok) throw new UsageError(`invalid settings:\n  ${parsed.errors.join('\n  ')}`);
  return parsed.config;
}

const configFlags = {
  env: { type: 'string' }, preset: { type: 'string' }, seed: { type: 'string' }, algo: { type: 'string' },
  k: { type: 'string' }, kf: { type: 'string' }, zeta: { type: 'string' }, lr: { type: 'string' }, batch: { type: 'string' },
  group: { type: 'string' }, temperature: { type: 'string' }, decoding: { type: 'string' }, 'max-steps': { type: 'string' },
  minibatch: { type: 'string' }, epochs: { type: 'string' }, 'update-steps': { type: 'string' }, kl: { type: 'string' }, model: { type: 'string' },
  'grad-sample': { type: 'string' }, 'bonus-signal-only': { type: 'boolean' }, 'no-centre': { type: 'boolean' }, backend: { type: 'string' },
  'step-entropy': { type: 'string' },
} as const;

function progressLine(iteration: number, total: number, m: Metrics): string {
  const width = 24;
  const filled = Math.round((iteration / total) * width);
  const bar = '█'.repeat(filled) + '░'.repeat(width - filled);
  const f = (name: string, digits = 2) => (m[name] === undefined ? '–' : m[name].toFixed(digits));
  return `iter ${String(iteration).padStart(String(total).length)}/${total} ${bar} success ${f('env/success_rate')} `
    + `turns ${f('env/num_turns', 1)} H ${f('entropy/step_mean')} kl ${f('policy/approx_kl', 4)} ${(m['perf/iter_ms'] / 1000).toFixed(1)}s/it`;
}

/** `train`: RL from the base checkpoint (or `--from scratch`, or `--checkpoint FILE`). */
export async function runTrain(argv: string[]): Promise<void> {
  const flags = parseFlags(argv, {
    ...configFlags, iters: { type: 'string' }, out: { type: 'string' }, checkpoint: { type: 'string' }, from: { type: 'string' },
    save: { type: 'string' }, eval: { type: 'string' }, quiet: { type: 'boolean' },
    'checkpoint-every': { type: 'string' }, resume: { type: 'boolean' },
  });
  const config = configFrom(flags);
  const iterations = intFlag('iters', flags.iters, 100);
  const evalEpisodes = intFlag('eval', flags.eval, 256);
  const every = intFlag('checkpoint-every', flags['checkpoint-every'], 10);
  if (every < 1) throw new UsageError('--checkpoint-every must be at least 1');
  const from = flags.from ?? 'base';
  if (!['base', 'scratch'].includes(from)) throw new UsageError('--from must be base or scratch');
  const savePath = flags.save ?? (flags.out ? flags.out.replace(/\.jsonl?$/, '') + '.ckpt.json' : undefined);
  if (flags.resume && (!flags.out || !savePath)) throw new UsageError('--resume needs the --out of the interrupted run (its checkpoint is next to it, or give --save)');
  const backend = await useBackend(flags.backend);
  // --resume continues from the run's last periodic checkpoint, when there is one.
  const resuming = Boolean(flags.resume && savePath && existsSync(savePath));
  // The run is built as it first was (same initial weights, so the same KL reference), then takes the
  // saved state: weights, Adam's moments, the random streams and the iteration.
  const checkpointPath = flags.checkpoint ?? (from === 'base' ? baseCheckpointPath(config.env, config.preset) : undefined);
  if (checkpointPath && !existsSync(checkpointPath)) {
    throw new UsageError(`no checkpoint at ${checkpointPath}${flags.checkpoint ? '' : ' (run `npm run pretrain`, or pass --from scratch)'}`);
  }
  const checkpoint = checkpointPath ? await loadCheckpoint(checkpointPath) : undefined;
  const saved = resuming ? await loadCheckpoint(savePath!) : undefined;
  const trainer = await Trainer.create(config, { checkpoint, backend });
  if (saved) await resumeFrom(trainer, saved, savePath!, config);
  const label = algorithmLabel(config);
  console.error(`${label} on ${config.env}/${config.preset}, seed ${config.seed}, ${backend}, from ${checkpointPath ?? 'scratch'}; `
    + `${trainer.model.parameterCount.toLocaleString('en')} parameters, vocabulary ${trainer.tokenizer.size}, context ${trainer.model.config.context}`);

  // The JSON lines are written as the run goes and a checkpoint every `every` iterations, so an
  // interrupted run keeps both; --resume drops the lines after the checkpoint and continues from it.
  let lines: string[] = [];
  if (saved) {
    const checkpoint = saved;
    const before = existsSync(flags.out!) ? (await readFile(flags.out!, 'utf8')).split('\n').filter((line) => line.trim()) : [];
    lines = before.filter((line) => {
      try {
        return (JSON.parse(line) as { iteration?: number }).iteration! <= checkpoint.iteration;
      } catch {
        return false;
      }
    });
    console.error(`resuming at iteration ${checkpoint.iteration} of ${iterations} (${lines.length} metric lines kept)`);
  }
  if (flags.out) {
    await mkdir(dirname(flags.out), { recursive: true });
    await writeFile(flags.out, lines.map((line) => `${line}\n`).join(''));
  }
  const saveCheckpoint = async () => {
    if (!savePath) return;
    // Written next to the file and renamed over it, so an interruption never leaves half a checkpoint.
    await writeFile(`${savePath}.partial`, JSON.stringify({ ...await trainer.toCheckpoint(), state: await trainer.saveState() }));
    await rename(`${savePath}.partial`, savePath);
  };
  const started = Date.now();
  let last: Metrics = {};
  while (trainer.iteration < iterations) {
    const { metrics } = await trainer.step();
    last = metrics;
    const line = JSON.stringify({ algo: label, env: config.env, preset: config.preset, seed: config.seed, ...metrics });
    lines.push(line);
    if (flags.out) await appendFile(flags.out, `${line}\n`);
    if (trainer.iteration % every === 0) await saveCheckpoint();
    if (!flags.quiet) process.stderr.write(`\r${progressLine(trainer.iteration, iterations, metrics)}`);
  }
  if (!flags.quiet) process.stderr.write('\n');
  await saveCheckpoint();
  const evaluation = evalEpisodes > 0 ? await trainer.evaluate(evalEpisodes) : null;
  const sampledEvaluation = evalEpisodes > 0 ? await trainer.evaluate(evalEpisodes, { temperature: EVAL_TEMPERATURE }) : null;
  const rolloutEvaluation = evalEpisodes > 0 ? await trainer.evaluate(evalEpisodes, { temperature: config.temperature }) : null;
  const summary = {
    algo: label, env: config.env, preset: config.preset, seed: config.seed, iterations, backend,
    minutes: (Date.now() - started) / 60000,
    final_train_success: last['env/success_rate'],
    ...(evaluation ? { eval_greedy_success: evaluation.successRate, eval_greedy_ci95: evaluation.interval, eval_episodes: evaluation.episodes } : {}),
    ...(sampledEvaluation ? { eval_t04_success: sampledEvaluation.successRate, eval_t04_ci95: sampledEvaluation.interval } : {}),
    ...(rolloutEvaluation ? { eval_rollout_t_success: rolloutEvaluation.successRate, eval_rollout_t_ci95: rolloutEvaluation.interval } : {}),
    mean_iter_s: lines.length ? lines.map((l) => JSON.parse(l)['perf/iter_ms'] as number).reduce((a, b) => a + b, 0) / lines.length / 1000 : 0,
    metrics: flags.out ?? null, checkpoint: savePath ?? null,
  };
  console.log(JSON.stringify(summary));
  trainer.dispose();
}

/**
 * Puts a periodic checkpoint's state into a freshly built trainer. A checkpoint written before states
 * were saved gives its weights and iteration only (then the random streams and Adam's moments restart,
 * and the run is no longer identical to an uninterrupted one: said on stderr).
 */
async function resumeFrom(trainer: Trainer, saved: Checkpoint, path: string, config: TrainConfig): Promise<void> {
  const changed = Object.keys(config).filter((key) => saved.config && JSON.stringify(saved.config[key]) !== JSON.stringify(config[key as keyof TrainConfig]));
  if (changed.length) console.error(`note: ${changed.join(', ')} differ from the interrupted run's settings; the resumed run uses the new ones`);
  if (saved.state === undefined) {
    console.error(`note: ${path} has no trainer state (an older checkpoint): its weights continue, the random streams and Adam's moments restart`);
    trainer.restore(decodeWeights(saved.weights), saved.iteration);
    return;
  }
  const state = parseTrainerState(saved.state);
  if (!state.ok) throw new UsageError(`checkpoint ${path} has an unusable trainer state:\n  ${state.errors.join('\n  ')}`);
  try {
    await trainer.loadState(state.state);
  } catch (error) {
    throw new UsageError(`checkpoint ${path} does not fit this run: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** `eval`: greedy success of a checkpoint on held-out tasks, with a 95% interval. */
export async function runEval(argv: string[]): Promise<void> {
  const flags = parseFlags(argv, {
    checkpoint: { type: 'string' }, episodes: { type: 'string' }, preset: { type: 'string' }, backend: { type: 'string' },
    split: { type: 'string' }, temperature: { type: 'string' },
  });
  if (!flags.checkpoint) throw new UsageError('eval needs --checkpoint FILE');
  const checkpoint = await loadCheckpoint(flags.checkpoint);
  const backend = await useBackend(flags.backend);
  const parsed = parseTrainConfig({ env: checkpoint.env, preset: flags.preset ?? checkpoint.preset });
  if (!parsed.ok) throw new UsageError(parsed.errors.join('\n'));
  const split = flags.split ?? 'test';
  if (split !== 'test' && split !== 'train') throw new UsageError('--split must be test or train');
  const trainer = await Trainer.create(parsed.config, { checkpoint, backend });
  const temperature = numberFlag('temperature', flags.temperature) ?? 0;
  const result = await trainer.evaluate(intFlag('episodes', flags.episodes, 256), { split, temperature });
  console.log(JSON.stringify({ checkpoint: flags.checkpoint, env: checkpoint.env, preset: parsed.config.preset, split, temperature, ...result }));
  trainer.dispose();
}

/** `pretrain`: supervised warm start → `public/checkpoints/<env>-base.json` (both envs by default). */
export async function runPretrain(argv: string[]): Promise<void> {
  const flags = parseFlags(argv, {
    env: { type: 'string' }, preset: { type: 'string' }, seed: { type: 'string' }, episodes: { type: 'string' }, noise: { type: 'string' },
    steps: { type: 'string' }, out: { type: 'string' }, eval: { type: 'string' }, backend: { type: 'string' }, model: { type: 'string' },
  });
  const envs = flags.env ? [envFlag(flags.env)] : [...ENV_NAMES];
  if (flags.out && envs.length > 1) throw new UsageError('--out needs a single --env');
  const backend = await useBackend(flags.backend);
  for (const env of envs) {
    const parsed = parseTrainConfig({ env, preset: flags.preset ?? 'tiny', seed: intFlag('seed', flags.seed, 1), ...(flags.model ? { modelSize: flags.model } : {}) });
    if (!parsed.ok) throw new UsageError(parsed.errors.join('\n'));
    const defaults = PRETRAIN_BY_ENV[env];
    const options = {
      ...defaults,
      episodes: intFlag('episodes', flags.episodes, defaults.episodes),
      noise: numberFlag('noise', flags.noise) ?? defaults.noise,
      steps: intFlag('steps', flags.steps, defaults.steps),
    };
    const started = Date.now();
    const { trainer, demonstrations, demoSuccess } = await pretrain(parsed.config, options, (p) => {
      if (p.step % 10 === 0 || p.step === p.steps) process.stderr.write(`\r${env}: supervised step ${p.step}/${p.steps}, loss ${p.loss.toFixed(3)}`);
    });
    process.stderr.write('\n');
    const out = flags.out ?? baseCheckpointPath(env, parsed.config.preset);
    await mkdir(dirname(out), { recursive: true });
    await writeFile(out, JSON.stringify(await trainer.toCheckpoint('pretrain')));
    const episodes = intFlag('eval', flags.eval, 256);
    const greedy = await trainer.evaluate(episodes);
    const sampled = await trainer.evaluate(episodes, { temperature: EVAL_TEMPERATURE });
    const atRolloutTemperature = await trainer.evaluate(episodes, { temperature: 1 });
    console.log(JSON.stringify({
      env, preset: parsed.config.preset, out, backend, ...options, demonstrations, demo_success: demoSuccess,
      base_greedy_success: greedy.successRate, base_t04_success: sampled.successRate, base_t1_success: atRolloutTemperature.successRate,
      eval_episodes: episodes, minutes: (Date.now() - started) / 60000,
    }));
    trainer.dispose();
  }
}

/** Temperature of the sampled evaluation (verl-agent's validation temperature). */
const EVAL_TEMPERATURE = 0.4;

/** Warm-start settings per environment, chosen so the base policy leaves RL clear room (docs/TRAINING.md). */
const PRETRAIN_BY_ENV: Record<string, typeof DEFAULT_PRETRAIN> = {
  alfworld: { ...DEFAULT_PRETRAIN, noise: 0.4, steps: 150 },
  webshop: { ...DEFAULT_PRETRAIN, noise: 0.6, steps: 150 },
  deepsearch: { ...DEFAULT_PRETRAIN, noise: 0.2, steps: 300 },
};
