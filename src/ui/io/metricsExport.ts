/**
 * Metrics as files: JSON lines in exactly the format of `npm run cli -- train --out` (one object per
 * iteration: algo, env, preset, seed, then the metrics), and CSV with one row per lane and iteration.
 */
import type { TrainConfig } from '../../train/config';
import { algorithmLabel } from '../../train/config';
import type { Metrics } from '../../train/trainer';

/** What an export needs of a lane. */
export interface ExportLane {
  config: TrainConfig;
  history: readonly Metrics[];
}

/** One JSON line per lane and iteration, as the CLI writes them. */
export function metricsJsonLines(lanes: readonly ExportLane[]): string {
  const lines = lanes.flatMap(({ config, history }) => history.map((metrics) =>
    JSON.stringify({ algo: algorithmLabel(config), env: config.env, preset: config.preset, seed: config.seed, ...metrics })));
  return lines.length ? `${lines.join('\n')}\n` : '';
}

function csvCell(value: string | number | undefined): string {
  if (value === undefined) return '';
  const text = String(value);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CSV: lane, algo, env, preset, seed, then every metric any iteration has (sorted), one row per iteration. */
export function metricsCsv(lanes: readonly ExportLane[]): string {
  const names = [...new Set(lanes.flatMap((l) => l.history.flatMap((m) => Object.keys(m))))]
    .filter((name) => name !== 'iteration').sort();
  const header = ['lane', 'algo', 'env', 'preset', 'seed', 'iteration', ...names];
  const rows = lanes.flatMap(({ config, history }, lane) => history.map((m, i) =>
    [lane + 1, algorithmLabel(config), config.env, config.preset, config.seed, m.iteration ?? i + 1, ...names.map((n) => m[n])].map(csvCell).join(',')));
  return `${[header.join(','), ...rows].join('\n')}\n`;
}
