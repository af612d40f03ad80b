/**
 * `premise`: does "a confident step is a good step" hold for a checkpoint's own rollouts, under each
 * step-entropy mode? Rolls out batches like a training iteration (B tasks × G copies at the rollout
 * temperature, no update), then computes the premise metrics of src/core/premise.ts for `all`,
 * `choices` and `normalized` on the same rollouts, with a 95 % interval from resampling groups; then
 * where the update goes (src/core/premise.ts, `updateShares`) under GRPO and each EMPG variant.
 *
 *   npm run cli -- premise --env alfworld --batches 8 [--checkpoint FILE] [--seed 1] [--no-centre] [--json]
 *
 * `--no-centre` leaves out EMPG's final centring (Eq. 7) in the update rows, as `train --no-centre` does.
 */
import { existsSync } from 'node:fs';
import { actionVerb, premiseAuc, premiseMetrics, progressPremiseMetrics, pushOnProgress, UPDATE_SHARE_KEYS, updateShares, verbPush, type PremiseStep } from '../src/core/premise';
import { createRng } from '../src/core/prng';
import { STEP_ENTROPY_MODES } from '../src/core/stepEntropy';
import { maxActionTokens, parseTrainConfig } from '../src/train/config';
import { rollout, type Trajectory } from '../src/train/rollout';
import type { TaskSource } from '../src/train/tasks';
import { computeStepAdvantages } from '../src/train/stepAdvantages';
import { Trainer } from '../src/train/trainer';
import { intFlag, parseFlags, UsageError } from './args';
import { envFlag } from './envCommands';
import { baseCheckpointPath, loadCheckpoint, useBackend } from './train';

