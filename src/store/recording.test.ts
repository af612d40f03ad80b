import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseRecordedTrajectories, parseRecording } from './recording';

const read = (name: string) => JSON.parse(readFileSync(new URL(`../../public/recordings/${name}`, import.meta.url), 'utf8'));

describe('parseRecording', () => {
  it('accepts the shipped recordings and their trajectory files', () => {
    for (const env of ['alfworld', 'webshop', 'deepsearch']) {
      expect(parseRecording(read(`${env}.json`)).ok).toBe(true);
      expect(parseRecordedTrajectories(read(`${env}-trajectories.json`))).not.toBeNull();
    }
  });

  it('refuses full trajectories whose steps lack what the inspector reads', () => {
    const recording = read('alfworld.json');
    const full = read('alfworld-trajectories.json').lanes[0].trajectories;
    recording.lanes[0].recent[0].full = full;
    expect(parseRecording(recording).ok).toBe(true);
    recording.lanes[0].recent[0].full = full.map((t: { steps: unknown[] }) => ({ ...t, steps: t.steps.map((_, i) => ({ t: i })) }));
    const parsed = parseRecording(recording);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors[0]).toMatch(/lanes\.0\.recent\.0\.full\.0\.steps\.0\.observation/);
  });

  it('refuses a trajectory file with hollow steps, token ids outside the vocabulary and a bad config', () => {
    const file = read('alfworld-trajectories.json');
    file.lanes[0].trajectories[0].steps[0] = { t: 0 };
    expect(parseRecordedTrajectories(file)).toBeNull();
    const recording = read('alfworld.json');
    recording.lanes[0].recent[0].steps[0].tokens = [1e6];
    expect(parseRecording(recording)).toMatchObject({ ok: false, errors: [expect.stringMatching(/token id 1000000 is outside the vocabulary/)] });
    const badConfig = read('alfworld.json');
    badConfig.lanes[0].config.groupSize = -3;
    expect(parseRecording(badConfig)).toMatchObject({ ok: false, errors: [expect.stringMatching(/lanes\.0\.config\.groupSize/)] });
  });
});
