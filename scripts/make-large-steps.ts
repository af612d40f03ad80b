/**
 * Writes a large, deterministic `empg-steps/v1` file for measuring the page's import (scripts/
 * import-bench.mjs): training steps of G-sample groups of multi-step episodes with 20–40 tokens per step,
 * until the file reaches the requested size. Entropies, log-probs and Σπ² are drawn from one seeded PRNG
 * and kept consistent (log-prob ≤ 0, 0 ≤ 1 − 2π + Σπ² ≤ 2); advantages are GRPO's from the rewards.
 *
 *   npx tsx scripts/make-large-steps.ts --mb 200 --out runs/large-steps.jsonl
 */
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { grpoAdvantages } from '../src/core/advantages';
import { createRng } from '../src/core/prng';

const arg = (name: string, fallback: string) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : fallback;
};
const megabytes = Number(arg('mb', '200'));
const out = arg('out', 'runs/large-steps.jsonl');
const groups = 16;
const samples = 8;
const words = ['go', 'to', 'take', 'put', 'open', 'close', 'drawer', 'cabinet', 'apple', 'mug', 'from', 'in/on', ' the', ' a', '[', ']', 'search', 'click', 'buy now', 'next >'];

async function main(): Promise<void> {
  await mkdir(dirname(out), { recursive: true });
  const file = createWriteStream(out);
  const write = (text: string) => new Promise<void>((done) => (file.write(text) ? done() : file.once('drain', done)));
  const rng = createRng('large-steps');
  const round = (x: number) => Number(x.toPrecision(5));
  let bytes = 0;
  let lines = 0;
  await write(JSON.stringify({ meta: { schema: 'empg-steps/v1', source: 'scripts/make-large-steps.ts (synthetic)', entropy_unit: 'nat' } }) + '\n');
  for (let trainStep = 1; bytes < megabytes * 1e6; trainStep++) {
    const rewards: number[] = [];
    const groupOf: number[] = [];
    for (let g = 0; g < groups; g++) for (let s = 0; s < samples; s++) { rewards.push(rng.next() < 0.4 ? 1 : 0); groupOf.push(g); }
    const advantages = grpoAdvantages(rewards, groupOf);
    let chunk = '';
    for (let i = 0; i < rewards.length; i++) {
      const steps = 2 + Math.floor(rng.next() * 6);
      for (let t = 0; t < steps; t++) {
        const n = 20 + Math.floor(rng.next() * 21);
        const tokens: string[] = [], entropy: number[] = [], logprob: number[] = [], gradSq: number[] = [];
        for (let j = 0; j < n; j++) {
          tokens.push(words[Math.floor(rng.next() * words.length)]);
          const p = 0.05 + 0.95 * rng.next();
          const sumSq = p * p + (1 - p) * (1 - p) * rng.next();
          entropy.push(round(-Math.log(p) * (0.5 + rng.next())));
          logprob.push(round(Math.log(p)));
          gradSq.push(round(1 - 2 * p + sumSq));
        }
        chunk += JSON.stringify({
          train_step: trainStep, traj_id: `${trainStep}-${i}`, group_id: `prompt-${(trainStep * 7 + groupOf[i]) % 500}`, step_idx: t, num_steps: steps,
          response: tokens.join(''), tokens, entropy, logprob, outcome_reward: rewards[i], advantage: round(advantages[i]), grad_sq: gradSq,
        }) + '\n';
        lines++;
      }
    }
    bytes += Buffer.byteLength(chunk);
    await write(chunk);
  }
  await new Promise<void>((done) => file.end(done));
  console.log(JSON.stringify({ out, bytes, lines }));
}

void main();
