/**
 * Which shipped base checkpoint (`public/checkpoints/`) a run of an environment and preset starts from.
 * Every environment has `<env>-base.json`, trained on its tiny preset; a preset whose regime needs its own
 * warm start (ALFWorld-lite `long`: 50 steps, a longer context) has `<env>-<preset>-base.json`.
 */

/** Presets with a base checkpoint of their own, by environment. */
const OWN_BASE: Readonly<Record<string, readonly string[]>> = { alfworld: ['long'] };

/** The file name of the base checkpoint for an environment and preset, e.g. `alfworld-long-base.json`. */
export function baseCheckpointFile(env: string, preset = 'tiny'): string {
  return OWN_BASE[env]?.includes(preset) ? `${env}-${preset}-base.json` : `${env}-base.json`;
}
