/**
 * The run settings of the recordings shipped in `public/recordings/<env>.json`, as they differ from the
 * link's defaults. They are known before the recording itself arrives (half a megabyte, seconds on a
 * slow connection), so a link that names no run setting is painted with the recording's settings and
 * lanes from its first frame, and nothing moves when the recording lands. recordedRuns.test.ts checks
 * them against the files.
 */
import type { HashState } from '../../store/urlState';
import { linkSetsRun } from './recordingSettings';

/** Each shipped recording's run settings that differ from the defaults, by environment. */
export const RECORDED_RUN_SETTINGS: Readonly<Partial<Record<HashState['env'], Partial<HashState>>>> = {
  alfworld: { compare: true, algo: 'grpo', algo2: 'grpo+empg', B: 4 },
  webshop: { compare: true, algo: 'grpo', algo2: 'grpo+empg', B: 4 },
  deepsearch: { compare: true, algo: 'grpo', algo2: 'grpo+empg', B: 4 },
};

/**
 * The settings the page opens with: the link's (`linked`, with the keys it set in `given`) and, where it
 * names no run setting, the shipped recording's of its environment.
 */
export function openingSettings(linked: HashState, given: readonly (keyof HashState)[]): HashState {
  const recorded = linkSetsRun(given) ? undefined : RECORDED_RUN_SETTINGS[linked.env];
  return recorded ? { ...linked, ...recorded } : linked;
}
