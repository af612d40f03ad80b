/**
 * What a Deep Search-lite checkpoint does, question kind by question kind: success greedy and sampled at T = 1
 * on the train, test-id and test-ood splits (one split's worth of questions; sampled: `--samples` times over,
 * default 2), and the habits behind it — how often the first action is an answer, searches per episode, and wrong
 * answers that name one of the question's own entities or, in a chain, the first hop's object (docs/TRAINING.md, why GRPO learned weakly on the first
 * `tiny`, and why some seeds do not learn). `--splits` picks the splits (default all three).
 *
 *   npx tsx scripts/deepsearch-kinds.ts public/checkpoints/deepsearch-base.json runs/ds/grpo-s1.ckpt.json
 *   npx tsx scripts/deepsearch-kinds.ts --splits test-id,test-ood --samples 8 runs/ds/*.ckpt.json
 */
import { parseArgs } from 'node:util';
import '../src/policy/wasmBackend';
import { useBackend } from '../cli/train';
import type { Split } from '../src/envs/deepsearch/index';
import type { Trajectory } from '../src/train/rollout';
import { openDeepSearchProbe } from './lib/deepsearchProbe';

/** Counts over the episodes of one question kind. */
interface Tally { episodes: number; won: number; answerFirst: number; searches: number; anchorAnswers: number; bridgeAnswers: number }

const percent = (part: number, whole: number) => `${((100 * part) / Math.max(1, whole)).toFixed(0)} %`;

const SPLITS: Split[] = ['train', 'test-id', 'test-ood'];
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { splits: { type: 'string', default: SPLITS.join(',') }, samples: { type: 'string', default: '2' } },
});
const splits = values.splits.split(',').map((name) => name.trim());
const unknown = splits.filter((name) => !(SPLITS as string[]).includes(name));
if (unknown.length > 0) throw new Error(`--splits: unknown split ${unknown.join(', ')}; known: ${SPLITS.join(', ')}`);
const samples = Number(values.samples);
if (!Number.isInteger(samples) || samples < 1) throw new Error(`--samples must be a whole number of at least 1, got "${values.samples}"`);
if (positionals.length === 0) throw new Error('name one or more Deep Search-lite checkpoints');

await useBackend('wasm');
console.log('| checkpoint | split | decoding | success | by kind: success (episodes, first action an answer, searches, wrong answer = a question entity, wrong answer = the first hop’s object) |');
console.log('|---|---|---|---|---|');
for (const path of positionals) {
  const probe = await openDeepSearchProbe(path);
  for (const split of splits as Split[]) {
    const count = probe.count(split);
    for (const greedy of [true, false]) {
      const results: Trajectory[] = await probe.roll(split, greedy, samples);
      const kinds = new Map<string, Tally>();
      results.forEach((trajectory, i) => {
        const question = probe.questionOf(split, i % count);
        // In a chain of two or more hops, the entity the first search finds (the bridge).
        const bridge = question.kind === 'compositional' && question.hops >= 2
          ? probe.worldOf(split, i % count).facts.get(question.anchors[0])?.get(question.relations[0])?.object : undefined;
        const key = `${question.kind} ${question.hops}`;
        const tally = kinds.get(key) ?? { episodes: 0, won: 0, answerFirst: 0, searches: 0, anchorAnswers: 0, bridgeAnswers: 0 };
        tally.episodes++;
        if (trajectory.won) tally.won++;
        if (trajectory.steps[0]?.action.startsWith('answer[')) tally.answerFirst++;
        tally.searches += trajectory.steps.filter((s) => s.action.startsWith('search[')).length;
        const answered = /^answer\[(.*)\]$/.exec(trajectory.steps.at(-1)?.action ?? '')?.[1].trim();
        if (!trajectory.won && answered !== undefined && question.anchors.includes(answered)) tally.anchorAnswers++;
        if (!trajectory.won && answered !== undefined && answered === bridge) tally.bridgeAnswers++;
        kinds.set(key, tally);
      });
      const cells = [...kinds.entries()].sort().map(([kind, t]) =>
        `${kind}: ${percent(t.won, t.episodes)} (${t.episodes}, ${percent(t.answerFirst, t.episodes)}, ${(t.searches / t.episodes).toFixed(1)}, ${percent(t.anchorAnswers, t.episodes)}, ${percent(t.bridgeAnswers, t.episodes)})`);
      const won = results.filter((t) => t.won).length;
      console.log(`| ${path} | ${split} | ${greedy ? 'greedy' : 'T = 1'} | ${percent(won, results.length)} | ${cells.join('; ')} |`);
    }
  }
  probe.trainer.dispose();
}
