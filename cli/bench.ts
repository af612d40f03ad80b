/**
 * `npm run bench`: measured ratios, all from this one run on this machine (never asserted in tests).
 *  1. advantage computation: GRPO alone vs GRPO + EMPG on a paper-sized batch;
 *  2. the backend speed probe (the same one the page uses to choose) on every backend Node offers.
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
}
