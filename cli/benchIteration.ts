/**
 * The parts of `npm run bench` that explain a training iteration (wasm unless told otherwise):
 *
 *  - `explainIteration`: a default iteration of one environment split into phases (rollout: prompts,
 *    prefill, decode, sampling, environment steps, read-backs; advantages; gradient-norm diagnostics;
 *    update: forward, backward, clipping, optimizer), with TF.js kernels per phase from a profiled
 *    iteration, the kernels that take the time, and the matmuls' achieved GFLOP/s against a plain
 *    `tf.matMul` of the same shapes;
 *  - `empgVersusGrpo`: GRPO and GRPO + EMPG updates on the *same* batch (same rollout, same weights, same
 *    minibatch order), per update token and end to end;
 *  - `compareWithBaseline`: a default iteration of this tree against another source tree (the code before
 *    a change), alternating in one process;
 *  - `scaling`: how a rollout and an update grow with B, G, prompt length and model size.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import { PhaseTimes, collectPhases } from '../src/core/phases';
import { createRng } from '../src/core/prng';
import { installWasmKernels, uninstallWasmKernels } from '../src/policy/kernels/wasmKernels';
import { MODEL_SIZES, PolicyModel } from '../src/policy/model';
import { Tokenizer } from '../src/policy/tokenizer';
import { decodeWeights, modelConfigOf, parseCheckpoint, type Checkpoint } from '../src/train/checkpoint';
import { maxActionTokens, parseTrainConfig, type TrainConfig } from '../src/train/config';
import { parameterGradientNorms } from '../src/train/gradNorms';
import { rollout, type RolloutOptions, type Trajectory } from '../src/train/rollout';
import { computeStepAdvantages } from '../src/train/stepAdvantages';
import { createTaskSource } from '../src/train/tasks';
import { Trainer } from '../src/train/trainer';
import { ppoUpdate, type UpdateItem } from '../src/train/update';

/** Environments the bench covers. */
export type BenchEnv = 'alfworld' | 'webshop';

