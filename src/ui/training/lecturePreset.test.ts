import { describe, expect, it } from 'vitest';
import { defaultHashState, parseHash } from '../../store/urlState';
import { LECTURE_HASH, LECTURE_SETTINGS, lecturePatch } from './lecturePreset';

describe('the lecture starting point', () => {
  it('the documented link and the button give the same settings', () => {
    const parsed = parseHash(`#${LECTURE_HASH}`);
    expect(parsed.problems).toEqual([]);
    expect(parsed.state).toMatchObject(LECTURE_SETTINGS);
    expect(parsed.state.present).toBe(true);
  });

  it('resets the other run settings to their defaults, so it is the same start from any view', () => {
    const patch = lecturePatch();
    expect(patch).toMatchObject({ ...LECTURE_SETTINGS, seed: defaultHashState.seed, zeta: defaultHashState.zeta, steps: undefined, init: 'base' });
  });
});
