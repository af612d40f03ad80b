/**
 * Writes src/import/__fixtures__/trl-completions/completions_00005.parquet: a small table with the
 * columns, column types and row order of TRL GRPOTrainer's completion log (step INT64; prompt and
 * completion UTF-8 strings; one DOUBLE column per reward function, NaN where a function returned None;
 * advantage DOUBLE), num_generations = 3. The advantages are computed as TRL computes them with
 * scale_rewards="group": (r − group mean) / (group std + 1e-4), std Bessel-corrected, r the NaN-sum.
 * Run: npx tsx scripts/trl-completions-example.ts
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { parquetWriteBuffer } from 'hyparquet-writer';

const prompts = [
  '<|im_start|>user\nWhat is 7 * 8?<|im_end|>\n<|im_start|>assistant\n',
  '<|im_start|>user\nName the capital of Australia.<|im_end|>\n<|im_start|>assistant\n',
];
const rows: [number, string, number, number][] = [
  [0, '<think>7 * 8 = 56</think>56', 1, 1],
  [0, '7 * 8 is 54', 0, 0],
  [0, '<think>8 * 7</think>56', 1, 1],
  [1, '<think>Not Sydney.</think>Canberra', 1, 1],
  [1, 'Sydney', 0, 0],
  [1, '<think>hmm</think>Melbourne', NaN, 1],
];
const G = 3;
const reward = rows.map(([, , a, f]) => (Number.isNaN(a) ? 0 : a) + (Number.isNaN(f) ? 0 : f));
const advantage = reward.map((r, i) => {
  const group = reward.slice(Math.floor(i / G) * G, Math.floor(i / G) * G + G);
  const mean = group.reduce((s, x) => s + x, 0) / G;
  const std = Math.sqrt(group.reduce((s, x) => s + (x - mean) ** 2, 0) / (G - 1));
  return (r - mean) / (std + 1e-4);
});
const buffer = parquetWriteBuffer({
  columnData: [
    { name: 'step', data: rows.map(() => 5n), type: 'INT64' },
    { name: 'prompt', data: rows.map(([p]) => prompts[p]), type: 'STRING' },
    { name: 'completion', data: rows.map(([, c]) => c), type: 'STRING' },
    { name: 'accuracy_reward', data: rows.map(([, , a]) => a), type: 'DOUBLE' },
    { name: 'think_format_reward', data: rows.map(([, , , f]) => f), type: 'DOUBLE' },
    { name: 'advantage', data: advantage, type: 'DOUBLE' },
  ],
});
mkdirSync('src/import/__fixtures__/trl-completions', { recursive: true });
writeFileSync('src/import/__fixtures__/trl-completions/completions_00005.parquet', new Uint8Array(buffer));
