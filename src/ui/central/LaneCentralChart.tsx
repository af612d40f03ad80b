/** The central chart of one lane: its scatter or deciles, a legend, SVG/PNG export and the caption with live numbers. */
import { useRef, useState } from 'react';
import { useRun } from '../../store/runStore';
import { algorithmLabel } from '../../train/config';
import { downloadChartPng, downloadChartSvg } from '../charts/chartExport';
import { useDeferredRun } from '../deferredRun';
import { BinnedChart } from './BinnedChart';
import { useCentralView } from './centralView';
import { CouplingCaption } from './CouplingCaption';
import { PremiseCaption } from './PremiseCaption';
import { EntropyGradChart } from './EntropyGradChart';
import { downloadScatterPng, downloadScatterSvg } from './scatterExport';
import { OUTCOME_COLOURS, type AxisExtent } from './scatterScene';
import type { EntropyBin, UpdatePoint } from './updatePoints';

/** Props of `LaneCentralChart`. */
export interface LaneCentralChartProps {
  lane: number;
  height: number;
  /** Show the lane's algorithm as a title (compare mode). */
  titled: boolean;
  /** The lane's points (see useLanePoints). */
  points: UpdatePoint[];
  /** Axis maxima shared with the other lanes. */
  extent?: AxisExtent;
  /** The lane's entropy deciles (deciles view). */
  bins: EntropyBin[];
  /** The deciles' y-axis top, shared with the other lanes. */
  binTop?: number;
  /** Open the premise paragraph from the start (the enlarged chart). */
  premiseOpen?: boolean;
}

function Legend({ magnitude }: { magnitude: string }) {
  return (
    <div className="central-legend" aria-hidden="true">
      <span><i style={{ background: OUTCOME_COLOURS.success }} /> solved</span>
      <span><i style={{ background: OUTCOME_COLOURS.failure }} /> failed</span>
      <span>● A ≥ 0</span>
      <span>▼ A &lt; 0</span>
      {magnitude === 'both' && <span>○ plain · ● EMPG</span>}
    </div>
  );
}

/** One lane's chart, legend and caption (from the deferred run, like the points it is given). */
export function LaneCentralChart({ lane, height, titled, points, extent, bins, binTop, premiseOpen = false }: LaneCentralChartProps) {
  const figure = useRef<HTMLElement>(null);
  const [listed, setListed] = useState(false);
  const recent = useDeferredRun((s) => s.lanes[lane]?.recent);
  const status = useDeferredRun((s) => s.lanes[lane]?.status ?? null);
  const history = useDeferredRun((s) => s.lanes[lane]?.history);
  const { magnitude, space, kind, window } = useCentralView();
  const shown = (recent ?? []).slice(-window);
  const latest = shown.at(-1);
  const yLabel = space === 'logit' ? '|A|·‖e_a − p‖' : '|A|·‖∇θ log π‖';
  const iterations = !latest ? '' : shown.length > 1 ? `Iterations ${shown[0].iteration}–${latest.iteration}` : `Iteration ${latest.iteration}`;
  const title = status ? algorithmLabel(status.config).toUpperCase() : `lane ${lane + 1}`;

  const download = (format: 'svg' | 'png') => {
    const element = figure.current;
    if (!element) return;
    const heading = `Entropy vs update magnitude — ${title}${iterations ? `, ${iterations.toLowerCase()}` : ''}`;
    const name = `empg-entropy-vs-update-${kind === 'points' ? 'steps' : 'deciles'}-lane${lane + 1}`;
    if (kind === 'binned') {
      if (format === 'svg') downloadChartSvg(element, heading, name);
      else void downloadChartPng(element, heading, name);
      return;
    }
    const plot = element.querySelector('.scatter');
    const picture = {
      points, magnitude, yLabel, title: heading, selection: useRun.getState().selection,
      width: plot?.clientWidth ?? element.clientWidth, height, extent,
    };
    const font = getComputedStyle(element).fontFamily;
    if (format === 'svg') downloadScatterSvg(picture, font, name);
    else void downloadScatterPng(picture, font, name);
  };

  return (
    <figure className="central-chart" ref={figure} data-lane={lane} aria-label={`Step entropy against update magnitude, ${title}`}>
      <div className="central-chart-head">
        {titled && <figcaption className="lane-title">{title}</figcaption>}
        <span className="chart-export">
          {kind === 'points' && (
            <button type="button" data-testid="central-list" aria-expanded={listed} aria-label={`List the steps of ${title}`}
              title="List every step of the chart as a button" onClick={() => setListed((v) => !v)}>List</button>
          )}
          <button type="button" data-testid="central-export-svg" aria-label={`Download the chart of ${title} as SVG`} onClick={() => download('svg')}>SVG</button>
          <button type="button" data-testid="central-export-png" aria-label={`Download the chart of ${title} as PNG`} onClick={() => download('png')}>PNG</button>
        </span>
      </div>
      {kind === 'points'
        ? <EntropyGradChart points={points} magnitude={magnitude} height={height} yLabel={yLabel} extent={extent} listed={listed} />
        : <BinnedChart bins={bins} height={height} yLabel={`mean ${yLabel}`} yTop={binTop} />}
      {kind === 'points' && <Legend magnitude={magnitude} />}
      {space === 'param' && <p className="muted small">Exact norms exist for a sample of {status?.config.gradNormSample ?? '?'} steps per iteration only.</p>}
      <CouplingCaption points={points} latestSteps={latest?.steps ?? []} empgOn={status?.config.empg !== 'off'} iterations={iterations} />
      <PremiseCaption history={history ?? []} mode={status?.config.stepEntropy ?? 'all'} window={window} initiallyOpen={premiseOpen} />
    </figure>
  );
}
