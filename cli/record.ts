/**
 * `record`: a precomputed comparison run that the page shows the moment it opens, before any backend is
 * ready. Two trainers (default GRPO and GRPO+EMPG) start from the same seed and base checkpoint, so they
 * see the same tasks and start from the same weights, and alternate iterations as the page's compare
 * lanes do. The file keeps every iteration's metrics and the step records of the last iteration(s);
 * the full trajectories of the last iteration go to a second file that the page fetches only when the
 * inspector opens one.
 *
 *   npm run cli -- record --env alfworld --iters 24   # B 4, G 8 → public/recordings/alfworld.json
 *                                                     #   and public/recordings/alfworld-trajectories.json
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import '../src/policy/wasmBackend';
import { selectBackend } from '../src/train/backend';
import { parseCheckpoint } from '../src/train/checkpoint';
import { algorithmLabel, parseAlgorithmLabel, parseTrainConfig } from '../src/train/config';
import { Trainer, type IterationResult } from '../src/train/trainer';
import {
  RECORDING_FORMAT, RECORDING_TRAJECTORIES_FORMAT, RECORDING_VERSION, type RecordedIteration, type RecordedLane, type RecordedTrajectories, type Recording,
} from '../src/store/recording';
import { intFlag, parseFlags, UsageError } from './args';
import { envFlag } from './envCommands';
import { baseCheckpointPath } from './train';

/** Numbers keep 5 significant digits: the file stays small and the charts cannot tell the difference. */
function roundNumbers(_key: string, value: unknown): unknown {
  return typeof value === 'number' && !Number.isInteger(value) ? Number(value.toPrecision(5)) : value;
}

/** The kept part of one iteration: step records and trajectory summaries. */
function keptIteration(result: IterationResult): RecordedIteration {
  return {
    iteration: result.iteration,
    steps: result.steps,
    trajectories: result.trajectories.map((t) => ({ id: t.id, group: t.group, task: t.task, won: t.won, reward: t.reward, length: t.steps.length })),
  };
}

/** Full trajectories without the per-token masks (the page never shows them, and they are most of the bytes). */
function withoutMasks(result: IterationResult): RecordedTrajectories['lanes'][number] {
  return {
    iteration: result.iteration,
    trajectories: result.trajectories.map((t) => ({ ...t, steps: t.steps.map((s) => ({ ...s, allowed: s.allowed.map(() => null) })) })),
  };
}

/** `record`: see the file comment. */
export async function runRecord(argv: string[]): Promise<void> {
  const flags = parseFlags(argv, {
    env: { type: 'string' }, preset: { type: 'string' }, seed: { type: 'string' }, iters: { type: 'string' },
    batch: { type: 'string' }, group: { type: 'string' }, keep: { type: 'string' }, algos: { type: 'string' }, out: { type: 'string' },
  });
  const env = envFlag(flags.env, 'alfworld');
  const iterations = intFlag('iters', flags.iters, 24);
  const keep = intFlag('keep', flags.keep, 1);
  if (iterations < 1 || keep < 1) throw new UsageError('--iters and --keep must be at least 1');
  const labels = (flags.algos ?? 'grpo,grpo+empg').split(',');
  if (labels.length < 1 || labels.length > 2) throw new UsageError('--algos takes one or two algorithms, e.g. grpo,grpo+empg');
  const configs = labels.map((label) => {
    let algorithm;
    try { algorithm = parseAlgorithmLabel(label); } catch (e) { throw new UsageError((e as Error).message); }
    const parsed = parseTrainConfig({
      env, preset: flags.preset ?? 'tiny', seed: intFlag('seed', flags.seed, 1), ...algorithm,
      tasksPerIteration: intFlag('batch', flags.batch, 4), groupSize: intFlag('group', flags.group, 8),
    });
    if (!parsed.ok) throw new UsageError(`invalid settings:\n  ${parsed.errors.join('\n  ')}`);
    return parsed.config;
  });

  tf.enableProdMode();
  const backend = (await selectBackend({ requested: 'wasm' })).backend;
  const checkpointPath = baseCheckpointPath(env);
  if (!existsSync(checkpointPath)) throw new UsageError(`no base checkpoint at ${checkpointPath} (run \`npm run pretrain\`)`);
  const parsedCheckpoint = parseCheckpoint(JSON.parse(await readFile(checkpointPath, 'utf8')));
  if (!parsedCheckpoint.ok) throw new UsageError(`${checkpointPath} is invalid: ${parsedCheckpoint.errors.join('; ')}`);
  const checkpoint = parsedCheckpoint.checkpoint;

  const trainers = await Promise.all(configs.map((config) => Trainer.create(config, { checkpoint, backend })));
  const lanes: RecordedLane[] = trainers.map((trainer, i) => ({
    label: algorithmLabel(configs[i]), config: configs[i],
    initLabel: `base checkpoint (${checkpoint.env}/${checkpoint.preset}, supervised warm start)`,
    vocabulary: [...trainer.tokenizer.words], parameterCount: trainer.model.parameterCount, history: [], recent: [],
  }));
  const results: IterationResult[][] = trainers.map(() => []);
  for (let i = 0; i < iterations; i++) {
    for (const [lane, trainer] of trainers.entries()) {
      const result = await trainer.step();
      lanes[lane].history.push(result.metrics);
      results[lane] = [...results[lane], result].slice(-keep);
      process.stderr.write(`\riteration ${i + 1}/${iterations} ${lanes[lane].label.padEnd(10)} success ${result.metrics['env/success_rate'].toFixed(2)}`);
    }
  }
  process.stderr.write('\n');
  lanes.forEach((lane, i) => {
    lane.recent = results[i].map(keptIteration);
  });
  const out = flags.out ?? `public/recordings/${env}.json`;
  const trajectoriesOut = out.replace(/(\.json)?$/, '-trajectories.json');
  const recording: Recording = {
    format: RECORDING_FORMAT, version: RECORDING_VERSION, backend, lanes,
    command: `npm run cli -- record ${argv.join(' ')}`.trim(),
    trajectoriesFile: basename(trajectoriesOut),
  };
  const trajectories: RecordedTrajectories = { format: RECORDING_TRAJECTORIES_FORMAT, lanes: results.map((r) => withoutMasks(r.at(-1)!)) };
  await mkdir(dirname(out), { recursive: true });
  const text = JSON.stringify(recording, roundNumbers);
  const trajectoriesText = JSON.stringify(trajectories, roundNumbers);
  await writeFile(out, text + '\n');
  await writeFile(trajectoriesOut, trajectoriesText + '\n');
  console.log(JSON.stringify({ out, trajectoriesOut, env, iterations, lanes: lanes.map((l) => l.label), bytes: text.length, trajectoryBytes: trajectoriesText.length }));
  for (const trainer of trainers) trainer.dispose();
}
