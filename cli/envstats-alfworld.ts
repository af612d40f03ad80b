/**
 * Measures each ALFWorld-lite preset and returns a markdown table (published in docs/ALFWORLD.md):
 * oracle success and optimal plan lengths, uniform-random-policy success (1,000 seeded episodes), the
 * observing demonstrator's success, room size, and the length in words of the verl-agent first-step prompt.
 */
import { createRng } from '../src/core/prng';
import {
  AlfworldEnv, ALFWORLD_PRESET_NAMES, demonstrate, generateTask, getAlfworldPreset, oraclePlan, playRandomEpisode,
  TASK_TYPES, verlAgentPrompt, wordCount,
} from '../src/envs/alfworld/index';

/** Episodes (and worlds) per preset. */
const EPISODES = 1000;
/** Worlds are drawn from seeds 0..EPISODES-1. */
const FIRST_SEED = 0;

function median(sorted: readonly number[]): number {
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const mean = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / values.length;
const percent = (x: number) => `${(100 * x).toFixed(1)}%`;

interface PresetStats {
  preset: string;
  oracleSuccess: number;
  lengths: number[];
  randomSuccess: number;
  randomByType: Map<string, [number, number]>;
  demonstratorSuccess: number;
  /** Steps the noise-free demonstrator took in the episodes it won. */
  demonstratorSteps: number[];
  /** Optimal plan lengths by task type. */
  lengthsByType: Map<string, number[]>;
  receptacles: number[];
  objects: number[];
  admissible: number[];
  promptWords: number[];
}

function measure(preset: string): PresetStats {
  const { stepLimit } = getAlfworldPreset(preset);
  const randomRng = createRng(`envstats/random/${preset}`);
  const stats: PresetStats = {
    preset, oracleSuccess: 0, lengths: [], randomSuccess: 0, randomByType: new Map(), demonstratorSuccess: 0,
    demonstratorSteps: [], lengthsByType: new Map(), receptacles: [], objects: [], admissible: [], promptWords: [],
  };
  for (let i = 0; i < EPISODES; i++) {
    const game = generateTask(FIRST_SEED + i, preset);
    const plan = oraclePlan(game);
    if (plan && plan.length <= stepLimit) {
      stats.oracleSuccess++;
      stats.lengths.push(plan.length);
      stats.lengthsByType.set(game.task.type, [...(stats.lengthsByType.get(game.task.type) ?? []), plan.length]);
    }
    const won = playRandomEpisode(game, randomRng).won;
    if (won) stats.randomSuccess++;
    const perType = stats.randomByType.get(game.task.type) ?? [0, 0];
    stats.randomByType.set(game.task.type, [perType[0] + (won ? 1 : 0), perType[1] + 1]);
    const demo = demonstrate(game, { rng: createRng(`envstats/demonstrator/${i}`) });
    if (demo.won) {
      stats.demonstratorSuccess++;
      stats.demonstratorSteps.push(demo.actions.length);
    }
    const env = new AlfworldEnv();
    const start = env.reset(game);
    const admissible = env.admissibleActions();
    stats.receptacles.push(game.initial.receptacles.length);
    stats.objects.push(game.initial.objects.length);
    stats.admissible.push(admissible.length);
    stats.promptWords.push(wordCount(verlAgentPrompt(start.text, admissible)));
  }
  stats.lengths.sort((a, b) => a - b);
  stats.demonstratorSteps.sort((a, b) => a - b);
  for (const lengths of stats.lengthsByType.values()) lengths.sort((a, b) => a - b);
  return stats;
}

/** Runs the measurements for every preset and returns the markdown tables. */
export async function runEnvStats(): Promise<string> {
  const all = ALFWORLD_PRESET_NAMES.map(measure);
  const lines = [
    `ALFWorld-lite presets, ${EPISODES} generated worlds each (seeds ${FIRST_SEED}–${FIRST_SEED + EPISODES - 1}); random policy: uniform over the admissible actions, one seeded stream per preset.`,
    '',
    '| preset | step limit | oracle success | optimal length min / median / mean / max | random success | demonstrator success | receptacles (mean) | objects (mean) | admissible at start (mean) | prompt words mean / max |',
    '|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const s of all) {
    const n = s.lengths;
    lines.push(`| ${s.preset} | ${getAlfworldPreset(s.preset).stepLimit} | ${percent(s.oracleSuccess / EPISODES)} | `
      + `${n[0]} / ${median(n)} / ${mean(n).toFixed(2)} / ${n[n.length - 1]} | ${percent(s.randomSuccess / EPISODES)} | `
      + `${percent(s.demonstratorSuccess / EPISODES)} | ${mean(s.receptacles).toFixed(1)} | ${mean(s.objects).toFixed(1)} | `
      + `${mean(s.admissible).toFixed(1)} | ${mean(s.promptWords).toFixed(0)} / ${Math.max(...s.promptWords)} |`);
  }
  lines.push('', 'Random-policy success by task type (successes / episodes):', '');
  lines.push(`| preset | ${TASK_TYPES.join(' | ')} |`, `|---|${TASK_TYPES.map(() => '---').join('|')}|`);
  for (const s of all) {
    lines.push(`| ${s.preset} | ${TASK_TYPES.map((t) => { const [w, e] = s.randomByType.get(t) ?? [0, 0]; return `${w} / ${e}`; }).join(' | ')} |`);
  }
  lines.push('', 'Optimal plan length by task type, min / median / max (worlds), and the steps the noise-free demonstrator '
    + '(which has to search) took in the episodes it won, min / median / mean / max:', '');
  lines.push(`| preset | ${TASK_TYPES.join(' | ')} | demonstrator steps |`, `|---|${TASK_TYPES.map(() => '---').join('|')}|---|`);
  for (const s of all) {
    const byType = TASK_TYPES.map((t) => {
      const n = s.lengthsByType.get(t) ?? [];
      return n.length ? `${n[0]} / ${median(n)} / ${n[n.length - 1]} (${n.length})` : '–';
    });
    const d = s.demonstratorSteps;
    lines.push(`| ${s.preset} | ${byType.join(' | ')} | ${d[0]} / ${median(d)} / ${mean(d).toFixed(1)} / ${d[d.length - 1]} |`);
  }
  const histogram = (n: readonly number[]) => {
    const counts = new Map<number, number>();
    for (const length of n) counts.set(length, (counts.get(length) ?? 0) + 1);
    return [...counts].map(([length, count]) => `${length}: ${count}`).join(', ');
  };
  lines.push('', 'Optimal plan lengths (length: worlds):', '');
  for (const s of all) lines.push(`- ${s.preset}: ${histogram(s.lengths)}`);
  return lines.join('\n');
}
