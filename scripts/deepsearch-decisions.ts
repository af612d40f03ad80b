/**
 * Why greedy success of a Deep Search-lite checkpoint can fall while its success at T = 1 rises
 * (docs/TRAINING.md): for each checkpoint, on the training copies and the held-out questions,
 *
 * - the policy's entropy (mean over the action's tokens, nats, sampled at T = 1) at each decision kind: the
 *   first action, the decision after the first search's results (search again or answer), and the answer
 *   (with the success at T = 1 by question kind);
 * - what greedy decoding does on held-out questions: searches per episode, how often it answers right after one
 *   search, repeats a query it already sent, or runs out of steps;
 * - where the T = 1 successes come from: the share of sampled wins on questions the greedy episode loses.
 *
 *   npx tsx scripts/deepsearch-decisions.ts --samples 8 public/checkpoints/deepsearch-base.json runs/ds8/grpo-s*.ckpt.json
 */
import { parseArgs } from 'node:util';
import '../src/policy/wasmBackend';
import { useBackend } from '../cli/train';
import type { Question, Split } from '../src/envs/deepsearch/index';
import type { StepData, Trajectory } from '../src/train/rollout';
import { openDeepSearchProbe } from './lib/deepsearchProbe';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { samples: { type: 'string', default: '8' } } });
const samples = Number(values.samples);
if (!Number.isInteger(samples) || samples < 1) throw new Error(`--samples must be a whole number of at least 1, got "${values.samples}"`);
if (positionals.length === 0) throw new Error('name one or more Deep Search-lite checkpoints');

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);
const fmt = (x: number, digits = 2) => (Number.isNaN(x) ? '–' : x.toFixed(digits));
const pct = (part: number, whole: number) => (whole ? `${((100 * part) / whole).toFixed(0)} %` : '–');
/** Mean token entropy of one action (nats). */
const stepEntropy = (step: StepData) => mean(step.tokenEntropies);
const isSearch = (step: StepData) => step.action.startsWith('search[');
const isAnswer = (step: StepData) => step.action.startsWith('answer[');
/** Question kind as the tables name it: 1-hop, 2-hop (chains of two or more hops), comparison. */
const kindOf = (q: Question) => (q.kind === 'compositional' ? (q.hops >= 2 ? '2-hop' : '1-hop') : q.kind);

/** Entropy at the three decision kinds, by question kind. */
function entropyRow(trajectories: Trajectory[], questions: Question[]): string {
  const cells: string[] = [];
  for (const kind of ['1-hop', '2-hop', 'comparison']) {
    const own = trajectories.filter((_, i) => kindOf(questions[i]) === kind);
    if (own.length === 0) continue;
    const first = own.map((t) => t.steps[0]).filter(Boolean).map(stepEntropy);
    // The decision after the first search's results: the step right after the first search.
    const afterFirst = own.flatMap((t) => {
      const at = t.steps.findIndex(isSearch);
      return at >= 0 && t.steps[at + 1] ? [t.steps[at + 1]] : [];
    });
    const answers = own.flatMap((t) => t.steps.filter(isAnswer)).map(stepEntropy);
    const answersAfterOne = afterFirst.filter(isAnswer).length;
    cells.push(`${kind} (${pct(own.filter((t) => t.won).length, own.length)} right): ${fmt(mean(first))} / ${fmt(mean(afterFirst.map(stepEntropy)))} (answers ${pct(answersAfterOne, afterFirst.length)}) / ${fmt(mean(answers))}`);
  }
  return cells.join('; ');
}

/** Greedy habits on one set of episodes. */
function greedyRow(trajectories: Trajectory[], questions: Question[]): string {
  const chains = trajectories.filter((_, i) => kindOf(questions[i]) === '2-hop');
  const searches = mean(trajectories.map((t) => t.steps.filter(isSearch).length));
  const repeats = trajectories.filter((t) => {
    const queries = t.steps.filter(isSearch).map((s) => s.action);
    return new Set(queries).size < queries.length;
  }).length;
  const oneSearchAnswer = chains.filter((t) => t.steps.filter(isSearch).length === 1 && isAnswer(t.steps.at(-1)!)).length;
  const noAnswer = trajectories.filter((t) => !t.steps.some(isAnswer)).length;
  const won = trajectories.filter((t) => t.won).length;
  return `${pct(won, trajectories.length)} | ${fmt(searches, 1)} | ${pct(oneSearchAnswer, chains.length)} | ${pct(repeats, trajectories.length)} | ${pct(noAnswer, trajectories.length)}`;
}

