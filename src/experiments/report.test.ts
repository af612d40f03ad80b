import { describe, expect, it } from 'vitest';
import { gridOf, PROFILES, runId, type RunSpec } from './grid';
import { experimentsBundle, experimentsBundleSchema } from './bundle';
import { ENTROPY_CHANGE_FORMAT, ENTROPY_LEVELS, type EntropyChange } from './entropyChange';
import { buildReport, cellKey, curveBand, trainingSettings } from './report';
import { SUMMARY_FORMAT, type RunSummary } from './summary';

const profile = { ...PROFILES.quick, iterations: 3 };

function summary(algo: string, seed: number, successes: number, regime = 'webshop'): RunSummary {
  const spec: RunSpec = { id: '', regime, algo, k: 1, zeta: 0.1, stepEntropy: 'all', seed, iterations: 3, evalEpisodes: 100, part: 'main' };
  spec.id = runId(spec);
  const counts = (n: number) => ({ episodes: 100, successes: n, meanScore: n / 100, byTaskType: {} });
  return {
    format: SUMMARY_FORMAT, version: 1, spec, config: {}, backend: 'cpu', minutes: 1,
    base: { greedy: counts(30), t1: counts(20) }, final: { greedy: counts(successes), t1: counts(successes) },
    curve: { 'env/success_rate': [0.2, 0.3, seed / 10], 'policy/approx_kl': [0.001, null, 0.002], 'premise/auc': [0.5, 0.6, 0.7],
      // Two early iterations, then the last ten (what "step entropy at the end" averages).
      'entropy/step_mean': [1, 1, ...Array<number>(10).fill(0.2 + seed / 100)] },
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

  it('reports the step entropy of the last ten iterations, across seeds', () => {
    // grpo seeds 1–4 end at 0.21–0.24 → 0.225, sd 0.0129, half-width 3.182 · 0.0129 / 2 = 0.021.
    const row = report.markdown.split('\n').find((l) => l.startsWith('| grpo | 4 |'))!;
    expect(row).toContain('| 0.225 ± 0.021 |');
    expect(report.markdown.split('\n').find((l) => l.startsWith('| dapo | 1 |'))).toContain('| 0.210 |');
  });

  it('lists every k/ζ setting of the long regime with its step entropy at the end, and leaves unrun ones empty', () => {
    const long = [1, 2].map((s) => summary('grpo+empg', s, 10, 'alfworld-long'));
    long[1].spec = { ...long[1].spec, k: 2, part: 'sensitivity' };
    long[1].spec.id = runId(long[1].spec);
    const text = buildReport(long, profile, gridOf(profile), '').markdown;
    const table = text.slice(text.indexOf('## k/ζ sensitivity'), text.indexOf('## Learning curves'));
    expect(table).toContain('| 1 | 0.1 | 1 | 10.0 (1 seed) | −10.0 | 0.210 |');
    expect(table).toContain('| 2 | 0.1 | 1 | 10.0 (1 seed) | −10.0 | 0.220 |');
    expect(table).toContain('| 0.5 | 0.1 | 0 | – | – | – |');
  });

  it('tests each knob for a trend over all its runs, and fills the discussion\'s trend placeholders', () => {
    // k = 0.5, 1, 2 (log2 −1, 0, 1), two seeds each, success 30, 20, 10 % plus ±1 noise: −10 points per doubling.
    const specs = [[0.5, 31], [0.5, 29], [1, 21], [1, 19], [2, 11], [2, 9]] as const;
    const long = specs.map(([k, successes], i) => {
      const run = summary('grpo+empg', i + 1, successes, 'alfworld-long');
      run.spec = { ...run.spec, k, part: k === 1 ? 'main' : 'sensitivity' };
      run.spec.id = runId(run.spec);
      return run;
    });
    const report = buildReport(long, profile, gridOf(profile), 'k: {{trend k success}}');
    const table = report.markdown.slice(report.markdown.indexOf('## k/ζ sensitivity'), report.markdown.indexOf('## Learning curves'));
    // slope −10, residuals ±1: se = sqrt((6 · 1 / 4) / 4) = 0.612; t(4) 2.776 → ±1.7.
    expect(table).toContain('| k (ζ = 0.1) | −10.0 points per doubling of k (95 % −11.7 to −8.3, p < 0.001, 6 runs) |');
    // No ζ row: every run has ζ = 0.1.
    expect(table).not.toContain('| ζ (k = 1) |');
    expect(report.markdown).toContain('k: −10.0 points per doubling of k');
    // The page gets the same words, and reads bundles written before trends existed.
    const bundle = experimentsBundle(long, 'quick', 8);
    expect(bundle.trends).toEqual([expect.objectContaining({ regime: 'alfworld-long', title: 'k (ζ = 0.1)', success: expect.stringMatching(/^−10\.0 points per doubling of k \(95 % −11\.7 to −8\.3/) })]);
    const { trends: _, ...older } = bundle;
    expect(experimentsBundleSchema.parse(older).trends).toEqual([]);
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

  it('says with which learning rate and B × G each regime\'s runs were trained', () => {
    expect(report.markdown).toContain('Trained with settings not recorded (as the run summaries record).');
    const config = (lr: number) => ({ config: { lr, tasksPerIteration: 8, groupSize: 8 } });
    expect(trainingSettings([config(1e-3), config(1e-3)])).toBe('lr 0.001, B × G = 8 × 8');
    expect(trainingSettings([config(3e-3), config(1e-3)])).toBe('lr 0.003, B × G = 8 × 8; lr 0.001, B × G = 8 × 8');
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

describe('buildReport as cells gain seeds', () => {
  const runs = [...[1, 2, 3, 4].map((s) => summary('grpo', s, 40 + s)), ...[1, 2, 3, 4].map((s) => summary('grpo+empg', s, 30 + s))];
  const section = (markdown: string, title: string) => markdown.split(`## ${title}`)[1]?.split('\n## ')[0] ?? '';

  it('says nothing is known with one seed per arm, and uses the measured spread from two seeds on', () => {
    const one = buildReport([summary('grpo', 1, 40), summary('grpo+empg', 1, 45)], profile, gridOf(profile)).markdown;
    expect(section(one, 'When EMPG helps here')).toMatch(/No pair has 2 seeds per arm yet/);
    expect(section(one, 'When EMPG helps here')).toContain('| webshop | grpo | 1 vs 1 | +5.0 | – | – | too few seeds | – |');
    expect(section(one, 'Power')).toMatch(/No cell has two seeds yet/);
    for (let seeds = 2; seeds <= 8; seeds++) {
      const runs = Array.from({ length: seeds }, (_, i) => [summary('grpo', i + 1, 40 + (i % 3)), summary('grpo+empg', i + 1, 41 + (i % 3))]).flat();
      const md = buildReport(runs, profile, gridOf(profile)).markdown;
      expect(section(md, 'Power')).toMatch(/Measured, not assumed: across the 2 cells with at least 2 seeds/);
      expect(md).toContain(`Seeds per finished cell: ${seeds} to ${seeds}.`);
      expect(section(md, 'When EMPG helps here')).toMatch(new RegExp(`\\| webshop \\| grpo \\| ${seeds} vs ${seeds} \\| \\+1\\.0 \\|`));
      expect(section(md, 'When EMPG helps here')).toMatch(/In 1 of 1 regime × algorithm pairs with at least 2 seeds per arm/);
    }
  });

  it('names the runs left out because their regime\'s training settings changed', () => {
    const md = buildReport(runs, profile, gridOf(profile), '', [], ['deepsearch/grpo/k1-z0.1/s1: lr 0.003 (the grid asks 0.001)']).markdown;
    expect(section(md, 'Coverage')).toContain('**1 finished run was trained with settings the grid no longer uses** and is not counted');
    expect(section(md, 'Coverage')).toContain('- deepsearch/grpo/k1-z0.1/s1: lr 0.003 (the grid asks 0.001)');
    expect(section(buildReport(runs, profile, gridOf(profile)).markdown, 'Coverage')).not.toContain('no longer uses');
  });

  it('calls a loss only when both intervals exclude 0, and no difference when they do not', () => {
    const clear = buildReport(runs, profile, gridOf(profile)).markdown;
    expect(section(clear, 'When EMPG helps here')).toMatch(/It hurts in WebShop-lite with GRPO, −10\.0 points \(95 % interval −1\d\.\d to −\d\.\d, 4 vs 4 seeds\)/);
    expect(section(clear, 'When EMPG helps here')).toMatch(/EMPG helps in none\./);
    const noisy = [1, 2, 3].flatMap((s) => [summary('grpo', s, [30, 50, 40][s - 1]), summary('grpo+empg', s, [35, 45, 44][s - 1])]);
    const md = buildReport(noisy, profile, gridOf(profile)).markdown;
    expect(section(md, 'When EMPG helps here')).toMatch(/\| webshop \| grpo \| 3 vs 3 \| \+1\.3 \| .* \| no detectable difference \| ±\d+\.\d \|/);
    expect(section(md, 'When EMPG helps here')).toMatch(/No difference is detectable in WebShop-lite with GRPO/);
  });

  it('ships the same comparisons to the page, and reads bundles written before they existed', () => {
    const bundle = experimentsBundle(runs, 'quick', 8);
    expect(bundle.comparisons).toEqual([expect.objectContaining({ regime: 'webshop', kind: 'empg', label: 'grpo+empg − grpo', reading: 'loss' })]);
    expect(bundle.comparisons[0].text).toMatch(/^−10\.0 points \(95 % interval −1\d\.\d to −\d\.\d, 4 vs 4 seeds\)$/);
    const { comparisons: _, ...older } = bundle;
    expect(experimentsBundleSchema.parse(older).comparisons).toEqual([]);
  });

  it('fills the discussion\'s placeholders from the tables and flags numbers the tables do not hold', () => {
    const text = 'GRPO reached {{success webshop grpo}} ({{ seeds webshop grpo }} seeds); EMPG: {{diff webshop grpo+empg - grpo}}.'
      + ' Earlier it was 12.34 points. {{success webshop nothing}}';
    const report = buildReport(runs, profile, gridOf(profile), text);
    const discussion = section(report.markdown, 'Discussion');
    expect(discussion).toContain('GRPO reached 42.5 ± 2.1 (4 seeds); EMPG: −10.0 points (95 % interval');
    expect(discussion).toContain('[no value: success webshop nothing]');
    expect(discussion).toMatch(/\*\*Check against the tables:\*\* the discussion below quotes 1 number that the generated part above does not contain \(12\.34\)/);
    expect(report.discussionProblems).toEqual({ unknown: ['success webshop nothing'], untraced: ['12.34'] });
    const clean = buildReport(runs, profile, gridOf(profile), 'GRPO: {{success webshop grpo}}.');
    expect(clean.markdown).not.toContain('Check against the tables');
  });

  it('adds the Fig. 3 analogue from entropy-change files, with intervals once an algorithm has 2 seeds', () => {
    const bins = 4;
    const base = { count: [5, 5, 5, 5], meanH0: [0, 0.1, 0.5, 1], minH0: [0, 0.05, 0.3, 0.8], maxH0: [0, 0.2, 0.7, 1.4] };
    const run = (algo: string, seed: number, scale: number) => ({
      algo, seed, minutes: 1, finalTrainSuccess: 0.5,
      levels: Object.fromEntries(ENTROPY_LEVELS.map((l) => [l, {
        delta: [0, -0.01, -0.02, -0.1].map((v) => v * scale), absDelta: [l.startsWith('token') ? 0 : 0.02, 0.03, 0.05, 0.1].map((v) => v * scale),
      }])) as EntropyChange['runs'][number]['levels'],
    });
    const data: EntropyChange = {
      format: ENTROPY_CHANGE_FORMAT, version: 1, regime: 'webshop', checkpoint: 'c.json', backend: 'cpu', iterations: 5, episodes: 8,
      successes: 3, steps: 20, tokens: 80, choiceTokens: 20, bins,
      base: Object.fromEntries(ENTROPY_LEVELS.map((l) => [l, base])) as EntropyChange['base'],
      runs: [run('grpo', 1, 1), run('grpo', 2, 2), run('grpo+empg', 1, 1)],
    };
    const report = buildReport(runs, profile, gridOf(profile), '', [data]);
    const fig3 = section(report.markdown, 'Fig. 3 analogue');
    expect(fig3).toContain('grpo 2 seeds, grpo+empg 1 seed');
    // grpo step level: bin 1 |ΔH| 0.02 and 0.04 → 0.030 ± 12.706 · 0.01414 / √2 = 0.127.
    expect(fig3).toContain('| step (all tokens, the paper) | grpo | 2 | 0.000–0.000 | 0.030 ± 0.127 |');
    expect(fig3).toContain('| token (all) | grpo+empg | 1 | 0.000–0.000 | 0.000 |');
    expect(fig3).toMatch(/\*\*grpo\*\*: the lowest-entropy tenth of steps changes by 0\.030 nats on average, 20 % of the change of the highest tenth \(0\.150\)/);
    expect(fig3).toMatch(/1 of the 4 token bins hold only tokens of initial entropy 0/);
    expect(report.figures['fig3-webshop-abs.svg']).toMatch(/<polygon/);
    expect(report.figures['fig3-webshop-signed.svg']).toContain('grpo+empg step (1)');
    expect(section(buildReport(runs, profile, gridOf(profile)).markdown, 'Fig. 3 analogue')).toMatch(/No `entropy-change` results are committed yet/);
  });
});