/** `premise` (see the file comment). */
export async function runPremise(argv: string[]): Promise<void> {
  const flags = parseFlags(argv, {
    env: { type: 'string' }, preset: { type: 'string' }, checkpoint: { type: 'string' }, batches: { type: 'string' },
    seed: { type: 'string' }, batch: { type: 'string' }, group: { type: 'string' }, backend: { type: 'string' }, json: { type: 'boolean' },
    'no-centre': { type: 'boolean' },
  });
  const env = envFlag(flags.env, 'alfworld');
  const path = flags.checkpoint ?? baseCheckpointPath(env, flags.preset);
  if (!existsSync(path)) throw new UsageError(`no checkpoint at ${path}`);
  const checkpoint = await loadCheckpoint(path);
  const parsed = parseTrainConfig({
    env, preset: flags.preset ?? checkpoint.preset, seed: intFlag('seed', flags.seed, 1),
    tasksPerIteration: intFlag('batch', flags.batch, 8), groupSize: intFlag('group', flags.group, 8), empg: 'full',
    empgCentre: flags['no-centre'] ? false : undefined,
  });
  if (!parsed.ok) throw new UsageError(parsed.errors.join('\n'));
  const config = parsed.config;
  const backend = await useBackend(flags.backend);
  const trainer = await Trainer.create(config, { checkpoint, backend });
  const batches = intFlag('batches', flags.batches, 8);
  const rng = createRng(config.seed);
  const taskRng = rng.fork('tasks');
  const sampleRng = rng.fork('sampling');

  const perMode = new Map(STEP_ENTROPY_MODES.map((m) => [m, [] as PremiseStep[]]));
  // Where the update goes under GRPO and each EMPG variant, at the configuration's step entropy.
  const variants = ['off', 'full', 'scaling', 'bonus'] as const;
  const variantName = (v: (typeof variants)[number]) => (v === 'off' ? 'grpo' : `empg-${v}`);
  const perVariant = new Map(variants.map((v) => [v, [] as { group: number; success: boolean; advantage: number; verb: string; progress: boolean | null }[]]));
  // ALFWorld only: whether each step made progress by the oracle's plan, and the steps' entropies per mode.
  const progressPerMode = new Map(STEP_ENTROPY_MODES.map((m) => [m, [] as { entropy: number; verb: string; progress: boolean | null }[]]));
  const flatGroups = new Set<number>();
  const noSignal = new Map(STEP_ENTROPY_MODES.map((m) => [m, new Set<number>()]));
  let trajectories = 0;
  let successes = 0;
  for (let b = 0; b < batches; b++) {
    const tasks = Array.from({ length: config.tasksPerIteration }, (_, i) => ({ taskSeed: taskRng.int(1_000_000_000), group: i }));
    const batch: Trajectory[] = await rollout(trainer.model, trainer.tokenizer, trainer.source, tasks, {
      split: 'train', copies: config.groupSize, greedy: false, maxSteps: trainer.source.stepLimit, temperature: config.temperature,
      masked: config.decoding === 'masked', maxActionTokens: maxActionTokens(config.env), context: trainer.model.config.context,
      invalidPenalty: config.invalidPenalty,
    }, sampleRng);
    trajectories += batch.length;
    successes += batch.filter((t) => t.won).length;
    const offset = b * config.tasksPerIteration;
    const verbs = batch.flatMap((traj) => traj.steps.map((step) => actionVerb(step.action)));
    const progress = progressLabels(trainer.source, batch);
    for (const mode of STEP_ENTROPY_MODES) {
      const adv = computeStepAdvantages(batch, { ...config, stepEntropy: mode });
      for (let i = 0; i < adv.final.length; i++) {
        const traj = batch[adv.traj[i]];
        perMode.get(mode)!.push({
          group: offset + traj.group, success: traj.won, entropy: adv.stepEntropy[i], verb: verbs[i],
          g: adv.g[i], finalAdvantage: adv.final[i], outcomeAdvantage: adv.outcome[i],
        });
      }
      for (const g of adv.zeroStdGroups) noSignal.get(mode)!.add(offset + g);
      progress.forEach((label, j) => {
        progressPerMode.get(mode)!.push({ entropy: adv.stepEntropy[j], verb: verbs[j], progress: label });
      });
    }
    for (const variant of variants) {
      const adv = computeStepAdvantages(batch, { ...config, empg: variant });
      for (let i = 0; i < adv.final.length; i++) {
        const traj = batch[adv.traj[i]];
        perVariant.get(variant)!.push({ group: offset + traj.group, success: traj.won, advantage: adv.final[i], verb: verbs[i], progress: progress[i] });
      }
      if (variant === 'off') for (const g of adv.zeroStdGroups) flatGroups.add(offset + g);
    }
    process.stderr.write(`\rbatch ${b + 1}/${batches}`);
  }
  process.stderr.write('\n');

  const rows = STEP_ENTROPY_MODES.map((mode) => {
    const steps = perMode.get(mode)!;
    return {
      mode, ...premiseMetrics(steps, noSignal.get(mode)),
      'premise/auc_ci95': groupBootstrap(steps, false, config.seed), 'premise/auc_same_verb_ci95': groupBootstrap(steps, true, config.seed),
    };
  });
  const shares = Object.fromEntries(variants.map((v) => [variantName(v), updateShares(perVariant.get(v)!, flatGroups)]));
  const pushes = Object.fromEntries(variants.map((v) => [variantName(v), verbPush(perVariant.get(v)!)]));
  const correct = config.env === 'alfworld' ? {
    confident_is_correct: Object.fromEntries(STEP_ENTROPY_MODES.map((m) => {
      const metrics = progressPremiseMetrics(progressPerMode.get(m)!);
      return [m, { auc: metrics['premise/progress_auc'] ?? NaN, auc_same_verb: metrics['premise/progress_auc_same_verb'] ?? NaN, progress_share: metrics['premise/progress_share'] ?? 0 }];
    })),
    push_on_progress: Object.fromEntries(variants.map((v) => [variantName(v), pushOnProgress(perVariant.get(v)!)])),
  } : null;
  const header = {
    env, preset: config.preset, checkpoint: path, batches, tasks_per_batch: config.tasksPerIteration, group_size: config.groupSize,
    temperature: config.temperature, trajectories, success_rate: successes / Math.max(1, trajectories),
  };
  if (flags.json) {
    console.log(JSON.stringify({ ...header, modes: rows, step_entropy: config.stepEntropy, update_shares: shares, verb_push: pushes, ...(correct ?? {}) }));
  } else {
    console.log(`${env}/${config.preset}, ${path}: ${trajectories} rollouts at T = ${config.temperature}, success ${(header.success_rate * 100).toFixed(1)} %\n`);
    console.log('| step entropy | AUC (95 % CI) | AUC same kind (95 % CI) | per kind | r(g, success) | |A_final| in groups without signal | |A_final| against the outcome | pairs |');
    console.log('|---|---|---|---|---|---|---|---|');
    for (const row of rows) {
      const r = row as Record<string, unknown>;
      const f = (v: unknown) => (typeof v === 'number' ? v.toFixed(3) : '–');
      const ci = (v: unknown) => (Array.isArray(v) ? ` (${f(v[0])}–${f(v[1])})` : '');
      const kinds = Object.keys(r).filter((k) => k.startsWith('premise/auc/')).map((k) => `${k.slice(12)} ${f(r[k])}`).join(', ');
      console.log(`| ${row.mode} | ${f(r['premise/auc'])}${ci(r['premise/auc_ci95'])} | ${f(r['premise/auc_same_verb'])}${ci(r['premise/auc_same_verb_ci95'])} `
        + `| ${kinds} | ${f(r['premise/g_outcome_r'])} | ${f(r['premise/no_signal_adv_share'])} | ${f(r['premise/against_outcome_share'])} | ${r['premise/pairs']} |`);
    }
    console.log(`\nWhere the update goes: shares of the total |advantage| (step entropy \`${config.stepEntropy}\`); "no signal" groups are those whose rewards all agree, ↑/↓ the advantage's sign.\n`);
    console.log(`| advantage | ${UPDATE_SHARE_KEYS.map((k) => k.replace(/\/up$/, ' ↑').replace(/\/down$/, ' ↓').replace('/', ', ')).join(' | ')} |`);
    console.log(`|---|${'---|'.repeat(UPDATE_SHARE_KEYS.length)}`);
    for (const [name, row] of Object.entries(shares)) console.log(`| ${name} | ${UPDATE_SHARE_KEYS.map((k) => row[k].toFixed(3)).join(' | ')} |`);
    const kinds = pushes.grpo.map((r) => r.verb);
    console.log('\nNet push on each kind of action: the signed sum of its steps\' advantages over the total |advantage| (> 0: made likelier overall).\n');
    console.log(`| advantage | ${pushes.grpo.map((r) => `${r.verb} (${(100 * r.steps / Math.max(1, perVariant.get('off')!.length)).toFixed(0)} % of steps)`).join(' | ')} |`);
    console.log(`|---|${'---|'.repeat(kinds.length)}`);
    for (const [name, rows] of Object.entries(pushes)) {
      const byVerb = new Map(rows.map((r) => [r.verb, r.push]));
      console.log(`| ${name} | ${kinds.map((k) => (byVerb.get(k) ?? 0).toFixed(3)).join(' | ')} |`);
    }
    if (correct) {
      console.log('\nIs a confident step a correct one? AUC of "lower step entropy → the step makes progress by the oracle\'s plan", over all steps and within one kind of action.\n');
      console.log('| step entropy | AUC | AUC same kind | steps that make progress |');
      console.log('|---|---|---|---|');
      for (const [mode, r] of Object.entries(correct.confident_is_correct)) console.log(`| ${mode} | ${r.auc.toFixed(3)} | ${r.auc_same_verb.toFixed(3)} | ${(100 * r.progress_share).toFixed(1)} % |`);
      console.log('\nWhere the push lands: of the |advantage| pushed down (up), the share on steps that make progress; and the net push (up minus down, over the total) on those steps and on the others.\n');
      console.log('| advantage | down on progress steps | up on progress steps | net on progress steps | net on other steps |');
      console.log('|---|---|---|---|---|');
      for (const [name, r] of Object.entries(correct.push_on_progress)) {
        console.log(`| ${name} | ${r.down.toFixed(3)} | ${r.up.toFixed(3)} | ${r.netProgress.toFixed(3)} | ${r.netOther.toFixed(3)} |`);
      }
    }
  }
  trainer.dispose();
}

