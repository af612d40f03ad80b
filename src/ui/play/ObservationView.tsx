/** The goal and the current observation; WebShop's ` [SEP] `-joined page is shown piece by piece. */
import type { PlayEnvName } from './playChoices';

/** Props of `ObservationView`. */
export interface ObservationViewProps {
  env: PlayEnvName;
  goal: string;
  observation: string;
  /** The observation split at ` [SEP] ` (WebShop only). */
  pieces: readonly string[];
  /** Click targets on this page (lower-case), highlighted among the pieces. */
  clickable: ReadonlySet<string>;
}

/** A search result (its clickable ASIN) or the page's navigation starts a new row, so results read as a list. */
function startsRow(piece: string, isClickable: boolean): boolean {
  return isClickable && (/^B0[A-Z0-9]{8}$/.test(piece) || piece === 'Back to Search');
}

/** The goal line and the observation, announced to screen readers when it changes. */
export function ObservationView({ env, goal, observation, pieces, clickable }: ObservationViewProps) {
  return (
    <div className="play-observation-block">
      <p className="play-goal" data-testid="play-goal"><span className="play-label">Goal</span>{goal}</p>
      <div className="play-label" id="play-observation-label">Observation</div>
      {env !== 'webshop' ? (
        <pre className="play-observation" data-testid="play-observation" tabIndex={0} aria-live="polite" aria-labelledby="play-observation-label">{observation}</pre>
      ) : (
        <div className="play-observation" aria-live="polite" aria-labelledby="play-observation-label">
          <ul className="play-pieces" aria-label="Page pieces, split at [SEP]">
            {pieces.flatMap((piece, i) => {
              const isClickable = clickable.has(piece.toLowerCase());
              const chip = <li key={i} className={isClickable ? 'is-clickable' : undefined}>{piece}</li>;
              return startsRow(piece, isClickable) ? [<li key={`${i}-break`} className="play-row-break" aria-hidden="true" />, chip] : [chip];
            })}
          </ul>
          <details className="play-raw">
            <summary>Raw text, as the agent reads it</summary>
            <pre data-testid="play-observation">{observation}</pre>
          </details>
        </div>
      )}
    </div>
  );
}