await useBackend('wasm');
const entropyLines: string[] = [];
const greedyLines: string[] = [];
const flipLines: string[] = [];
/** The first checkpoint's greedy held-out episodes, which the others are compared with. */
let reference: Trajectory[] | undefined;
/** Where two greedy episodes of one question first part: which decision, by step. */
function partingDecision(a: Trajectory, b: Trajectory): string {
  const at = a.steps.findIndex((step, t) => step.action !== b.steps[t]?.action);
  if (at < 0) return 'same actions';
  const verb = (step: StepData | undefined) => (step === undefined ? 'nothing' : isAnswer(step) ? 'answer' : 'search');
  const [before, now] = [verb(a.steps[at]), verb(b.steps[at])];
  const change = before === now ? `another ${now}` : `${now} instead of ${before}`;
  const decision = at === 0 ? 'first action' : at === 1 && isSearch(a.steps[0]) ? 'after the first search' : 'later';
  return `${decision}: ${change}`;
}
for (const path of positionals) {
  const probe = await openDeepSearchProbe(path);
  const run = async (split: Split, greedy: boolean) => {
    const trajectories = await probe.roll(split, greedy, samples);
    const count = probe.count(split);
    return { trajectories, questions: trajectories.map((_, i) => probe.questionOf(split, i % count)), count };
  };
  const train = await run('train', false);
  entropyLines.push(`| ${path} | training copies | ${entropyRow(train.trajectories, train.questions)} |`);
  const heldOut = { sampled: [] as Trajectory[], sampledQ: [] as Question[], greedy: [] as Trajectory[], greedyQ: [] as Question[] };
  let fromGreedyLosses = 0;
  let sampledWins = 0;
  let greedyLosses = 0;
  for (const split of ['test-id', 'test-ood'] as Split[]) {
    const sampled = await run(split, false);
    const greedy = await run(split, true);
    heldOut.sampled.push(...sampled.trajectories);
    heldOut.sampledQ.push(...sampled.questions);
    heldOut.greedy.push(...greedy.trajectories);
    heldOut.greedyQ.push(...greedy.questions);
    sampled.trajectories.forEach((t, i) => {
      if (!t.won) return;
      sampledWins++;
      if (!greedy.trajectories[i % sampled.count].won) fromGreedyLosses++;
    });
    greedyLosses += greedy.trajectories.filter((t) => !t.won).length;
  }
  if (!reference) reference = heldOut.greedy;
  else {
    const flips = { lost: 0, gained: 0 };
    const where = new Map<string, number>();
    heldOut.greedy.forEach((t, i) => {
      const before = reference![i];
      if (before.won === t.won) return;
      if (before.won) {
        flips.lost++;
        const key = partingDecision(before, t);
        where.set(key, (where.get(key) ?? 0) + 1);
      } else flips.gained++;
    });
    flipLines.push(`| ${path} | ${flips.lost} | ${flips.gained} | ${[...where.entries()].sort().map(([k, n]) => `${k} ${n}`).join(', ')} |`);
  }
  entropyLines.push(`| ${path} | held out | ${entropyRow(heldOut.sampled, heldOut.sampledQ)} |`);
  const sampledSuccess = heldOut.sampled.filter((t) => t.won).length;
  greedyLines.push(`| ${path} | ${greedyRow(heldOut.greedy, heldOut.greedyQ)} | ${pct(sampledSuccess, heldOut.sampled.length)} | `
    + `${pct(fromGreedyLosses, sampledWins)} (${greedyLosses} of ${heldOut.greedy.length} questions lost greedy) |`);
  probe.trainer.dispose();
}
console.log('Entropy (nats, mean over the action\'s tokens, sampled at T = 1) by question kind (success at T = 1): first action / after the first search\'s results (share that answers there) / answer\n');
console.log('| checkpoint | questions | entropy |\n|---|---|---|');
console.log(entropyLines.join('\n'));
console.log('\nHeld-out questions (in and out of domain), greedy decoding, and where the T = 1 wins come from\n');
console.log('| checkpoint | greedy success | searches / episode | chains answered after one search | a query repeated | no answer (step limit) | T = 1 success | T = 1 wins on questions greedy loses |');
console.log('|---|---|---|---|---|---|---|---|');
console.log(greedyLines.join('\n'));
console.log(`\nGreedy held-out questions won by ${positionals[0]} and lost by the checkpoint (and the reverse), and the decision where the two greedy episodes of a lost question first differ\n`);
console.log('| checkpoint | won before, lost now | lost before, won now | where the lost ones first differ |\n|---|---|---|---|');
console.log(flipLines.join('\n'));
