/**
 * The Experiments view's data: loading the committed results bundle, and turning its cells and the
 * user's own run into chart rows (one row per iteration, one column per line).
 */
import { experimentsBundleSchema, type BundleCell, type ExperimentsBundle } from '../../experiments/bundle';
import type { Metrics } from '../../train/trainer';

/** The result of loading a bundle: the bundle, or a sentence saying why there is none. */
export type BundleLoad = { ok: true; bundle: ExperimentsBundle } | { ok: false; reason: string };

/** Fetches and validates `results/<profile>.json` next to the page. */
export async function loadBundle(profile: string, base: string): Promise<BundleLoad> {
  let response: Response;
  try {
    response = await fetch(new URL(`results/${profile}.json`, base));
  } catch (error) {
    return { ok: false, reason: `the results could not be fetched (${error instanceof Error ? error.message : String(error)})` };
  }
  if (!response.ok) return { ok: false, reason: `no committed results yet (results/${profile}.json: HTTP ${response.status})` };
  const parsed = experimentsBundleSchema.safeParse(await response.json().catch(() => null));
  if (!parsed.success) return { ok: false, reason: `results/${profile}.json is malformed (${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message})` };
  return { ok: true, bundle: parsed.data };
}

/** One row of a chart: the iteration and a value per line key (undefined = no value). */
export type ChartRow = { iteration: number } & Record<string, number | undefined>;

/** Rows of `metric` for the given cells (keyed by cell key) and the user's run (key `yours`), iteration 1…n. */
export function chartRowsOf(cells: readonly BundleCell[], yours: readonly Metrics[] | null, metric: string): ChartRow[] {
  const n = Math.max(0, ...cells.map((c) => c.curves[metric]?.length ?? 0), yours?.length ?? 0);
  return Array.from({ length: n }, (_, i) => {
    const row: ChartRow = { iteration: i + 1 };
    for (const c of cells) {
      const v = c.curves[metric]?.[i];
      if (typeof v === 'number') row[c.key] = v;
    }
    const own = yours?.[i]?.[metric];
    if (typeof own === 'number' && Number.isFinite(own)) row.yours = own;
    return row;
  });
}
