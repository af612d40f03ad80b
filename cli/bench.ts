/**
 * `npm run bench`: where the time of a training iteration goes, and measured ratios — all from this one
 * run on this machine (never asserted in tests). Markdown tables on stdout, or one JSON object with `--json`.
 *
 *  1. a default iteration of each environment split into phases, kernels per phase, the kernels that take
 *     the time and the matmuls' achieved GFLOP/s (cli/benchIteration.ts);
 *  2. GRPO vs GRPO + EMPG on the same batch: per update token and end to end;
 *  3. with `--baseline DIR`: the default iteration against an earlier source tree, alternating;
 *  4. how a rollout and an update grow with B, G, prompt length and model size;
 *  5. advantage computation alone, GRPO vs GRPO + EMPG, on a paper-sized batch;
 *  6. the backend speed probe (the one the page uses to choose) on every backend Node offers;
 *  7. batched vs one-by-one action generation.
 *
 *   npm run bench -- [--json] [--iters 3] [--env alfworld,webshop] [--skip scaling,probe,…]
 *                    [--baseline DIR [--pairs 3]] [--repeats 3] [--batches 1] [--backend wasm|cpu] [--webgpu]
 */
import { cpus, loadavg } from 'node:os';
import { execFileSync } from 'node:child_process';
import { grpoAdvantages } from '../src/core/advantages';
import { empgAdvantages, type StepRecord } from '../src/core/empg';
import { createRng } from '../src/core/prng';
import { installNodeWebGpu, nodeWebGpuAvailable, uninstallNodeWebGpu } from '../src/train/nodeWebGpu';
import { intFlag, parseFlags, UsageError } from './args';
import type { IterationExplained } from './benchIteration';

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

const SECTIONS = ['explain', 'empg', 'baseline', 'scaling', 'advantages', 'probe', 'generation'] as const;

