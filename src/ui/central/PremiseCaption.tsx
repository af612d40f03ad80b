/**
 * "Here, is a confident step a good step?" — EMPG's premise checked on the lane's last iterations, in
 * words, under the central chart (numbers from the trainer's `premise/…` metrics, docs/METRICS.md). The
 * question and its short answer show; the paragraph behind the answer opens on demand (it is long, and in
 * compare mode there is one per lane).
 */
import { Help } from '../explain/Help';
import { groupDigits, summarizePremise, type PremiseSummary } from './premiseSummary';
import type { Metrics } from '../../train/trainer';

/** Props of `PremiseCaption`. */
export interface PremiseCaptionProps {
  /** The lane's metric history, oldest first. */
  history: readonly Metrics[];
  /** The step-entropy mode in use (all, choices, normalized). */
  mode: string;
  /** How many of the last iterations to pool. */
  window: number;
  /** Whether the paragraph starts open (the enlarged chart has room for it). */
  initiallyOpen?: boolean;
}

const pct = (v: number) => `${Math.round(v * 100)} %`;

/** The answer in a word or two, shown with the question. */
const SHORT_ANSWERS: Record<PremiseSummary['verdict'], string> = {
  'no data': 'Not yet',
  'reversed': 'No',
  'coin flip': 'Hardly',
  'weak': 'A little',
  'holds': 'Yes',
};

const VERDICTS: Record<PremiseSummary['verdict'], string> = {
  'no data': '',
  'reversed': 'No: here the failed rollouts made the more confident steps, so EMPG amplifies the wrong ones.',
  'coin flip': 'Hardly: confidence tells good steps from bad no better than a coin, so EMPG\'s rescaling is close to noise.',
  'weak': 'A little: confident steps are somewhat more often good ones.',
  'holds': 'Yes: confident steps are clearly more often the good ones, as EMPG assumes.',
};

/** The question, its short answer and, on demand, the paragraph behind it. */
export function PremiseCaption({ history, mode, window, initiallyOpen = false }: PremiseCaptionProps) {
  const shown = history.slice(-window);
  // Recordings made before the premise metrics existed carry none: say nothing rather than "no pairs".
  if (!shown.some((m) => 'premise/pairs' in m)) return null;
  const s = summarizePremise(shown);
  const answer = s.verdict === 'no data'
    ? `${SHORT_ANSWERS[s.verdict]}: no solved and failed rollouts of one task to compare`
    : `${SHORT_ANSWERS[s.verdict]}, by outcome: ${pct(s.auc)} of pairs (a coin: 50 %)${Number.isFinite(s.progressAuc) ? `; step by step: ${pct(s.progressAuc)}` : ''}`;
  return (
    // Only the first render sets `open`; after that the reader's clicks keep it.
    <details className="caption premise-caption" data-testid="premise-caption" open={initiallyOpen}>
      <summary>
        <strong>Here, is a confident step a good step?</strong> <span data-testid="premise-answer">{answer}.</span>
      </summary>
      <p>
        <Help term="premise/auc" />{' '}
        {s.verdict === 'no data'
          ? <>No group of the last {s.iterations === 1 ? 'iteration' : `${s.iterations} iterations`} had both a solved and a failed
            rollout, so there is nothing to compare yet.</>
          : <>Comparing a step of a solved rollout with a step of a failed rollout of the same task ({groupDigits(s.pairs)} pairs,
            last {s.iterations === 1 ? 'iteration' : `${s.iterations} iterations`}, step entropy: {mode}), the solved one was the
            more confident in <strong data-testid="premise-auc">{pct(s.auc)}</strong> of pairs (50 % would be a coin flip)
            {Number.isFinite(s.aucSameVerb) && <>; comparing only the same kind of action, {pct(s.aucSameVerb)}</>}
            {s.byVerb.length > 0 && <> ({s.byVerb.map(([verb, auc]) => `${verb} ${pct(auc)}`).join(', ')})</>}.{' '}
            {VERDICTS[s.verdict]}</>}
        {Number.isFinite(s.progressAuc) && <>{' '}<ProgressSentence summary={s} /></>}
        {Number.isFinite(s.noSignalShare) && s.noSignalShare > 0 && <>{' '}{pct(s.noSignalShare)} of the update went to tasks whose rollouts
          all ended the same way, where no outcome asked for it.</>}
      </p>
    </details>
  );
}

/**
 * The same question step by step, where the oracle can say which steps made progress: what the outcome
 * comparison cannot show, since a failed rollout mixes right and wrong steps.
 */
function ProgressSentence({ summary: s }: { summary: PremiseSummary }) {
  const sure = s.progressAuc > 0.55;
  const withinKinds = s.progressAucSameVerb > 0.55;
  return (
    <>
      Step by step, by the oracle&apos;s shortest plan ({groupDigits(s.progressSteps)} steps labelled, {pct(s.progressShare)} of
      them progress): a step that made progress was the more confident one in{' '}
      <strong data-testid="premise-progress-auc">{pct(s.progressAuc)}</strong> of pairs <Help term="premise/progress_auc" />
      {Number.isFinite(s.progressAucSameVerb) && <> ({pct(s.progressAucSameVerb)} within one kind of action)</>}.{' '}
      {sure
        ? `So a confident step is more often a correct one, whichever way its rollout ended${withinKinds
          ? ', even within one kind of action'
          : ' (here mostly because the surer kinds of action are the more useful ones)'}: when EMPG scales up the confident steps of a failed rollout, it pushes correct steps down harder.`
        : 'By the oracle too, confidence says little about which steps were right.'}
    </>
  );
}
