import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_TRAIN_CONFIG } from '../../train/config';
import { readCheckpointFile } from './checkpointFile';
import { metricsJsonLines } from './metricsExport';
import { readRunFile } from './recordingMode';

const recording = readFileSync(new URL('../../../public/recordings/webshop.json', import.meta.url), 'utf8');
const jsonLines = metricsJsonLines([{ config: DEFAULT_TRAIN_CONFIG, history: [{ 'iteration': 1, 'env/success_rate': 0.5 }, { 'iteration': 2, 'env/success_rate': 0.75 }] }]);

describe('importing a recorded run', () => {
  it('reads a recording file and the exported metrics JSON lines', () => {
    expect(readRunFile(recording, 'webshop.json').lanes).toHaveLength(2);
    const run = readRunFile(jsonLines, 'run.jsonl');
    expect(run.lanes).toHaveLength(1);
    expect(run.lanes[0].history.map((m) => m.iteration)).toEqual([1, 2]);
    expect(run.lanes[0].config).toMatchObject({ env: 'alfworld', empg: 'full' });
  });

  it('names the file and the problem when it is neither', () => {
    expect(() => readRunFile('{"nope":1}', 'nope.json')).toThrow(/nope\.json is neither a recording .* line 1 has no "iteration"/);
    expect(() => readRunFile(recording.slice(0, 400), 'cut.json')).toThrow(/cut\.json looks like a recording but is not valid JSON, it seems cut short/);
    expect(() => readRunFile(jsonLines.slice(0, -12), 'cut.jsonl')).toThrow(/line 2 is not JSON \(the file seems cut short\)/);
    expect(() => readRunFile('[1,2]', 'list.json')).toThrow(/line 1 is not a JSON object/);
    expect(() => readRunFile('  \n', 'blank.json')).toThrow(/blank\.json is empty/);
    expect(() => readRunFile('{"format":"empg-playground-recording","version":1}', 'partial.json')).toThrow(/partial\.json is not a usable recorded run: .*command/);
  });
});

describe('importing a checkpoint', () => {
  it('rejects what is not a checkpoint before anything changes, naming the problem', () => {
    expect(() => readCheckpointFile('{"nope":1}', 'nope.json')).toThrow(/nope\.json is not an EMPG Playground checkpoint: it has no "format": "empg-playground-checkpoint"/);
    expect(() => readCheckpointFile('{"format":"empg-playground-che', 'cut.json')).toThrow(/cut\.json is not valid JSON, it seems cut short/);
    expect(() => readCheckpointFile('', 'empty.json')).toThrow(/empty\.json is empty/);
    expect(() => readCheckpointFile('{"format":"empg-playground-checkpoint","version":1}', 'thin.json')).toThrow(/thin\.json is not a usable checkpoint: env: .*more\)/);
  });

  it('accepts a shipped checkpoint', () => {
    const text = readFileSync(new URL('../../../public/checkpoints/webshop-base.json', import.meta.url), 'utf8');
    expect(readCheckpointFile(text, 'webshop-base.json')).toMatchObject({ format: 'empg-playground-checkpoint', env: 'webshop' });
  });
});
