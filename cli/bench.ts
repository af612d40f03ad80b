/**
 * `npm run bench`: measured ratios, all from this one run on this machine (never asserted in tests).
 *  1. advantage computation: GRPO alone vs GRPO + EMPG on a paper-sized batch;
 *  2. the backend speed probe (the same one the page uses to choose) on every backend Node offers;
 *  3. batched vs one-by-one action generation (the rollout's one call per token for all episodes);
 *  4. a whole training iteration, GRPO vs GRPO + EMPG, from the same base checkpoint and seed.
 */
import { grpoAdvantages } from '../src/core/advantages';
import { empgAdvantages, type StepRecord } from '../src/core/empg';
import { createRng } from '../src/core/prng';
import { installNodeWebGpu, nodeWebGpuAvailable, uninstallNodeWebGpu } from '../src/train/nodeWebGpu';
import { intFlag, parseFlags } from './args';

interface Batch {
  rewards: number[];
  groups: number[];
  lengths: number[];
  tokenEntropies: number[][][];
}

function makeBatch(tasks: number, groupSize: number, maxSteps: number, tokensPerStep: number): Batch {
  const rng = createRng('bench');
  const batch: Batch = { rewards: [], groups: [], lengths: [], tokenEntropies: [] };
  for (let task = 0; task < tasks; task++) {
    for (let copy = 0; copy < groupSize; copy++) {
      const length = rng.range(1, maxSteps);
      batch.rewards.push(rng.chance(0.4) ? 1 : 0);
      batch.groups.push(task);
      batch.lengths.push(length);
      batch.tokenEntropies.push(Array.from({ length }, () => Array.from({ length: tokensPerStep }, () => rng.next() * 2)));
    }
  }
  return batch;
}

function timePerCall(fn: () => void, minMs = 300): number {
  fn();
  let calls = 0;
  const start = performance.now();
  while (performance.now() - start < minMs) {
    fn();
    calls++;
  }
  return (performance.now() - start) / calls;
}

/** Runs the benchmark and prints a small report. */
export async function runBench(argv: string[]): Promise<void> {
  const flags = parseFlags(argv, {
    tasks: { type: 'string' },
    group: { type: 'string' },
    steps: { type: 'string' },
    webgpu: { type: 'boolean', default: false },
    iters: { type: 'string' },
  });
  const tasks = intFlag('tasks', flags.tasks, 16);
  const groupSize = intFlag('group', flags.group, 8);
  const maxSteps = intFlag('steps', flags.steps, 50);
  const batch = makeBatch(tasks, groupSize, maxSteps, 8);
  const totalSteps = batch.lengths.reduce((a, b) => a + b, 0);

  const grpoOnly = () => grpoAdvantages(batch.rewards, batch.groups);
  const grpoPlusEmpg = () => {
    const outcome = grpoAdvantages(batch.rewards, batch.groups);
    const steps: StepRecord[] = [];
    batch.lengths.forEach((length, traj) => {
      for (let t = 0; t < length; t++) steps.push({ traj, t, tokenEntropies: batch.tokenEntropies[traj][t], outcomeAdvantage: outcome[traj] });
    });
    empgAdvantages(steps, { k: 1, kF: 1, zeta: 0.1 });
  };
  const grpoMs = timePerCall(grpoOnly);
  const empgMs = timePerCall(grpoPlusEmpg);
  console.log(`Advantages for ${tasks} tasks × ${groupSize} rollouts (${totalSteps} steps, 8 tokens each):`);
  console.log(`  GRPO           ${grpoMs.toFixed(3)} ms`);
  console.log(`  GRPO + EMPG    ${empgMs.toFixed(3)} ms   (EMPG adds ${(empgMs - grpoMs).toFixed(3)} ms per iteration, ${((empgMs - grpoMs) / totalSteps * 1000).toFixed(2)} µs per step)`);

  const withWebGpu = flags.webgpu && nodeWebGpuAvailable();
  if (withWebGpu) await installNodeWebGpu();
  const tf = await import('@tensorflow/tfjs');
  await import('@tensorflow/tfjs-backend-wasm');
  if (withWebGpu) await import('@tensorflow/tfjs-backend-webgpu');
  const { probeSpeed } = await import('../src/train/backendCheck');
  tf.enableProdMode();

  console.log('\nBackend speed probe (attention + MLP gradient, batch 16 × 32 tokens × d 32), median ms per run:');
  const results: { name: string; ms: number }[] = [];
  for (const name of withWebGpu ? ['wasm', 'cpu', 'webgpu'] : ['wasm', 'cpu']) {
    if (!(await tf.setBackend(name))) continue;
    results.push({ name, ms: await probeSpeed(1000) });
  }
  const fastest = Math.min(...results.map((r) => r.ms));
  for (const r of results) console.log(`  ${r.name.padEnd(6)} ${r.ms.toFixed(2)} ms   (${(r.ms / fastest).toFixed(1)}× the fastest)`);
  if (flags.webgpu && !withWebGpu) console.log('  webgpu skipped: no SwiftShader driver (apt install chromium libvulkan1)');
  if (withWebGpu) await uninstallNodeWebGpu();
  await tf.setBackend('wasm');
  await benchGeneration();
  await benchIterations(intFlag('iters', flags.iters, 3));
}

