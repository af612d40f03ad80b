/**
 * The central chart's points (and deciles) of every lane, computed once per change for all the charts
 * that show them (the column and its enlarged view), and the axis extent they share: lanes compared side
 * by side are drawn on the same axes, so a taller cloud means bigger updates, not a different scale.
 */
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useDeferredRun, type RunView } from '../deferredRun';
import { useCentralView } from './centralView';
import { niceAxis, pointsExtent, unionExtent, type AxisExtent } from './scatterScene';
import { buildUpdatePoints, entropyBins, MAX_CHART_POINTS, type EntropyBin, type UpdatePoint } from './updatePoints';

/** Every lane's points (index = lane) and the extent covering all of them. */
export interface LanePoints {
  points: UpdatePoint[][];
  extent: AxisExtent;
  /** Every lane's entropy deciles, when the deciles view is on (else empty lists). */
  bins: EntropyBin[][];
  /** The top of the deciles' shared y-axis (a round number above every lane's tallest bar). */
  binTop: number;
}

/** The points of every lane under the current view settings. */
export function useLanePoints(): LanePoints {
  // The deferred run: the charts re-render in the background (interruptible), never blocking the page.
  // The same list while every lane's kept iterations are the same (a status message changes nothing here).
  const recents = useDeferredRun(useShallow((s: RunView) => s.lanes.map((l) => l.recent)));
  const { magnitude, space, window, kind } = useCentralView();
  const limit = magnitude === 'both' ? MAX_CHART_POINTS / 2 : MAX_CHART_POINTS;
  return useMemo(() => {
    const points = recents.map((recent, lane) => buildUpdatePoints(recent ?? [], lane, window, space, limit));
    const bins = points.map((p) => (kind === 'binned' ? entropyBins(p) : []));
    const tallest = Math.max(0, ...bins.flat().map((b) => Math.max(b.plain, b.empg)));
    return { points, extent: unionExtent(points.map((p) => pointsExtent(p, magnitude))), bins, binTop: niceAxis(tallest).max };
  }, [recents, window, space, limit, magnitude, kind]);
}
