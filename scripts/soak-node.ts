/**
 * Node soak: many iterations of a small run through the worker's own run controller (health checks,
 * kept history, weights read back each iteration), printing RSS, the V8 heap and TF.js's tensor count
 * as it goes, and failing when the tensor count or RSS grows. A script, not a test.
 *
 *   npm run soak                                   # 1,000 iterations on wasm
 *   npm run soak -- --iterations 200 --backend cpu --every 20
 */
import * as tf from '@tensorflow/tfjs';
import '../src/policy/wasmBackend';
import { selectBackend, type BackendRequest } from '../src/train/backend';
import { RunController } from '../src/worker/runController';
import { numberFlag, readFlags } from './lib/args.mjs';

const HELP = `usage: npm run soak -- [--iterations N] [--backend wasm|cpu] [--every N] [--json]
  1,000 iterations of ALFWorld-lite tiny, B = 1, G = 2, 4 steps, a fresh tiny model; prints a sample every
  --every iterations (default 50). Fails (exit 1) when tf.memory().numTensors at the end differs from
  its value after the warm-up (iteration 100, or a tenth of the run), or RSS grew by more than 25 %
  and 64 MB over that span.`;

interface Sample { iteration: number; seconds: number; rssMB: number; heapMB: number; tensors: number; tensorMB: number }

function parseOptions(argv: string[]) {
  const flags = readFlags(argv, { iterations: { type: 'string' }, backend: { type: 'string' }, every: { type: 'string' }, json: { type: 'boolean' } }, HELP);
  const options = {
    iterations: numberFlag(flags, 'iterations', 1000), backend: (flags.backend ?? 'wasm') as BackendRequest,
    every: numberFlag(flags, 'every', 50), json: Boolean(flags.json),
  };
  if (!Number.isInteger(options.iterations) || options.iterations < 10) throw new Error('--iterations must be an integer ≥ 10');
  if (!Number.isInteger(options.every) || options.every < 1) throw new Error('--every must be a positive integer');
  return options;
}

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  tf.env().set('PROD', true);
  const choice = await selectBackend({ requested: options.backend, requestedBy: 'by --backend' });
  if (choice.backend !== options.backend) throw new Error(`backend ${options.backend} is not available here: ${choice.reason}`);
  const problems: string[] = [];
  let metrics = 0;
  const lane = new RunController({
    post: (message) => {
      if (message.type === 'metrics') metrics++;
      if (message.type === 'error') problems.push(`${message.kind}: ${message.message}`);
    },
    backend: () => tf.getBackend(),
    loadBaseCheckpoint: async () => null,
  });
  await lane.configure({ env: 'alfworld', preset: 'tiny', modelSize: 'tiny', tasksPerIteration: 1, groupSize: 2, maxSteps: 4, seed: 1 }, 'scratch');

  const started = performance.now();
  const samples: Sample[] = [];
  const sample = (iteration: number) => {
    const memory = process.memoryUsage();
    const tfMemory = tf.memory();
    const s: Sample = {
      iteration, seconds: Math.round((performance.now() - started) / 1000),
      rssMB: Math.round(memory.rss / 2 ** 20), heapMB: Math.round(memory.heapUsed / 2 ** 20),
      tensors: tfMemory.numTensors, tensorMB: Math.round((tfMemory.numBytes / 2 ** 20) * 10) / 10,
    };
    samples.push(s);
    console.log(`iteration ${String(s.iteration).padStart(5)}  ${String(s.seconds).padStart(5)} s  RSS ${s.rssMB} MB  heap ${s.heapMB} MB  tensors ${s.tensors} (${s.tensorMB} MB)`);
  };
  console.log(`soak: ${options.iterations} iterations on ${choice.backend}, ALFWorld-lite tiny, B = 1, G = 2, 4 steps`);
  sample(0);
  for (let i = 1; i <= options.iterations; i++) {
    await lane.step();
    if (i % options.every === 0 || i === options.iterations) sample(i);
  }
  await lane.dispose();

  const warm = Math.min(100, Math.round(options.iterations / 10));
  const base = samples.find((s) => s.iteration >= warm)!;
  const last = samples.at(-1)!;
  const rssGrowth = last.rssMB - base.rssMB;
  const failures: string[] = [];
  if (last.tensors !== base.tensors) failures.push(`tensor count went from ${base.tensors} (iteration ${base.iteration}) to ${last.tensors}`);
  if (rssGrowth > Math.max(64, 0.25 * base.rssMB)) failures.push(`RSS grew by ${rssGrowth} MB (${base.rssMB} → ${last.rssMB} MB)`);
  if (metrics !== options.iterations) failures.push(`${metrics} of ${options.iterations} iterations finished`);
  const summary = {
    backend: choice.backend, iterations: options.iterations, finished: metrics, seconds: last.seconds,
    from: base, to: last, rssGrowthMB: rssGrowth, rssMaxMB: Math.max(...samples.map((s) => s.rssMB)),
    tensorsMin: Math.min(...samples.slice(1).map((s) => s.tensors)), tensorsMax: Math.max(...samples.slice(1).map((s) => s.tensors)),
    reports: problems, failures,
  };
  console.log(`after the warm-up (iteration ${base.iteration}) → ${last.iteration}: RSS ${base.rssMB} → ${last.rssMB} MB (peak ${summary.rssMaxMB}), tensors ${base.tensors} → ${last.tensors} (range ${summary.tensorsMin}–${summary.tensorsMax})`);
  if (problems.length) console.log(`the run reported ${problems.length} time(s): ${problems.slice(0, 3).join(' | ')}`);
  if (options.json) console.log(JSON.stringify({ summary, samples }));
  console.log(failures.length ? `FAIL: ${failures.join('; ')}` : 'ok: tensor count flat, RSS bounded');
  return failures.length ? 1 : 0;
}

main().then((code) => process.exit(code), (error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(2);
});
