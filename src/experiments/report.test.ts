import { describe, expect, it } from 'vitest';
import { gridOf, PROFILES, runId, type RunSpec } from './grid';
import { buildReport, cellKey, curveBand } from './report';
import { SUMMARY_FORMAT, type RunSummary } from './summary';

const profile = { ...PROFILES.quick, iterations: 3 };

function summary(algo: string, seed: number, successes: number, regime = 'webshop'): RunSummary {
  const spec: RunSpec = { id: '', regime, algo, k: 1, zeta: 0.1, stepEntropy: 'all', seed, iterations: 3, evalEpisodes: 100, part: 'main' };
  spec.id = runId(spec);
  const counts = (n: number) => ({ episodes: 100, successes: n, meanScore: n / 100, byTaskType: {} });
  return {
    format: SUMMARY_FORMAT, version: 1, spec, config: {}, backend: 'cpu', minutes: 1,
    base: { greedy: counts(30), t1: counts(20) }, final: { greedy: counts(successes), t1: counts(successes) },
    curve: { 'env/success_rate': [0.2, 0.3, seed / 10], 'policy/approx_kl': [0.001, null, 0.002] },
  };
}

describe('buildReport', () => {
  const runs = [
    ...[1, 2, 3, 4].map((s) => summary('grpo', s, 40 + s)),
    ...[1, 2, 3, 4].map((s) => summary('grpo+empg', s, 30 + s)),
    summary('dapo', 1, 50),
  ];
  const report = buildReport(runs, profile, gridOf(profile), 'Hand-written discussion.');

  it('tabulates means with intervals and changes vs base', () => {
    // grpo: 41–44 → mean 42.5, sd 1.29, half-width 3.182 · 1.29 / 2 = 2.05; change vs base 20 → +22.5.
    expect(report.markdown).toContain('| grpo | 4 | 42.5 ± 2.1 | +22.5 ± 2.1 |');
    expect(report.markdown).toContain('| dapo | 1 | 50.0 (1 seed) | +30.0 |');
  });

  it('gives EMPG − base a bootstrap interval that excludes 0 for clearly separated arms', () => {
    const row = report.markdown.split('\n').find((l) => l.startsWith('| webshop | grpo+empg − grpo |'))!;
    expect(row).toMatch(/\| 4 vs 4 \| −10\.0 \| −1\d\.\d to −\d\.\d \|/);
  });

  it('says which cells have too few seeds, and says nothing for cells without runs', () => {
    expect(report.markdown).toMatch(/\*\*Too few seeds so far\*\*/);
    expect(report.markdown).toContain('| webshop | dapo | 1 of 8 |');
    expect(report.markdown).toContain('No finished runs yet.');
    expect(report.markdown).toContain('Hand-written discussion.');
  });

  it('draws curves as SVG with the runs\' values', () => {
    expect(Object.keys(report.figures)).toContain('webshop-success.svg');
    expect(report.figures['webshop-success.svg']).toMatch(/^<svg[\s\S]*grpo\+empg \(4\)[\s\S]*<\/svg>\n$/);
    expect(cellKey({ id: 'webshop/grpo/k1-z0.1/s12' })).toBe('webshop/grpo/k1-z0.1');
  });

  it('smooths each seed, then averages across seeds with a ± sd band', () => {
    const band = curveBand(runs.filter((r) => r.spec.algo === 'grpo'), 'env/success_rate', 2);
    expect(band.mean[0]).toBeCloseTo(0.2, 12);
    // Last point per seed: (0.3 + s/10) / 2 → 0.2, 0.25, 0.3, 0.35; mean 0.275.
    expect(band.mean[2]).toBeCloseTo(0.275, 12);
    expect(band.high[2]! - band.low[2]!).toBeGreaterThan(0);
    expect(curveBand(runs.filter((r) => r.spec.algo === 'grpo'), 'policy/approx_kl', 1).mean[1]).toBeNull();
  });
});