/** One batched generation call for 32 episodes vs 32 calls of one (wasm, tiny model). */
async function benchGeneration(): Promise<void> {
  const { PolicyModel, MODEL_SIZES } = await import('../src/policy/model');
  const { generateActions } = await import('../src/policy/generate');
  const { ActionTrie } = await import('../src/policy/decoding');
  const { Tokenizer, BOS_ID } = await import('../src/policy/tokenizer');
  const tokenizer = Tokenizer.fromTexts(['go to cabinet 1 2 3 drawer fridge open take apple from move task now done : ; .']);
  const model = new PolicyModel({ ...MODEL_SIZES.tiny, vocabSize: tokenizer.size, context: 96 }, 1);
  const rng = createRng('bench-generation');
  const actions = ['go to cabinet 1', 'go to drawer 2', 'open fridge 1', 'take apple 1 from cabinet 3', 'move apple 1 to fridge 1'];
  const trie = new ActionTrie(actions.map((text) => ({ text, tokens: tokenizer.encode(text) })));
  const requests = Array.from({ length: 32 }, (_, i) => ({
    prompt: [BOS_ID, ...Array.from({ length: 60 + (i % 20) }, (_, j) => 4 + ((i + j) % (tokenizer.size - 4)))], trie,
  }));
  const options = { temperature: 1, greedy: false, maxActionTokens: 8 };
  await generateActions(model, tokenizer, requests, options, rng);
  const batchedStart = performance.now();
  for (let r = 0; r < 3; r++) await generateActions(model, tokenizer, requests, options, rng);
  const batched = (performance.now() - batchedStart) / 3;
  const singleStart = performance.now();
  for (const request of requests) await generateActions(model, tokenizer, [request], options, rng);
  const single = performance.now() - singleStart;
  console.log('\nAction generation for 32 episodes (prompt ~70 tokens, masked, wasm, tiny model):');
  console.log(`  one batched call   ${batched.toFixed(0)} ms`);
  console.log(`  32 calls of one    ${single.toFixed(0)} ms   (batched is ${(single / batched).toFixed(1)}× faster)`);
  model.dispose();
}

/** Training iterations of GRPO and GRPO + EMPG from the ALFWorld base checkpoint (same seed, same tasks), on wasm and cpu. */
async function benchIterations(iterations: number): Promise<void> {
  const tf = await import('@tensorflow/tfjs');
  const { existsSync, readFileSync } = await import('node:fs');
  const { Trainer } = await import('../src/train/trainer');
  const { parseTrainConfig } = await import('../src/train/config');
  const { parseCheckpoint } = await import('../src/train/checkpoint');
  const path = 'public/checkpoints/alfworld-base.json';
  if (!existsSync(path)) {
    console.log(`\nIteration timing skipped: ${path} is missing (npm run pretrain).`);
    return;
  }
  const parsed = parseCheckpoint(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  const avg = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  console.log(`\nTraining iteration, ALFWorld tiny from the base checkpoint, 4 tasks × 8 rollouts, ≤ 20 steps (mean of ${iterations} after a warm-up):`);
  for (const backend of ['wasm', 'cpu']) {
    await tf.setBackend(backend);
    const times: Record<string, number[]> = { off: [], full: [] };
    const trainers = await Promise.all((['off', 'full'] as const).map(async (empg) => {
      const config = parseTrainConfig({ env: 'alfworld', preset: 'tiny', seed: 1, empg, tasksPerIteration: 4, groupSize: 8, maxSteps: 20 });
      if (!config.ok) throw new Error(config.errors.join('\n'));
      return { empg, trainer: await Trainer.create(config.config, { checkpoint: parsed.checkpoint }) };
    }));
    for (let i = 0; i < iterations + 1; i++) {
      for (const { empg, trainer } of trainers) {
        const { metrics } = await trainer.step();
        if (i > 0) times[empg].push(metrics['perf/iter_ms']);
      }
    }
    console.log(`  ${backend.padEnd(5)} GRPO ${avg(times.off).toFixed(0)} ms, GRPO + EMPG ${avg(times.full).toFixed(0)} ms   (EMPG / GRPO = ${(avg(times.full) / avg(times.off)).toFixed(2)}×)`);
    for (const { trainer } of trainers) trainer.dispose();
  }
}