/** Runs the benchmark and prints the report (see the file comment). */
export async function runBench(argv: string[]): Promise<void> {
  const flags = parseFlags(argv, {
    tasks: { type: 'string' },
    group: { type: 'string' },
    steps: { type: 'string' },
    webgpu: { type: 'boolean', default: false },
    iters: { type: 'string' },
    json: { type: 'boolean', default: false },
    env: { type: 'string' },
    skip: { type: 'string' },
    baseline: { type: 'string' },
    pairs: { type: 'string' },
    repeats: { type: 'string' },
    batches: { type: 'string' },
    backend: { type: 'string' },
  });
  const skip = new Set((flags.skip ?? '').split(',').filter(Boolean));
  for (const name of skip) if (!(SECTIONS as readonly string[]).includes(name)) throw new UsageError(`--skip: unknown section "${name}" (${SECTIONS.join(', ')})`);
  const envs = (flags.env ?? 'alfworld,webshop').split(',');
  for (const env of envs) if (env !== 'alfworld' && env !== 'webshop') throw new UsageError(`--env: unknown environment "${env}"`);
  const backend = flags.backend ?? 'wasm';
  if (backend !== 'wasm' && backend !== 'cpu') throw new UsageError('--backend must be wasm or cpu');
  const iterations = intFlag('iters', flags.iters, 3);
  // Human-readable output goes to stderr with --json, so that stdout is the JSON object alone.
  const print = flags.json ? (line = '') => console.error(line) : (line = '') => console.log(line);
  const report: Record<string, unknown> = { machine: machine(), backend };
  print(`Machine: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), Node ${process.versions.node}, load average ${loadavg().map((x) => x.toFixed(2)).join(' ')} at the start`);

  if (!skip.has('advantages')) report.advantages = benchAdvantages(flags, print);

  const withWebGpu = flags.webgpu && nodeWebGpuAvailable();
  if (withWebGpu) await installNodeWebGpu();
  const tf = await import('@tensorflow/tfjs');
  await import('../src/policy/wasmBackend');
  if (withWebGpu) await import('@tensorflow/tfjs-backend-webgpu');
  tf.enableProdMode();
  tf.env().set('CHECK_COMPUTATION_FOR_ERRORS', false);

  if (!skip.has('probe')) {
    const { probeSpeed } = await import('../src/train/backendCheck');
    print('\n## Backend speed probe (attention + MLP gradient, batch 16 × 32 tokens × d 32), ms of the fastest run\n');
    const results: { name: string; ms: number }[] = [];
    for (const name of withWebGpu ? ['wasm', 'cpu', 'webgpu'] : ['wasm', 'cpu']) {
      if (!(await tf.setBackend(name))) continue;
      results.push({ name, ms: await probeSpeed(1000) });
    }
    const fastest = Math.min(...results.map((r) => r.ms));
    print('| backend | ms | × fastest |\n|---|---|---|');
    for (const r of results) print(`| ${r.name} | ${r.ms.toFixed(2)} | ${(r.ms / fastest).toFixed(1)} |`);
    if (flags.webgpu && !withWebGpu) print('\nwebgpu skipped: no SwiftShader driver (apt install chromium libvulkan1)');
    report.probe = results;
  }
  if (withWebGpu) await uninstallNodeWebGpu();
  if (!(await tf.setBackend(backend))) throw new Error(`backend ${backend} is not available`);
  if (!skip.has('generation')) report.generation = await benchGeneration(print);

  const bench = await import('./benchIteration');
  if (!skip.has('explain')) {
    const explained = [];
    for (const env of envs as ('alfworld' | 'webshop')[]) {
      const e = await bench.explainIteration(env, iterations);
      printExplained(e, print);
      explained.push(e);
    }
    report.iterations = explained;
  }
  if (!skip.has('empg')) {
    const repeats = intFlag('repeats', flags.repeats, 3);
    const batches = intFlag('batches', flags.batches, 1);
    const results = [];
    for (const env of envs as ('alfworld' | 'webshop')[]) {
      for (let seed = 1; seed <= batches; seed++) results.push(await bench.empgVersusGrpo(env, repeats, seed));
    }
    print(`\n## GRPO vs GRPO + EMPG on the same batch (${backend}; ${batches === 1 ? 'one default batch' : `the default batches of run seeds 1–${batches}`}, median of ${repeats} alternating updates)\n`);
    print('| env | batch (seed) | steps | rollout ms | grad-norm ms | GRPO update: tokens, ms | EMPG update: tokens, ms | EMPG / GRPO per update token | update | end to end |');
    print('|---|---|---|---|---|---|---|---|---|---|');
    for (const r of results) {
      print(`| ${r.env} | ${r.seed} | ${r.steps} | ${r.rolloutMs.toFixed(0)} | ${r.gradNormMs.toFixed(0)} | ${r.grpo.tokens}, ${r.grpo.updateMs.toFixed(0)} | ${r.empg.tokens}, ${r.empg.updateMs.toFixed(0)} `
        + `| ${r.perTokenRatio.toFixed(2)}× | ${r.updateRatio.toFixed(2)}× | ${r.endToEndRatio.toFixed(2)}× |`);
    }
    if (batches > 1) {
      // Pooled: the time of all batches' iterations, EMPG over GRPO (rollout and gradient norms shared).
      for (const env of envs) {
        const mine = results.filter((r) => r.env === env);
        const total = (key: 'grpo' | 'empg') => mine.reduce((t, r) => t + r.rolloutMs + r.gradNormMs + r[key].advantagesMs + r[key].updateMs, 0);
        print(`| ${env} | all ${mine.length} | | | | | | | | **${(total('empg') / total('grpo')).toFixed(2)}×** |`);
      }
    }
    report.empgVersusGrpo = results;
  }
  if (!skip.has('baseline') && flags.baseline) {
    const pairs = intFlag('pairs', flags.pairs, 3);
    const results = [];
    for (const env of envs as ('alfworld' | 'webshop')[]) results.push(await bench.compareWithBaseline(env, flags.baseline, pairs));
    print(`\n## Default iteration (GRPO + EMPG, ${backend}) against ${flags.baseline}, ${pairs} alternating pairs after a warm-up\n`);
    print('| env | before: ms (steps) | now: ms (steps) | speed-up per iteration | per step of the batch |');
    print('|---|---|---|---|---|');
    for (const r of results) {
      const list = (xs: { ms: number; steps: number }[]) => xs.map((x) => `${x.ms.toFixed(0)} (${x.steps})`).join(', ');
      print(`| ${r.env} | ${list(r.before)} | ${list(r.current)} | ${r.speedup.toFixed(2)}× | ${r.speedupPerStep.toFixed(2)}× |`);
    }
    report.baseline = results;
  }
  if (!skip.has('scaling')) {
    const points = await bench.scaling();
    print(`\n## Scaling (ALFWorld-lite, ≤ 10 steps per episode, one rollout and one GRPO + EMPG update per row, ${backend})\n`);
    print('| setting | steps | rollout ms | update ms | rollout ms / step | update ms / step |');
    print('|---|---|---|---|---|---|');
    for (const p of points) {
      print(`| ${p.label} | ${p.steps} | ${p.rolloutMs.toFixed(0)} | ${p.updateMs.toFixed(0)} | ${p.rolloutMsPerStep.toFixed(2)} | ${p.updateMsPerStep.toFixed(2)} |`);
    }
    report.scaling = points;
  }
  report.loadAverageAtEnd = loadavg();
  print(`\nLoad average at the end: ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
  if (flags.json) console.log(JSON.stringify(report, null, 2));
}

function machine() {
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    // Not a git checkout.
  }
  return { cores: cpus().length, cpu: cpus()[0]?.model ?? '', node: process.versions.node, loadAverage: loadavg(), date: new Date().toISOString(), commit };
}

type Print = (line?: string) => void;

function benchAdvantages(flags: { tasks?: string; group?: string; steps?: string }, print: Print) {
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
  print(`\n## Advantages alone, ${tasks} tasks × ${groupSize} rollouts (${totalSteps} steps, 8 tokens each)\n`);
  print('| | ms per batch |\n|---|---|');
  print(`| GRPO group advantages | ${grpoMs.toFixed(3)} |`);
  print(`| GRPO + EMPG | ${empgMs.toFixed(3)} (EMPG: ${((empgMs - grpoMs) / totalSteps * 1000).toFixed(2)} µs per step) |`);
  return { tasks, groupSize, steps: totalSteps, grpoMs, empgMs };
}

function printExplained(e: IterationExplained, print: Print): void {
  const c = e.config;
  print(`\n## A default iteration, ${e.env} (${c.algorithm}, ${c.tasksPerIteration} × ${c.groupSize}, model ${c.modelSize}, context ${c.context}, ${e.backend}; median of ${e.iterations} after a warm-up)\n`);
  print(`${e.iterMs.toFixed(0)} ms per iteration: rollout ${e.rolloutMs.toFixed(0)}, gradient-norm diagnostics ${e.gradNormMs.toFixed(0)}, update ${e.updateMs.toFixed(0)} `
    + `(${e.steps} steps in the batch, ${e.updateSteps} in the update).\n`);
  print('| phase | ms per iteration | share | calls | kernels (profiled iteration) |');
  print('|---|---|---|---|---|');
  for (const [name, p] of Object.entries(e.phases)) {
    const timed = p.ms > 0;
    print(`| ${name} | ${timed ? p.ms.toFixed(1) : '—'} | ${timed ? `${(100 * p.share).toFixed(1)} %` : '—'} | ${p.calls.toFixed(0)} | ${e.kernels.perPhase[name] ?? '—'} |`);
  }
  const k = e.kernels;
  print(`\nKernels: ${k.total} per iteration; ${k.perPrefillCall.toFixed(0)} per prefill, ${k.perDecodeCall.toFixed(0)} per decoded token (all rows at once), `
    + `${k.perOptimizerStep.toFixed(0)} per optimizer step (forward, backward, clipping, Adam), ${k.perGradNormStep.toFixed(0)} per gradient-norm step. `
    + `${(100 * k.insideKernels).toFixed(0)} % of the profiled iteration's wall time is inside kernels.`);
  if (e.backend === 'wasm') {
    print(`Threaded wasm could speed up only the kernels TF.js runs on its thread pool (XNNPACK's element-wise ops and softmax): ${(100 * k.threadPool.share).toFixed(1)} % of the iteration, `
      + `so at most ${Object.entries(k.threadPool.bound).map(([n, x]) => `${x.toFixed(2)}× on ${n} threads`).join(', ')} (Amdahl's law, before any cost of the threads).`);
  }
  print('');
  print('| kernel | calls | ms (profiled) | share of kernel time |\n|---|---|---|---|');
  for (const t of k.top) print(`| ${t.kernel} | ${t.calls} | ${t.ms.toFixed(1)} | ${(100 * t.share).toFixed(1)} % |`);
  const m = e.matmul;
  print(`\nMatmuls: ${m.gflop.toFixed(2)} GFLOP per iteration, ${m.gflops.toFixed(2)} GFLOP/s inside the matmul kernels, ${m.iterationGflops.toFixed(2)} GFLOP/s over the whole iteration.\n`);
  print('| matmuls, by kind | calls | ms | share of matmul time | GFLOP | GFLOP/s |\n|---|---|---|---|---|---|');
  for (const g of m.kinds) print(`| ${g.kind} | ${g.calls} | ${g.ms.toFixed(1)} | ${(100 * g.share).toFixed(1)} % | ${g.gflop.toFixed(3)} | ${g.gflops.toFixed(2)} |`);
  print('');
  print('| busiest matmul shapes | calls | ms | GFLOP | GFLOP/s here | GFLOP/s of a plain tf.matMul |\n|---|---|---|---|---|---|');
  for (const s of m.shapes) print(`| ${s.shape} | ${s.calls} | ${s.ms.toFixed(1)} | ${s.gflop.toFixed(3)} | ${s.gflops.toFixed(2)} | ${s.plainGflops.toFixed(2)} |`);
}

/** One batched generation call for 32 episodes vs 32 calls of one (tiny model). */
async function benchGeneration(print: Print) {
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
  print('\n## Action generation for 32 episodes (prompt ~70 tokens, masked, tiny model)\n');
  print(`| one batched call | 32 calls of one |\n|---|---|\n| ${batched.toFixed(0)} ms | ${single.toFixed(0)} ms (batched is ${(single / batched).toFixed(1)}× faster) |`);
  model.dispose();
  return { batchedMs: batched, singleMs: single };
}
