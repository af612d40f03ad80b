/**
 * The first screen's one line on success at this scale, taken from the committed results bundle
 * (`public/results/<profile>.json`) so that it always says what the measured runs say: how many
 * environment × algorithm pairs have enough seeds to compare EMPG with its base algorithm, and in which
 * of them the difference in held-out success is significant, either way (src/experiments/verdict.ts).
 * `npm run cli -- results` writes it next to the story panel (src/ui/story/resultsHeadline.json).
 */
import type { ExperimentsBundle } from './bundle';
import { regimeTitle } from './verdict';

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
  /** Pairs where EMPG's gain is significant, e.g. "WebShop-lite with DAPO". */
  gains: string[];
  /** Pairs where EMPG's loss is significant. */
  losses: string[];
}

/** Where `npm run cli -- results` writes the headline of the `quick` profile (the page imports it). */
export const HEADLINE_PATH = 'src/ui/story/resultsHeadline.json';

/** The headline of `bundle`, a profile trained for `iterations` iterations per run. */
export function resultsHeadline(bundle: ExperimentsBundle, iterations: number): ResultsHeadline {
  const tested = bundle.comparisons.filter((c) => c.kind === 'empg' && c.reading !== 'too few seeds');
  const seeds = tested.flatMap((c) => c.label.split(' − ').map((label) => bundle.cells.find((cell) => cell.regime === c.regime && cell.label === label)?.seeds ?? 0));
  const name = (c: (typeof tested)[number]) => `${regimeTitle(c.regime)} with ${c.label.split(' − ')[1].toUpperCase()}`;
  return {
    profile: bundle.profile,
    iterations,
    tested: tested.length,
    seedsLow: seeds.length ? Math.min(...seeds) : 0,
    seedsHigh: seeds.length ? Math.max(...seeds) : 0,
    gains: tested.filter((c) => c.reading === 'gain').map(name),
    losses: tested.filter((c) => c.reading === 'loss').map(name),
  };
}

/** The sentence the first screen shows, without its final full stop (the page adds its link to the measured results). */
export function headlineSentence(h: ResultsHeadline): string {
  if (!h.tested) return 'Success at this scale: not measured yet — no environment has enough seeds of EMPG and its base algorithm to compare';
  const seeds = h.seedsLow === h.seedsHigh ? `${h.seedsLow}` : `${h.seedsLow}–${h.seedsHigh}`;
  const setting = `Success at this scale (${h.iterations} iterations, ${seeds} seeds per arm): `;
  if (!h.gains.length && !h.losses.length) {
    return h.tested === 1
      ? `${setting}EMPG does not change held-out success significantly in the one environment × algorithm pair measured`
      : `${setting}EMPG changes held-out success significantly in none of ${h.tested} environment × algorithm pairs`;
  }
  const others = h.tested - h.gains.length - h.losses.length;
  const parts = [
    h.gains.length ? `higher in ${h.gains.join(', ')}` : '',
    h.losses.length ? `${h.gains.length ? 'significantly ' : ''}lower in ${h.losses.join(', ')}` : '',
    others ? `no significant difference in the other ${others} of ${h.tested} pairs` : '',
  ].filter(Boolean);
  return `${setting}held-out success with EMPG significantly ${parts.join('; ')}`;
}
