/**
 * How the central chart is shown: which magnitude, which gradient norm, points or entropy deciles, how
 * many kept iterations, and whether the large view is open. A store rather than component state so the
 * guided tour can switch views and every copy of the chart (column, large view, compare lanes) agrees.
 */
import { create } from 'zustand';
import type { NormSpace } from './updatePoints';

/** Plain |A(τ)|·‖∇‖, EMPG |A_final|·‖∇‖, or both linked per step. */
export type MagnitudeMode = 'plain' | 'empg' | 'both';

/** Scatter of steps, or bars of the mean per entropy decile. */
export type ChartKind = 'points' | 'binned';

/** The central chart's view options. */
export interface CentralViewState {
  magnitude: MagnitudeMode;
  space: NormSpace;
  kind: ChartKind;
  /** How many of the kept iterations to draw (1 = the latest only). */
  window: number;
  /** The large view (a dialog) is open. */
  enlarged: boolean;
  set(patch: Partial<Omit<CentralViewState, 'set'>>): void;
}

/** The central chart's view store. */
export const useCentralView = create<CentralViewState>()((set) => ({
  magnitude: 'both',
  space: 'logit',
  kind: 'points',
  window: 1,
  enlarged: false,
  set: (patch) => set(patch),
}));
