/**
 * Whether a recording shows what the controls say: the page shows a recorded run only when its lanes
 * were trained with exactly the settings of the link (algorithms, compare mode, environment, preset,
 * seed, hyper-parameters), so the first screen never tells another run's story. A link that names no
 * run setting opens the recording's own settings; the recording can also describe itself in words.
 */
import type { Recording } from '../../store/recording';
import { ALGORITHM_TITLES, algorithmOf, type AlgorithmChoice, type HashState } from '../../store/urlState';
import { trainConfigSchema, type TrainConfig } from '../../train/config';

/** The hash keys that define the run (the others only change the view). */
export const RUN_KEYS = [
  'env', 'preset', 'seed', 'algo', 'algo2', 'compare', 'k', 'kF', 'zeta', 'lr', 'G', 'B', 'temperature', 'decoding', 'steps', 'init', 'model',
] as const satisfies readonly (keyof HashState)[];

function configOf(recording: Recording, lane: number): TrainConfig | null {
  const parsed = trainConfigSchema.safeParse(recording.lanes[lane]?.config);
  return parsed.success ? parsed.data : null;
}

/**
 * The settings a recording was made with, on top of `base` (which keeps its view keys); null when a
 * lane's configuration is unreadable or the lanes differ in more than their algorithm.
 */
export function settingsOfRecording(recording: Recording, base: HashState): HashState | null {
  return settingsOfConfigs(recording.lanes.map((_, lane) => configOf(recording, lane)), base);
}

/**
 * The settings of lanes trained with these configurations, on top of `base` (which keeps its view keys);
 * null when one is missing or the lanes differ in more than their algorithm.
 */
export function settingsOfConfigs(configs: readonly (TrainConfig | null)[], base: HashState): HashState | null {
  const [first, second] = configs;
  if (!first || configs.some((c) => c === null)) return null;
  const preset = first.preset as HashState['preset'];
  const settings: HashState = {
    ...base,
    env: first.env, preset, seed: first.seed, k: first.k, kF: first.kF, zeta: first.zeta, lr: first.lr,
    G: first.groupSize, B: first.tasksPerIteration, temperature: first.temperature, decoding: first.decoding,
    steps: first.maxSteps, init: 'base', model: first.modelSize,
    compare: second !== undefined && second !== null,
    algo: algorithmOf(first),
    algo2: second ? algorithmOf(second) : base.algo2,
  };
  if (second) {
    const sameButAlgorithm = (c: TrainConfig) => ({ ...c, algorithm: '', empg: '', bonusOnlyInSignalGroups: false });
    if (JSON.stringify(sameButAlgorithm(first)) !== JSON.stringify(sameButAlgorithm(second))) return null;
  }
  return settings;
}

/** Whether a recording was trained with exactly the run settings in `settings`. */
export function recordingAgrees(recording: Recording, settings: HashState): boolean {
  const recorded = settingsOfRecording(recording, settings);
  if (!recorded) return false;
  return RUN_KEYS.every((key) => (key === 'algo2' && !settings.compare) || recorded[key] === settings[key]);
}

/** Whether a link sets any run setting besides the environment (otherwise it may open a recording's). */
export function linkSetsRun(given: readonly (keyof HashState)[]): boolean {
  return given.some((key) => key !== 'env' && (RUN_KEYS as readonly string[]).includes(key));
}

const ENV_TITLES: Record<string, string> = { alfworld: 'ALFWorld-lite', webshop: 'WebShop-lite', deepsearch: 'Deep Search-lite' };

/** The lanes' algorithms ("GRPO vs GRPO + EMPG") and shared settings in words. */
export function describeConfigs(configs: readonly TrainConfig[]): string {
  const [config] = configs;
  if (!config) return '';
  return [
    configs.map((c) => ALGORITHM_TITLES[algorithmOf(c) as AlgorithmChoice]).join(' vs '),
    `${ENV_TITLES[config.env] ?? config.env} (${config.preset}), seed ${config.seed}`,
    `B = ${config.tasksPerIteration} tasks × G = ${config.groupSize} rollouts, lr ${config.lr}, ζ = ${config.zeta}`
      + (config.maxSteps ? `, ≤ ${config.maxSteps} steps` : '')
      + (config.modelSize !== 'tiny' ? `, ${config.modelSize} model` : ''),
  ].join(' · ');
}

/** What a recording is, in words: its lanes, the settings they were trained with, its length and backend. */
export function describeRecording(recording: Recording): string {
  const configs = recording.lanes.map((_, lane) => configOf(recording, lane));
  const iterations = recording.lanes[0]?.history.length ?? 0;
  const settings = configs.every((c) => c !== null)
    ? describeConfigs(configs as TrainConfig[])
    : recording.lanes.map((lane) => lane.label).join(' vs ');
  return `${settings} · ${iterations} iterations on ${recording.backend}`;
}
