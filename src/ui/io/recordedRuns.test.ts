import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseRecording } from '../../store/recording';
import { defaultHashState, parseHash, type HashState } from '../../store/urlState';
import { openingSettings, RECORDED_RUN_SETTINGS } from './recordedRuns';
import { recordingAgrees, settingsOfRecording } from './recordingSettings';

const folder = new URL('../../../public/recordings/', import.meta.url);
const shipped = readdirSync(folder).filter((name) => /^[a-z]+\.json$/.test(name)).map((name) => name.replace('.json', '') as HashState['env']);

describe('the shipped recordings\' settings, known before they are fetched', () => {
  it('name every shipped recording, and only those', () => {
    expect(shipped.length).toBeGreaterThan(0);
    expect(Object.keys(RECORDED_RUN_SETTINGS).sort()).toEqual([...shipped].sort());
  });

  it.each(shipped)('are the settings %s.json was recorded with', (env) => {
    const parsed = parseRecording(JSON.parse(readFileSync(new URL(`${env}.json`, folder), 'utf8')));
    if (!parsed.ok) throw new Error(parsed.errors.join('; '));
    const base = { ...defaultHashState, env };
    expect({ ...base, ...RECORDED_RUN_SETTINGS[env] }).toEqual(settingsOfRecording(parsed.recording, base));
    expect(recordingAgrees(parsed.recording, openingSettings(base, ['env']))).toBe(true);
  });
});

describe('the settings the page opens with', () => {
  const open = (hash: string) => {
    const { state, given } = parseHash(hash);
    return openingSettings(state, given);
  };

  it('are the recording\'s for a link that names no run setting, with the link\'s view keys', () => {
    expect(open('#present=1&env=webshop')).toMatchObject({ present: true, env: 'webshop', compare: true, algo: 'grpo', algo2: 'grpo+empg', B: 4 });
    expect(open('')).toMatchObject({ compare: true, algo: 'grpo' });
  });

  it('are the link\'s own when it names a run setting', () => {
    expect(open('#B=2&G=2')).toMatchObject({ B: 2, G: 2, compare: false, algo: defaultHashState.algo });
    expect(open('#compare=0')).toMatchObject({ compare: false });
    // The recordings are of the tiny model: a link to the small one opens its own live run.
    expect(open('#model=small')).toMatchObject({ model: 'small', compare: false, algo: defaultHashState.algo });
  });

  it.each(shipped)('say that %s.json does not show the small model', (env) => {
    const parsed = parseRecording(JSON.parse(readFileSync(new URL(`${env}.json`, folder), 'utf8')));
    if (!parsed.ok) throw new Error(parsed.errors.join('; '));
    const settings = openingSettings({ ...defaultHashState, env }, ['env']);
    expect(recordingAgrees(parsed.recording, settings)).toBe(true);
    expect(recordingAgrees(parsed.recording, { ...settings, model: 'small' })).toBe(false);
  });
});
