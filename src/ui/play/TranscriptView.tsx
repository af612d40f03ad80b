/** The episode so far, newest at the bottom, and the outcome once it has ended. */
import { useEffect, useRef } from 'react';
import type { PlayEnvName } from './playChoices';
import type { Episode, PurchaseScore } from './playModel';

/** Props of `TranscriptView`. */
export interface TranscriptViewProps {
  env: PlayEnvName;
  episode: Episode;
}

/** WebShop text with each ` [SEP] ` dimmed; the text itself (and so `textContent`) is unchanged. */
function withQuietSeparators(text: string) {
  return text.split(' [SEP] ').flatMap((piece, i) => (i === 0 ? [piece] : [<span key={i} className="play-sep"> [SEP] </span>, piece]));
}

/** The transcript, scrolled to its end on every new step. */
export function TranscriptView({ env, episode }: TranscriptViewProps) {
  const list = useRef<HTMLOListElement>(null);
  useEffect(() => {
    if (list.current) list.current.scrollTop = list.current.scrollHeight;
  }, [episode.steps.length]);
  return (
    <div className="play-transcript-block">
      <div className="play-label" id="play-transcript-label">Transcript</div>
      <ol ref={list} className={`play-transcript env-${env}`} data-testid="play-transcript" aria-labelledby="play-transcript-label" tabIndex={0}>
        {episode.steps.map((s) => (
          <li key={s.step} data-testid={`play-step-${s.step}`} className={s.valid ? undefined : 'is-noop'}>
            <div className="play-step-head">
              <span className="play-step-number">{s.step}</span>
              {s.action === null ? <span className="muted">start</span> : <code className="play-step-action">&gt; {s.action}</code>}
              {!s.valid && <span className="play-tag" title="Not admissible: nothing changed, but the step counts">no-op</span>}
              {s.reward > 0 && <span className="play-tag is-reward">reward {s.reward}</span>}
            </div>
            <div className="play-step-observation">{env === 'webshop' ? withQuietSeparators(s.observation) : s.observation}</div>
          </li>
        ))}
      </ol>
    </div>
  );
}

const PARTS: ReadonlyArray<[keyof PurchaseScore, string]> = [
  ['r_type', 'product type matches (1, 0.5, 0.1 or 0)'],
  ['r_att', 'share of the goal attributes the product has'],
  ['r_option', 'share of the goal options chosen'],
  ['r_price', 'price within the limit'],
];

/** The outcome line: in progress, success or failure, and for a WebShop purchase its score and parts. */
export function Outcome({ env, episode }: TranscriptViewProps) {
  const { done, won, purchase, stepCount, stepLimit } = episode;
  const state = !done ? 'running' : won ? 'success' : 'failure';
  let message: string;
  if (!done) message = `In progress — step ${stepCount} of ${stepLimit}, reward 0 so far.`;
  else if (won && env === 'alfworld') message = `Success! The goal holds after ${stepCount} steps: reward 1.`;
  else if (won && episode.answer) message = `Success! “${episode.answer.given}” matches the answer “${episode.answer.gold}” after ${stepCount} steps: reward 1.`;
  else if (episode.answer) message = `“${episode.answer.given}” does not match the answer “${episode.answer.gold}” after normalisation: reward 0.`;
  else if (won) message = `Success! You bought ${purchase?.asin} with a perfect score after ${stepCount} steps: reward 1.`;
  else if (purchase) message = `Bought ${purchase.asin} with score ${purchase.score.toFixed(3)}: only a perfect score counts as success, so the reward is 0.`;
  else message = `Out of steps: the episode was cut after ${stepLimit} steps without ${env === 'alfworld' ? 'reaching the goal' : env === 'webshop' ? 'a purchase' : 'an answer'}: reward 0.`;
  return (
    <div className={`play-outcome is-${state}`} data-testid="play-outcome" data-state={state} role="status">
      <p>{message}</p>
      {purchase && (
        <dl className="play-score" aria-label="WebShop score and its parts">
          <div><dt title="(attribute + option + price matches) / (attributes + options + 1) × r_type">score</dt><dd>{purchase.score.toFixed(3)}</dd></div>
          {PARTS.map(([key, hint]) => (
            <div key={key}><dt title={hint}>{key}</dt><dd>{purchase[key] === null ? 'none' : Number(purchase[key]).toFixed(3)}</dd></div>
          ))}
        </dl>
      )}
    </div>
  );
}
