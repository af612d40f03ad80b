/**
 * `premise`: does "a confident step is a good step" hold for a checkpoint's own rollouts, under each
 * step-entropy mode? Rolls out batches like a training iteration (B tasks × G copies at the rollout
 * temperature, no update), then computes the premise metrics of src/core/premise.ts for `all`,
 * `choices` and `normalized` on the same rollouts, with a 95 % interval from resampling groups; then
 * where the update goes (src/core/premise.ts, `updateShares`) under GRPO and each EMPG variant.
 *
 *   npm run cli -- premise --env alfworld --batches 8 [--checkpoint FILE] [--seed 1] [--json]
 */
import { existsSync } from 'node:fs';
import { actionVerb, premiseAuc, premiseMetrics, UPDATE_SHARE_KEYS, updateShares, type PremiseStep } from '../src/core/premise';
import { createRng } from '../src/core/prng';
import { STEP_ENTROPY_MODES } from '../src/core/stepEntropy';
import { maxActionTokens, parseTrainConfig } from '../src/train/config';
import { rollout, type Trajectory } from '../src/train/rollout';
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
  });
  const env = envFlag(flags.env, 'alfworld');
  const path = flags.checkpoint ?? baseCheckpointPath(env, flags.preset);
  if (!existsSync(path)) throw new UsageError(`no checkpoint at ${path}`);
  const checkpoint = await loadCheckpoint(path);
  const parsed = parseTrainConfig({
    env, preset: flags.preset ?? checkpoint.preset, seed: intFlag('seed', flags.seed, 1),
    tasksPerIteration: intFlag('batch', flags.batch, 8), groupSize: intFlag('group', flags.group, 8), empg: 'full',
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
  const perVariant = new Map(variants.map((v) => [v, [] as { group: number; success: boolean; advantage: number }[]]));
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
    for (const mode of STEP_ENTROPY_MODES) {
      const adv = computeStepAdvantages(batch, { ...config, stepEntropy: mode });
      let i = 0;
      for (const traj of batch) {
        for (const step of traj.steps) {
          perMode.get(mode)!.push({
            group: offset + traj.group, success: traj.won, entropy: adv.stepEntropy[i], verb: actionVerb(step.action),
            g: adv.g[i], finalAdvantage: adv.final[i], outcomeAdvantage: adv.outcome[i],
          });
          i++;
        }
      }
      for (const g of adv.zeroStdGroups) noSignal.get(mode)!.add(offset + g);
    }
    for (const variant of variants) {
      const adv = computeStepAdvantages(batch, { ...config, empg: variant });
      for (let i = 0; i < adv.final.length; i++) {
        const traj = batch[adv.traj[i]];
        perVariant.get(variant)!.push({ group: offset + traj.group, success: traj.won, advantage: adv.final[i] });
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
  const shares = Object.fromEntries(variants.map((v) => [v === 'off' ? 'grpo' : `empg-${v}`, updateShares(perVariant.get(v)!, flatGroups)]));
  const header = {
    env, preset: config.preset, checkpoint: path, batches, tasks_per_batch: config.tasksPerIteration, group_size: config.groupSize,
    temperature: config.temperature, trajectories, success_rate: successes / Math.max(1, trajectories),
  };
  if (flags.json) {
    console.log(JSON.stringify({ ...header, modes: rows, step_entropy: config.stepEntropy, update_shares: shares }));
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
