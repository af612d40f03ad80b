import { describe, expect, it } from 'vitest';
import { DEFAULT_TRAIN_CONFIG } from '../../train/config';
import { metricsCsv, metricsJsonLines, type ExportLane } from './metricsExport';

const grpo = { ...DEFAULT_TRAIN_CONFIG, empg: 'off' as const };
const lanes: ExportLane[] = [
  { config: grpo, history: [{ 'iteration': 1, 'env/success_rate': 0.5 }, { 'iteration': 2, 'env/success_rate': 0.75, 'grad/norm': 1.5 }] },
  { config: DEFAULT_TRAIN_CONFIG, history: [{ 'iteration': 1, 'env/success_rate': 0.25 }] },
];

describe('metrics export', () => {
  it('writes the JSON lines of the CLI, one per lane and iteration', () => {
    const lines = metricsJsonLines(lanes).trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(3);
    expect(lines[0]).toEqual({ algo: 'grpo', env: 'alfworld', preset: 'tiny', seed: 1, 'iteration': 1, 'env/success_rate': 0.5 });
    expect(lines[2].algo).toBe('grpo+empg');
    expect(metricsJsonLines([])).toBe('');
  });

  it('writes CSV with a column per metric and empty cells where a metric is missing', () => {
    const [header, first, second, third] = metricsCsv(lanes).trim().split('\n');
    expect(header).toBe('lane,algo,env,preset,seed,iteration,env/success_rate,grad/norm');
    expect(first).toBe('1,grpo,alfworld,tiny,1,1,0.5,');
    expect(second).toBe('1,grpo,alfworld,tiny,1,2,0.75,1.5');
    expect(third).toBe('2,grpo+empg,alfworld,tiny,1,1,0.25,');
  });
});