/** The shipped base checkpoint of an environment (the page's and the CLI's starting point). */
export function loadBaseCheckpoint(env: BenchEnv): Checkpoint {
  const path = `public/checkpoints/${env}-base.json`;
  if (!existsSync(path)) throw new Error(`${path} is missing (npm run pretrain)`);
  const parsed = parseCheckpoint(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.checkpoint;
}

/** The default training configuration of an environment, with overrides. */
export function defaultConfig(env: BenchEnv, overrides: Partial<TrainConfig> = {}): TrainConfig {
  const parsed = parseTrainConfig({ env, seed: 1, ...overrides });
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.config;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN;
};
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/**
 * Entries of a TF.js profile that wrap other kernels rather than run one: `tf.customGrad` functions
 * ("unnamed scope") and ops with a gradient of their own such as `logSoftmax__op`.
 */
function isScope(name: string): boolean {
  return name === 'unnamed scope' || name.endsWith('__op');
}

/** Counts the kernels run so far in the active TF.js profile, without `customGrad`'s scope entries. */
function kernelCounter(): () => number {
  let seen = 0;
  let count = 0;
  return () => {
    const state = tf.engine().state as unknown as { activeProfile?: { kernels: { name: string }[] } };
    const kernels = state.activeProfile?.kernels ?? [];
    for (; seen < kernels.length; seen++) if (!isScope(kernels[seen].name)) count++;
    return count;
  };
}

/** A matmul shape class seen in a profile. */
export interface MatmulShape {
  /** `[batch…, M, K] × [batch…, K, N]` as written by TF.js (input shapes). */
  shape: string;
  calls: number;
  ms: number;
  gflop: number;
  /** Achieved GFLOP/s inside the iteration. */
  gflops: number;
  /** GFLOP/s of a plain `tf.matMul` of the same shapes, timed alone. */
  plainGflops: number;
}

/** The matmuls of one kind (`matmulKind`), summed over their shapes. */
export interface MatmulKind {
  kind: string;
  calls: number;
  ms: number;
  gflop: number;
  gflops: number;
  /** Share of all matmul kernel time. */
  share: number;
}

/**
 * What a matmul does in this model, from its shapes and the model's widths (d, the MLP's width, the
 * vocabulary): batched (rank > 2: attention scores, attention × values and their gradients), row-wise
 * (rank 2 summing over one of the model's widths: projections, MLP, output head and their input
 * gradients), or a weight gradient (rank 2 summing over the batch's positions). A count of positions
 * that happens to equal a model width is taken for row-wise.
 */
export function matmulKind(inputs: number[][], output: number[], widths: readonly number[]): string {
  if (inputs[0].length > 2) return 'batched: attention and its gradients';
  const a = inputs[0];
  const shared = a[a.length - 2] === output[output.length - 2] ? a[a.length - 1] : a[a.length - 2];
  return widths.includes(shared) ? 'row-wise: projections, MLP, head' : 'weight gradients (summed over positions)';
}

/** What `explainIteration` measured. */
export interface IterationExplained {
  env: BenchEnv;
  backend: string;
  config: { tasksPerIteration: number; groupSize: number; algorithm: string; modelSize: string; context: number };
  iterations: number;
  /** Medians over the timed iterations. */
  iterMs: number;
  rolloutMs: number;
  gradNormMs: number;
  updateMs: number;
  /** Steps in the batch and in the update, decode calls (one token for every live row each). */
  steps: number;
  updateSteps: number;
  /** Phase → mean ms per iteration, share of the iteration, calls per iteration. */
  phases: Record<string, { ms: number; share: number; calls: number }>;
  /** From one profiled iteration (profiling slows it; counts are exact, times relative). */
  kernels: {
    total: number;
    perPhase: Record<string, number>;
    perDecodeCall: number;
    perPrefillCall: number;
    perOptimizerStep: number;
    perGradNormStep: number;
    /** Share of the iteration's wall time spent inside kernels. */
    insideKernels: number;
    /**
     * Share of the iteration's wall time inside the kernels that TF.js's threaded wasm build runs on its
     * thread pool (`THREAD_POOL_KERNELS`; wasm only, else 0), and the most that n threads could then make
     * of a whole iteration by Amdahl's law: 1 / (1 − share + share / n).
     */
    threadPool: { share: number; bound: Record<number, number> };
    top: { kernel: string; calls: number; ms: number; share: number }[];
  };
  matmul: { gflop: number; ms: number; gflops: number; iterationGflops: number; kinds: MatmulKind[]; shapes: MatmulShape[] };
}

/** Runs `iterations` default iterations (after a warm-up) of `env`, then one profiled one. */
export async function explainIteration(env: BenchEnv, iterations: number, overrides: Partial<TrainConfig> = {}): Promise<IterationExplained> {
  const config = defaultConfig(env, overrides);
  const trainer = await Trainer.create(config, { checkpoint: loadBaseCheckpoint(env) });
  try {
    await trainer.step();
    const runs: { metrics: Record<string, number>; phases: PhaseTimes }[] = [];
    for (let i = 0; i < iterations; i++) {
      const phases = new PhaseTimes();
      collectPhases(phases);
      try {
        runs.push({ metrics: (await trainer.step()).metrics, phases });
      } finally {
        collectPhases(null);
      }
    }
    const phaseNames = [...new Set(runs.flatMap((r) => [...r.phases.calls.keys()]))].sort();
    const iterMs = median(runs.map((r) => r.metrics['perf/iter_ms']));
    const meanIter = sum(runs.map((r) => r.metrics['perf/iter_ms'])) / runs.length;
    const phases = Object.fromEntries(phaseNames.map((name) => {
      const ms = sum(runs.map((r) => r.phases.ms.get(name) ?? 0)) / runs.length;
      return [name, { ms, share: ms / meanIter, calls: sum(runs.map((r) => r.phases.calls.get(name) ?? 0)) / runs.length }];
    }));

    // One profiled iteration: kernel counts per phase and time per kernel.
    const profiled = new PhaseTimes(kernelCounter());
    let profiledMetrics: Record<string, number> = {};
    const info = await tf.profile(async () => {
      collectPhases(profiled);
      try {
        profiledMetrics = (await trainer.step()).metrics;
      } finally {
        collectPhases(null);
      }
      return [];
    });
    const kernels = info.kernels.filter((k) => !isScope(k.name));
    const byName = new Map<string, { calls: number; ms: number }>();
    for (const k of kernels) {
      const entry = byName.get(k.name) ?? { calls: 0, ms: 0 };
      entry.calls++;
      entry.ms += k.kernelTimeMs as number;
      byName.set(k.name, entry);
    }
    const kernelMs = sum([...byName.values()].map((v) => v.ms));
    const profiledIterMs = profiledMetrics['perf/iter_ms'];
    const perPhase = Object.fromEntries([...profiled.kernels.entries()].sort());
    const per = (name: string, calls: string) => (profiled.kernels.get(name) ?? 0) / Math.max(1, profiled.calls.get(calls) ?? 0);
    const optimizerSteps = profiled.calls.get('update/optimizer') ?? 0;
    const { dModel, mlpRatio, vocabSize } = trainer.model.config;
    const matmul = await matmulEfficiency(kernels, meanIter, [dModel, dModel * mlpRatio, vocabSize]);
    return {
      env, backend: tf.getBackend(),
      config: { tasksPerIteration: config.tasksPerIteration, groupSize: config.groupSize, algorithm: `${config.algorithm}${config.empg === 'off' ? '' : '+empg'}`, modelSize: config.modelSize, context: trainer.model.config.context },
      iterations, iterMs,
      rolloutMs: median(runs.map((r) => r.metrics['perf/rollout_ms'])),
      gradNormMs: median(runs.map((r) => r.metrics['perf/grad_norm_ms'])),
      updateMs: median(runs.map((r) => r.metrics['perf/update_ms'])),
      steps: median(runs.map((r) => r.metrics['batch/steps'])),
      updateSteps: median(runs.map((r) => r.metrics['batch/update_steps'])),
      phases,
      kernels: {
        total: kernels.length, perPhase,
        perDecodeCall: per('rollout/decode', 'rollout/decode'),
        perPrefillCall: per('rollout/prefill', 'rollout/prefill'),
        perOptimizerStep: (profiled.kernels.get('update') ?? 0) / Math.max(1, optimizerSteps),
        perGradNormStep: (profiled.kernels.get('grad_norms') ?? 0) / Math.max(1, config.gradNormSample),
        insideKernels: kernelMs / profiledIterMs,
        threadPool: threadPoolBound(tf.getBackend() === 'wasm' ? sum([...byName].filter(([name]) => THREAD_POOL_KERNELS.has(name)).map(([, v]) => v.ms)) / profiledIterMs : 0),
        top: [...byName.entries()].sort((a, b) => b[1].ms - a[1].ms).slice(0, 10)
          .map(([kernel, v]) => ({ kernel, calls: v.calls, ms: v.ms, share: v.ms / kernelMs })),
      },
      matmul,
    };
  } finally {
    trainer.dispose();
  }
}

/**
 * The kernels that TF.js's threaded wasm build (tfjs-backend-wasm-threaded-simd.wasm) hands to XNNPACK
 * with its thread pool, for float32 tensors (in TF.js's sources, src/cc/kernels/*.cc calling
 * binary_xnn_f32, unary_xnn_f32, clamp_impl, sigmoid_impl, prelu_impl, elu_impl, xnn_create_softmax,
 * xnn_create_constant_pad). Every other kernel is a single-threaded loop in either build, and so are
 * this project's own SIMD `BatchMatMul` and `GatherV2` (src/policy/kernels/). A 2-D product that falls
 * back to TF.js would also use the pool; none does in a default iteration.
 */
export const THREAD_POOL_KERNELS: ReadonlySet<string> = new Set([
  'Add', 'Sub', 'Multiply', 'RealDiv', 'SquaredDifference', 'Abs', 'Neg', 'Square', 'Ceil', 'Floor', 'Round',
  'Sigmoid', 'Softmax', 'ClipByValue', 'Relu', 'Relu6', 'Elu', 'Prelu', 'PadV2',
]);

/** Amdahl's bound on the whole iteration for 2, 4, 8 and 16 threads, given the share that parallelises. */
export function threadPoolBound(share: number): IterationExplained['kernels']['threadPool'] {
  return { share, bound: Object.fromEntries([2, 4, 8, 16].map((n) => [n, 1 / (1 - share + share / n)])) };
}

type ProfiledKernel = Awaited<ReturnType<typeof tf.profile>>['kernels'][number];

/** FLOPs of a BatchMatMul from its input and output shapes (the shared axis is the one not in the output). */
function matmulFlops(inputs: number[][], output: number[]): number {
  const a = inputs[0];
  const m = output[output.length - 2];
  const shared = a[a.length - 2] === m ? a[a.length - 1] : a[a.length - 2];
  return 2 * output.reduce((x, y) => x * y, 1) * shared;
}

/** Achieved matmul GFLOP/s in a profiled iteration, and a plain matmul of the busiest shapes timed alone. */
async function matmulEfficiency(kernels: ProfiledKernel[], iterationMs: number, widths: readonly number[]): Promise<IterationExplained['matmul']> {
  const groups = new Map<string, { inputs: number[][]; calls: number; ms: number; flops: number }>();
  const byKind = new Map<string, { calls: number; ms: number; flops: number }>();
  let flops = 0;
  let ms = 0;
  for (const k of kernels) {
    if (k.name !== 'BatchMatMul') continue;
    const inputs = k.inputShapes as number[][];
    const f = matmulFlops(inputs, k.outputShapes[0] as number[]);
    flops += f;
    ms += k.kernelTimeMs as number;
    const key = inputs.map((s) => `[${s.join(',')}]`).join('×');
    const g = groups.get(key) ?? { inputs, calls: 0, ms: 0, flops: 0 };
    g.calls++;
    g.ms += k.kernelTimeMs as number;
    g.flops += f;
    groups.set(key, g);
    const kind = matmulKind(inputs, k.outputShapes[0] as number[], widths);
    const sum = byKind.get(kind) ?? { calls: 0, ms: 0, flops: 0 };
    sum.calls++;
    sum.ms += k.kernelTimeMs as number;
    sum.flops += f;
    byKind.set(kind, sum);
  }
  const kinds: MatmulKind[] = [...byKind.entries()].sort((a, b) => b[1].ms - a[1].ms)
    .map(([kind, g]) => ({ kind, calls: g.calls, ms: g.ms, gflop: g.flops / 1e9, gflops: g.flops / g.ms / 1e6, share: g.ms / ms }));
  const shapes: MatmulShape[] = [];
  for (const [shape, g] of [...groups.entries()].sort((a, b) => b[1].ms - a[1].ms).slice(0, 6)) {
    shapes.push({ shape, calls: g.calls, ms: g.ms, gflop: g.flops / 1e9, gflops: g.flops / g.ms / 1e6, plainGflops: await plainMatmulGflops(g.inputs) });
  }
  return { gflop: flops / 1e9, ms, gflops: flops / ms / 1e6, iterationGflops: flops / iterationMs / 1e6, kinds, shapes };
}

/** GFLOP/s of `tf.matMul` alone at these input shapes (rank 2 or batched; no transposes). */
async function plainMatmulGflops(inputs: number[][]): Promise<number> {
  const [sa, sb] = inputs;
  const a = tf.randomNormal(sa);
  const b = tf.randomNormal(sb);
  const run = () => tf.matMul(a as tf.Tensor3D, b as tf.Tensor3D);
  const out = run();
  const flops = matmulFlops(inputs, out.shape);
  await out.data();
  out.dispose();
  const times: number[] = [];
  for (let r = 0; r < 7; r++) {
    const start = performance.now();
    let calls = 0;
    while (performance.now() - start < 20 || calls < 3) {
      const y = run();
      await y.data();
      y.dispose();
      calls++;
    }
    times.push((performance.now() - start) / calls);
  }
  tf.dispose([a, b]);
  return flops / median(times) / 1e6;
}

/** A model with the weights of a checkpoint, its tokenizer and a task source. */
function policyFrom(checkpoint: Checkpoint, config: TrainConfig) {
  const model = new PolicyModel(modelConfigOf(checkpoint), config.seed);
  model.setWeights(decodeWeights(checkpoint.weights));
  return { model, tokenizer: Tokenizer.fromJSON(checkpoint.tokenizer), source: createTaskSource(config.env, config.preset) };
}

function rolloutOptions(config: TrainConfig, stepLimit: number, context: number): RolloutOptions {
  return {
    split: 'train', copies: config.groupSize, greedy: false,
    maxSteps: Math.min(config.maxSteps ?? stepLimit, stepLimit), temperature: config.temperature,
    masked: config.decoding === 'masked', maxActionTokens: maxActionTokens(config.env), context, invalidPenalty: config.invalidPenalty,
  };
}

function updateItems(batch: Trajectory[], config: TrainConfig): UpdateItem[] {
  const adv = computeStepAdvantages(batch, config);
  return batch.flatMap((traj) => traj.steps).map((step, i) => ({
    prompt: step.prompt, tokens: step.tokens, allowed: step.allowed, oldLogProbs: step.logProbs, advantage: adv.final[i],
  }));
}

async function timedUpdate(model: PolicyModel, weights: ReturnType<typeof decodeWeights>, items: UpdateItem[], config: TrainConfig) {
  model.setWeights(weights);
  const optimizer = tf.train.adam(config.lr, 0.9, 0.999, config.adamEpsilon);
  const start = performance.now();
  const stats = await ppoUpdate(model, optimizer, items, {
    epochs: config.ppoEpochs, miniBatchSize: config.miniBatchSize, clipLow: config.clipLow, clipHigh: config.clipHigh ?? 0.2,
    klCoef: 0, maxGradNorm: config.maxGradNorm, temperature: config.temperature,
  }, createRng(config.seed).fork('minibatches'));
  const ms = performance.now() - start;
  optimizer.dispose();
  return { ms, tokens: stats.tokens, optimizerSteps: stats.optimizerSteps };
}

/** What `empgVersusGrpo` measured (medians over the repeats). */
export interface EmpgVersusGrpo {
  env: BenchEnv;
  /** The run seed whose tasks and sampling made the batch. */
  seed: number;
  repeats: number;
  steps: number;
  rolloutMs: number;
  gradNormMs: number;
  grpo: { updateMs: number; tokens: number; optimizerSteps: number; advantagesMs: number };
  empg: { updateMs: number; tokens: number; optimizerSteps: number; advantagesMs: number };
  /** EMPG / GRPO update time per update token. */
  perTokenRatio: number;
  /** EMPG / GRPO update time. */
  updateRatio: number;
  /** EMPG / GRPO for the whole iteration on this batch (rollout and diagnostics shared). */
  endToEndRatio: number;
}

/**
 * One default batch (of run seed `seed`) rolled out once; then GRPO's and EMPG's updates on it, alternating, each from the
 * same weights, a fresh Adam and the same minibatch order. The only difference is the advantages — and
 * with them how many steps the update can skip (GRPO skips the steps of groups whose rewards all agree).
 */
export async function empgVersusGrpo(env: BenchEnv, repeats: number, seed = 1): Promise<EmpgVersusGrpo> {
  const checkpoint = loadBaseCheckpoint(env);
  const empgConfig = defaultConfig(env, { empg: 'full', seed });
  const grpoConfig = defaultConfig(env, { empg: 'off', seed });
  const { model, tokenizer, source } = policyFrom(checkpoint, empgConfig);
  const weights = decodeWeights(checkpoint.weights);
  try {
    const taskRng = createRng(empgConfig.seed).fork('tasks');
    const tasks = Array.from({ length: empgConfig.tasksPerIteration }, (_, group) => ({ taskSeed: taskRng.int(1_000_000_000), group }));
    const options = rolloutOptions(empgConfig, source.stepLimit, model.config.context);
    await rollout(model, tokenizer, source, tasks.slice(0, 1), { ...options, copies: 1, maxSteps: 2 }, createRng('warm-up'));
    let start = performance.now();
    const batch = await rollout(model, tokenizer, source, tasks, options, createRng(empgConfig.seed).fork('sampling'));
    const rolloutMs = performance.now() - start;
    const steps = batch.flatMap((t) => t.steps);
    const sampleRng = createRng(empgConfig.seed).fork('minibatches');
    const sampled = sampleRng.shuffle(steps.map((_, i) => i)).slice(0, Math.min(empgConfig.gradNormSample, steps.length));
    start = performance.now();
    await parameterGradientNorms(model, sampled.map((i) => steps[i]), empgConfig.temperature);
    const gradNormMs = performance.now() - start;

    const time = (f: () => void) => {
      const t0 = performance.now();
      for (let r = 0; r < 20; r++) f();
      return (performance.now() - t0) / 20;
    };
    const grpoItems = updateItems(batch, grpoConfig);
    const empgItems = updateItems(batch, empgConfig);
    const advantagesMs = { grpo: time(() => computeStepAdvantages(batch, grpoConfig)), empg: time(() => computeStepAdvantages(batch, empgConfig)) };
    await timedUpdate(model, weights, grpoItems.slice(0, 64), grpoConfig);
    const runs: Record<'grpo' | 'empg', Awaited<ReturnType<typeof timedUpdate>>[]> = { grpo: [], empg: [] };
    for (let r = 0; r < repeats; r++) {
      runs.grpo.push(await timedUpdate(model, weights, grpoItems, grpoConfig));
      runs.empg.push(await timedUpdate(model, weights, empgItems, empgConfig));
    }
    const summary = (key: 'grpo' | 'empg') => ({
      updateMs: median(runs[key].map((r) => r.ms)), tokens: runs[key][0].tokens, optimizerSteps: runs[key][0].optimizerSteps, advantagesMs: advantagesMs[key],
    });
    const grpo = summary('grpo');
    const empg = summary('empg');
    const shared = rolloutMs + gradNormMs;
    return {
      env, seed, repeats, steps: steps.length, rolloutMs, gradNormMs, grpo, empg,
      perTokenRatio: (empg.updateMs / empg.tokens) / (grpo.updateMs / grpo.tokens),
      updateRatio: empg.updateMs / grpo.updateMs,
      endToEndRatio: (shared + empg.advantagesMs + empg.updateMs) / (shared + grpo.advantagesMs + grpo.updateMs),
    };
  } finally {
    model.dispose();
  }
}

/** What `compareWithBaseline` measured. */
export interface BaselineComparison {
  env: BenchEnv;
  baseline: string;
  pairs: number;
  /** Per iteration, in run order: ms and steps of the batch. */
  current: { ms: number; steps: number }[];
  before: { ms: number; steps: number }[];
  /** Median before / median now, per iteration and per step of the batch. */
  speedup: number;
  speedupPerStep: number;
}

interface TrainerModule {
  Trainer: { create(config: unknown, init: { checkpoint: unknown }): Promise<{ step(): Promise<{ metrics: Record<string, number> }>; dispose(): void }> };
}
interface ConfigModule {
  parseTrainConfig(input: unknown): { ok: true; config: unknown } | { ok: false; errors: string[] };
}

/**
 * Default iterations (GRPO + EMPG) of this tree and of the source tree `dir` (a copy of `src/` from an
 * earlier commit, e.g. `git archive COMMIT src | tar -x -C DIR`), alternating in this process on the same
 * backend, same seed and checkpoint, after one warm-up each. The two see the same tasks; their batches drift
 * apart once sampling meets a floating-point difference, so time per step is reported as well.
 */
export async function compareWithBaseline(env: BenchEnv, dir: string, pairs: number): Promise<BaselineComparison> {
  const root = resolve(dir);
  const oldTrainer = (await import(pathToFileURL(resolve(root, 'src/train/trainer.ts')).href)) as TrainerModule;
  const oldConfig = (await import(pathToFileURL(resolve(root, 'src/train/config.ts')).href)) as ConfigModule;
  const parsed = oldConfig.parseTrainConfig({ env, seed: 1 });
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  const checkpoint = loadBaseCheckpoint(env);
  // Both trees name their TF.js variables `name#counter` with a counter of their own; a throw-away model
  // of this tree first moves this tree's counter past the names the other tree is about to take.
  new PolicyModel(modelConfigOf(checkpoint), 1).dispose();
  const before = await oldTrainer.Trainer.create(parsed.config, { checkpoint });
  const current = await Trainer.create(defaultConfig(env), { checkpoint });
  const result: BaselineComparison = { env, baseline: dir, pairs, current: [], before: [], speedup: NaN, speedupPerStep: NaN };
  // TF.js's kernel registry is shared by both trees: a tree from before the SIMD kernels
  // (src/policy/wasmBackend.ts) runs with TF.js's stock kernels, as it did.
  const stockKernelsBefore = !existsSync(resolve(root, 'src/policy/wasmBackend.ts'));
  const stepBefore = async () => {
    if (stockKernelsBefore) uninstallWasmKernels();
    try {
      return await before.step();
    } finally {
      if (stockKernelsBefore) installWasmKernels();
    }
  };
  try {
    for (let i = 0; i <= pairs; i++) {
      const a = (await stepBefore()).metrics;
      const b = (await current.step()).metrics;
      if (i === 0) continue;
      result.before.push({ ms: a['perf/iter_ms'], steps: a['batch/steps'] });
      result.current.push({ ms: b['perf/iter_ms'], steps: b['batch/steps'] });
    }
  } finally {
    before.dispose();
    current.dispose();
  }
  result.speedup = median(result.before.map((r) => r.ms)) / median(result.current.map((r) => r.ms));
  result.speedupPerStep = median(result.before.map((r) => r.ms / r.steps)) / median(result.current.map((r) => r.ms / r.steps));
  return result;
}

/** One point of `scaling`. */
export interface ScalingPoint {
  label: string;
  tasks: number;
  groupSize: number;
  promptBudget: number;
  modelSize: string;
  steps: number;
  rolloutMs: number;
  updateMs: number;
  rolloutMsPerStep: number;
  updateMsPerStep: number;
}

/**
 * ALFWorld-lite, episodes capped at 10 steps: one rollout and one GRPO + EMPG update per point, after a
 * warm-up, varying one of B, G, the prompt budget (shorter prompts drop older history) or the model size
 * (a fresh model of that size; the others start from the base checkpoint).
 */
export async function scaling(): Promise<ScalingPoint[]> {
  const checkpoint = loadBaseCheckpoint('alfworld');
  const points: { label: string; tasks: number; groupSize: number; promptBudget: number; modelSize: 'tiny' | 'small' | 'base' }[] = [
    { label: 'B 4, G 8', tasks: 4, groupSize: 8, promptBudget: 88, modelSize: 'base' },
    { label: 'B 8, G 8 (default)', tasks: 8, groupSize: 8, promptBudget: 88, modelSize: 'base' },
    { label: 'B 16, G 8', tasks: 16, groupSize: 8, promptBudget: 88, modelSize: 'base' },
    { label: 'B 8, G 4', tasks: 8, groupSize: 4, promptBudget: 88, modelSize: 'base' },
    { label: 'B 8, G 16', tasks: 8, groupSize: 16, promptBudget: 88, modelSize: 'base' },
    { label: 'prompt ≤ 40 tokens', tasks: 8, groupSize: 8, promptBudget: 40, modelSize: 'base' },
    { label: 'prompt ≤ 64 tokens', tasks: 8, groupSize: 8, promptBudget: 64, modelSize: 'base' },
    { label: 'model tiny (fresh)', tasks: 8, groupSize: 8, promptBudget: 88, modelSize: 'tiny' },
    { label: 'model small (fresh)', tasks: 8, groupSize: 8, promptBudget: 88, modelSize: 'small' },
  ];
  const out: ScalingPoint[] = [];
  for (const p of points) {
    const config = defaultConfig('alfworld', { tasksPerIteration: p.tasks, groupSize: p.groupSize, maxSteps: 10 });
    const base = policyFrom(checkpoint, config);
    let model = base.model;
    if (p.modelSize !== 'base') {
      model.dispose();
      model = new PolicyModel({ ...MODEL_SIZES[p.modelSize], vocabSize: base.tokenizer.size, context: 96 }, 1);
    }
    try {
      const options = { ...rolloutOptions(config, base.source.stepLimit, p.promptBudget + maxActionTokens('alfworld')) };
      const taskRng = createRng(3).fork('tasks');
      const tasks = Array.from({ length: p.tasks }, (_, group) => ({ taskSeed: taskRng.int(1_000_000_000), group }));
      await rollout(model, base.tokenizer, base.source, tasks.slice(0, 1), { ...options, copies: 1, maxSteps: 2 }, createRng('warm-up'));
      let start = performance.now();
      const batch = await rollout(model, base.tokenizer, base.source, tasks, options, createRng(3));
      const rolloutMs = performance.now() - start;
      const items = updateItems(batch, config);
      const optimizer = tf.train.adam(config.lr);
      start = performance.now();
      await ppoUpdate(model, optimizer, items, {
        epochs: 1, miniBatchSize: config.miniBatchSize, clipLow: 0.2, clipHigh: 0.2, klCoef: 0, maxGradNorm: 1, temperature: 1,
      }, createRng(3));
      const updateMs = performance.now() - start;
      optimizer.dispose();
      const steps = items.length;
      out.push({
        label: p.label, tasks: p.tasks, groupSize: p.groupSize, promptBudget: p.promptBudget,
        modelSize: p.modelSize === 'base' ? 'tiny (base checkpoint)' : p.modelSize,
        steps, rolloutMs, updateMs, rolloutMsPerStep: rolloutMs / steps, updateMsPerStep: updateMs / steps,
      });
    } finally {
      model.dispose();
    }
  }
  return out;
}
