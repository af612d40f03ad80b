/**
 * `export-steps`: trains a few iterations from the base checkpoint and writes every step of every
 * iteration in the `empg-steps/v1` import format (docs/IMPORT.md), the same format a patched verl-agent
 * writes, so a playground run can be compared with a cluster run.
 *
 *   npm run cli -- export-steps --env alfworld --iters 3 --out runs/alfworld-empg-steps.jsonl
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import '../src/policy/wasmBackend';
import { metaLine } from '../src/import/exportSteps';
import { playgroundStepLines } from '../src/import/playground';
import { selectBackend } from '../src/train/backend';
import { parseCheckpoint } from '../src/train/checkpoint';
import { algorithmLabel, parseAlgorithmLabel, parseTrainConfig } from '../src/train/config';
import { Trainer } from '../src/train/trainer';
import { intFlag, parseFlags, UsageError } from './args';
import { envFlag } from './envCommands';
import { baseCheckpointPath } from './train';

/** `export-steps`: see the file comment. */
export async function runExportSteps(argv: string[]): Promise<void> {
  const flags = parseFlags(argv, {
    env: { type: 'string' }, preset: { type: 'string' }, seed: { type: 'string' }, iters: { type: 'string' },
    batch: { type: 'string' }, group: { type: 'string' }, algo: { type: 'string' }, out: { type: 'string' },
  });
  const env = envFlag(flags.env, 'alfworld');
  const iterations = intFlag('iters', flags.iters, 3);
  if (iterations < 1) throw new UsageError('--iters must be at least 1');
  let algorithm;
  try { algorithm = parseAlgorithmLabel(flags.algo ?? 'grpo+empg'); } catch (e) { throw new UsageError((e as Error).message); }
  const parsed = parseTrainConfig({
    env, preset: flags.preset ?? 'tiny', seed: intFlag('seed', flags.seed, 1), ...algorithm,
    tasksPerIteration: intFlag('batch', flags.batch, 4), groupSize: intFlag('group', flags.group, 8),
  });
  if (!parsed.ok) throw new UsageError(`invalid settings:\n  ${parsed.errors.join('\n  ')}`);
  const config = parsed.config;

  tf.enableProdMode();
  const backend = (await selectBackend({ requested: 'wasm' })).backend;
  const checkpointPath = baseCheckpointPath(env);
  if (!existsSync(checkpointPath)) throw new UsageError(`no base checkpoint at ${checkpointPath} (run \`npm run pretrain\`)`);
  const checkpoint = parseCheckpoint(JSON.parse(await readFile(checkpointPath, 'utf8')));
  if (!checkpoint.ok) throw new UsageError(`${checkpointPath} is invalid: ${checkpoint.errors.join('; ')}`);
  const trainer = await Trainer.create(config, { checkpoint: checkpoint.checkpoint, backend });
  const lines = [metaLine({
    source: 'empg-playground', model: `${env}/${config.preset} base checkpoint (${trainer.model.parameterCount} parameters)`,
    tokenizer: 'playground word tokenizer', adv_estimator: algorithmLabel(config), temperature: config.temperature,
    command: `npm run cli -- export-steps ${argv.join(' ')}`.trim(),
  })];
  for (let i = 0; i < iterations; i++) {
    const result = await trainer.step();
    lines.push(...playgroundStepLines(result.iteration, result.trajectories, result.steps, trainer.tokenizer.words));
    process.stderr.write(`\riteration ${i + 1}/${iterations} success ${result.metrics['env/success_rate'].toFixed(2)}`);
  }
  process.stderr.write('\n');
  trainer.dispose();
  const out = flags.out ?? `runs/${env}-empg-steps.jsonl`;
  await mkdir(dirname(out), { recursive: true });
  const text = lines.join('\n') + '\n';
  await writeFile(out, text);
  console.log(JSON.stringify({ out, env, iterations, steps: lines.length - 1, bytes: text.length }));
}