/** 95 % percentile interval of the pooled AUC when whole groups are resampled with replacement (1,000 draws). */
function groupBootstrap(steps: readonly PremiseStep[], sameVerb: boolean, seed: number): [number, number] | null {
  const byGroup = new Map<number, PremiseStep[]>();
  for (const s of steps) {
    const list = byGroup.get(s.group) ?? [];
    list.push(s);
    byGroup.set(s.group, list);
  }
  const groups = [...byGroup.values()];
  const rng = createRng(`premise-bootstrap-${seed}`);
  const draws: number[] = [];
  for (let d = 0; d < 1000; d++) {
    const sample: PremiseStep[] = [];
    for (let i = 0; i < groups.length; i++) {
      for (const s of groups[rng.int(groups.length)]) sample.push({ ...s, group: i });
    }
    const { auc, pairs } = premiseAuc(sample, sameVerb);
    if (pairs) draws.push(auc);
  }
  if (draws.length < 100) return null;
  draws.sort((a, b) => a - b);
  return [draws[Math.floor(0.025 * draws.length)], draws[Math.ceil(0.975 * draws.length) - 1]];
}

/** For every step of the batch, in order, whether it made progress by the environment's oracle (null where it has none). */
function progressLabels(source: TaskSource, batch: readonly Trajectory[]): (boolean | null)[] {
  if (!source.progress) return batch.flatMap((traj) => traj.steps.map(() => null));
  return source.progress(batch.map((traj) => ({ taskSeed: traj.taskSeed, actions: traj.steps.map((s) => s.action) })), 'train').flat();
}
