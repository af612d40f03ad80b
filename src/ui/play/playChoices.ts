/**
 * What the play panel offers before the environments are loaded: the environment names and the presets
 * of each (playModel.test.ts checks them against the environments).
 */

/** The environments, as the panel names them. */
export type PlayEnvName = 'alfworld' | 'webshop' | 'deepsearch';

/** Display names of the environments, in menu order. */
export const ENV_OPTIONS: ReadonlyArray<{ value: PlayEnvName; label: string }> = [
  { value: 'alfworld', label: 'ALFWorld-lite' },
  { value: 'webshop', label: 'WebShop-lite' },
  { value: 'deepsearch', label: 'Deep Search-lite' },
];

/** The presets every environment has, easiest first. */
export const PRESETS: readonly string[] = ['tiny', 'small', 'standard'];

/** The presets of one environment, easiest first: the shared ones, and ALFWorld-lite's long-horizon `long`. */
export function presetsOf(env: PlayEnvName): readonly string[] {
  return env === 'alfworld' ? [...PRESETS, 'long'] : PRESETS;
}

/** The display name of an environment. */
export function envLabel(env: PlayEnvName): string {
  return ENV_OPTIONS.find((option) => option.value === env)?.label ?? env;
}
