/**
 * The story at the top of the training view: what EMPG does that holds at every scale — it changes how
 * a step's update size depends on its entropy — shown as the coupling before and after modulation per
 * iteration, and one honest line on success at this scale (generated from the committed runs, see
 * src/experiments/headline.ts) with a link to the measured results.
 */
import { headlineSentence, type ResultsHeadline } from '../../experiments/headline';
import { useView } from '../../store/viewStore';
import { algorithmLabel } from '../../train/config';
import { useDeferredRun } from '../deferredRun';
import { Help } from '../explain/Help';
import { defaultLane } from '../inspector/followNewest';
import { CouplingOverTime } from './CouplingOverTime';
import resultsHeadline from './resultsHeadline.json';
import './story.css';

/** Where the measured results live, next to the page (copied into the build, see vite.config.ts). */
export const RESULTS_URL = 'docs/RESULTS.md';

/** Props of `StoryPanel`. */
export interface StoryPanelProps {
  /** Chart height in CSS pixels. */
  chartHeight: number;
}

const NO_HISTORY: never[] = [];

/** The line on success at this scale, from the committed runs (written by `npm run cli -- results`). */
const HONEST_LINE = headlineSentence(resultsHeadline as ResultsHeadline);

/** The panel (from the deferred run: it follows a new iteration in the background). */
export function StoryPanel({ chartHeight }: StoryPanelProps) {
  const lane = useDeferredRun((s) => defaultLane(s.lanes));
  const config = useDeferredRun((s) => s.lanes[lane]?.status?.config);
  const history = useDeferredRun((s) => s.lanes[lane]?.history) ?? NO_HISTORY;
  const smoothing = useView((s) => s.settings.smoothing);
  const empgOn = config !== undefined && config.empg !== 'off';
  return (
    <section className="story" data-testid="story" aria-labelledby="story-title">
      <h3 id="story-title">
        What EMPG changes: entropy vs update size, per iteration <Help term="coupling/empg_r" align="left" />
        {config && <span className="story-lane"> · {algorithmLabel(config).toUpperCase()}</span>}
      </h3>
      <p className="story-lead">
        Under a plain policy gradient, uncertain (high-entropy) steps get bigger updates: the dashed correlation is
        positive. {empgOn
          ? 'EMPG rescales each step by its confidence; the solid line is the coupling left after modulation.'
          : 'This lane runs without EMPG, so both lines coincide.'}
      </p>
      <CouplingOverTime history={history} smoothing={smoothing} height={chartHeight} />
      <p className="story-honest" data-testid="story-honest">
        {HONEST_LINE}{' '}
        (<a href={RESULTS_URL} target="_blank" rel="noopener" data-testid="results-link">measured results</a>).
      </p>
    </section>
  );
}
