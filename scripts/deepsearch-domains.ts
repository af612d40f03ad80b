/**
 * Held-out success of Deep Search-lite checkpoints split by domain: the trainer's held-out tasks alternate
 * in-domain (even seeds) and out-of-domain (odd seeds) questions, and this plays N of each, greedy and sampled
 * at T = 1, from a fixed evaluation stream (docs/TRAINING.md, Deep Search-lite).
 *
 *   npx tsx scripts/deepsearch-domains.ts public/checkpoints/deepsearch-base.json runs/ds/grpo-s1.ckpt.json [--episodes 128]
 */
import '../src/policy/wasmBackend';
import { loadCheckpoint, useBackend } from '../cli/train';
import { createRng } from '../src/core/prng';
import { maxActionTokens, parseTrainConfig } from '../src/train/config';
import { rollout } from '../src/train/rollout';
import type { TaskSource } from '../src/train/tasks';
import { Trainer } from '../src/train/trainer';

const args = process.argv.slice(2);
const at = args.indexOf('--episodes');
const episodes = at >= 0 ? Number(args.splice(at, 2)[1]) : 128;
await useBackend('wasm');
console.log('| checkpoint | in domain, greedy | in domain, T = 1 | out of domain, greedy | out of domain, T = 1 |');
console.log('|---|---|---|---|---|');
for (const path of args) {
  const checkpoint = await loadCheckpoint(path);
  const parsed = parseTrainConfig({ env: checkpoint.env, preset: checkpoint.preset });
  if (!parsed.ok || checkpoint.env !== 'deepsearch') throw new Error(`${path} is not a Deep Search-lite checkpoint`);
  const trainer = await Trainer.create(parsed.config, { checkpoint });
  const cells: string[] = [];
  for (const parity of [0, 1]) {
    const source: TaskSource = { ...trainer.source, start: (seed) => trainer.source.start(2 * seed + parity, 'test') };
    for (const greedy of [true, false]) {
      const tasks = Array.from({ length: episodes }, (_, i) => ({ taskSeed: i, group: i }));
      const results = await rollout(trainer.model, trainer.tokenizer, source, tasks, {
        split: 'test', copies: 1, greedy, maxSteps: source.stepLimit, temperature: 1, masked: parsed.config.decoding === 'masked',
        maxActionTokens: maxActionTokens('deepsearch'), context: trainer.model.config.context, invalidPenalty: parsed.config.invalidPenalty,
      }, createRng('evaluation'));
      cells.push(`${((100 * results.filter((t) => t.won).length) / episodes).toFixed(1)} %`);
    }
  }
  console.log(`| ${path} | ${cells.join(' | ')} |`);
  trainer.dispose();
}
