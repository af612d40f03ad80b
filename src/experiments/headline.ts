/**
 * The first screen's one line on success at this scale, taken from the committed results bundle
 * (`public/results/<profile>.json`) so that it always says what the measured runs say: how many
 * environment × algorithm pairs have enough seeds to compare EMPG with its base algorithm, and in which
 * of them the difference in held-out success is significant, either way (src/experiments/verdict.ts).
 * `npm run cli -- results` writes it next to the story panel (src/ui/story/resultsHeadline.json).
 */
import type { ExperimentsBundle } from './bundle';
import { holdsAfterCorrection, regimeTitle } from './verdict';

/** One environment × algorithm pair, e.g. `{ environment: 'ALFWorld-lite short', algorithm: 'DAPO' }`. */
export interface HeadlinePair {
  environment: string;
  algorithm: string;
}

/** What the line says, as data (the generated JSON file holds exactly this). */
export interface ResultsHeadline {
  /** The grid profile the runs belong to, e.g. "quick". */
  profile: string;
  /** Training iterations per run in that profile. */
  iterations: number;
  /** EMPG − base pairs with at least 2 seeds per arm. */
  tested: number;
  /** Fewest and most seeds of any arm among the tested pairs (0 when none is tested). */
  seedsLow: number;
  seedsHigh: number;
  /** Pairs where EMPG's gain is significant. */
  gains: HeadlinePair[];
  /** Pairs where EMPG's loss is significant. */
  losses: HeadlinePair[];
  /**
   * Those of `gains` and `losses` whose call does not hold when all `tested` pairs are tested together
   * (Holm's correction, src/experiments/verdict.ts).
   */
  notAfterCorrection: HeadlinePair[];
}

/** Where `npm run cli -- results` writes the headline of the `quick` profile (the page imports it). */
export const HEADLINE_PATH = 'src/ui/story/resultsHeadline.json';

/** The headline of `bundle`, a profile trained for `iterations` iterations per run. */
export function resultsHeadline(bundle: ExperimentsBundle, iterations: number): ResultsHeadline {
  const tested = bundle.comparisons.filter((c) => c.kind === 'empg' && c.reading !== 'too few seeds');
  const seeds = tested.flatMap((c) => c.label.split(' − ').map((label) => bundle.cells.find((cell) => cell.regime === c.regime && cell.label === label)?.seeds ?? 0));
  const name = (c: (typeof tested)[number]): HeadlinePair => ({ environment: regimeTitle(c.regime), algorithm: c.label.split(' − ')[1].toUpperCase() });
  return {
    profile: bundle.profile,
    iterations,
    tested: tested.length,
    seedsLow: seeds.length ? Math.min(...seeds) : 0,
    seedsHigh: seeds.length ? Math.max(...seeds) : 0,
    gains: tested.filter((c) => c.reading === 'gain').map(name),
    losses: tested.filter((c) => c.reading === 'loss').map(name),
    notAfterCorrection: tested.filter((c) => (c.reading === 'gain' || c.reading === 'loss') && !holdsAfterCorrection(c)).map(name),
  };
}

/** The sentence the first screen shows, without its final full stop (the page adds its link to the measured results). */
export function headlineSentence(h: ResultsHeadline): string {
  if (!h.tested) return 'Success at this scale: not measured yet — no environment has enough seeds of EMPG and its base algorithm to compare';
  const seeds = h.seedsLow === h.seedsHigh ? `${h.seedsLow}` : `${h.seedsLow}–${h.seedsHigh}`;
  const setting = `At this scale (${h.iterations} iterations, ${seeds} seeds per arm), `;
  if (!h.gains.length && !h.losses.length) {
    return h.tested === 1
      ? `${setting}EMPG does not change held-out success significantly in the one environment × algorithm pair measured`
      : `${setting}EMPG changes held-out success significantly in none of ${h.tested} environment × algorithm pairs`;
  }
  const others = h.tested - h.gains.length - h.losses.length;
  const rest = others ? `; no significant difference in the other ${others} of ${h.tested} pairs` : '';
  if (!h.gains.length) {
    const none = h.tested === 1 ? 'does not help in the one pair measured' : `helps in none of ${h.tested} pairs`;
    return `${setting}EMPG ${none}; it lowers held-out success in ${pairs(h.losses, h)}`;
  }
  if (!h.losses.length) return `${setting}EMPG raises held-out success in ${pairs(h.gains, h)}${rest}`;
  return `${setting}EMPG raises held-out success in ${pairs(h.gains, h)} and lowers it in ${pairs(h.losses, h)}${rest}`;
}

/**
 * "A with DAPO, B with GRPO and DAPO": the pairs called the same way that still hold after correcting
 * for every pair tested, grouped by environment. A call that does not hold after the correction is left
 * to the measured results the line links to; only when no call holds does the line name them, as such.
 */
function pairs(called: readonly HeadlinePair[], h: ResultsHeadline): string {
  const weak = (p: HeadlinePair) => h.notAfterCorrection.some((w) => w.environment === p.environment && w.algorithm === p.algorithm);
  const strong = called.filter((p) => !weak(p));
  if (!strong.length) return `${byEnvironment(called).join(', ')} before correcting for ${h.tested} tests, in none after`;
  return byEnvironment(strong).join(', ');
}

/** "A with GRPO and DAPO", "B with GRPO": the pairs grouped by environment, in order of first mention. */
function byEnvironment(pairs: readonly HeadlinePair[]): string[] {
  const groups = new Map<string, string[]>();
  for (const { environment, algorithm } of pairs) groups.set(environment, [...(groups.get(environment) ?? []), algorithm]);
  return [...groups].map(([environment, algorithms]) => `${environment} with ${algorithms.join(' and ')}`);
}
