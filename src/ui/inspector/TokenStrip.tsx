/**
 * A step's generated tokens, each shaded by the entropy of the distribution it was drawn from. Hovering
 * or focusing a token shows the top-5 alternatives at that position with their probabilities.
 */
import { useState } from 'react';
import type { Alternative } from '../../policy/decoding';
import { tokenText } from './useInspected';

/** Props of `TokenStrip`. */
export interface TokenStripProps {
  tokens: number[];
  entropies: number[];
  /** Top alternatives per token, or null while the full step is on its way. */
  top: Alternative[][] | null;
  vocabulary: string[];
  /** Entropy that gets the darkest shade (the batch's largest token entropy). */
  maxEntropy: number;
}

/** Background for an entropy: white (sure) to deep orange (unsure). */
export function entropyColour(entropy: number, max: number): string {
  const x = Math.max(0, Math.min(1, max > 0 ? entropy / max : 0));
  const lightness = 97 - x * 45;
  return `hsl(28 90% ${lightness}%)`;
}

/** The token strip. */
export function TokenStrip({ tokens, entropies, top, vocabulary, maxEntropy }: TokenStripProps) {
  const [open, setOpen] = useState<number | null>(null);
  return (
    <div className="token-strip" data-testid="token-strip">
      {tokens.map((id, i) => {
        const h = entropies[i] ?? 0;
        return (
          <span key={i} className="token-wrap" onMouseEnter={() => setOpen(i)} onMouseLeave={() => setOpen(null)}>
            <button type="button" className="token" data-testid="token"
              // Dark text on every shade: white on the deep orange fell below a 4.5:1 contrast.
              style={{ background: entropyColour(h, maxEntropy) }}
              aria-label={`token ${tokenText(vocabulary, id)}, entropy ${h.toFixed(2)} nats`}
              onFocus={() => setOpen(i)} onBlur={() => setOpen(null)}>
              {tokenText(vocabulary, id)}
            </button>
            {open === i && (
              <span className="token-pop" role="tooltip" data-testid="top5">
                <span className="token-pop-head">H = {h.toFixed(3)} nats · top 5</span>
                {top?.[i]
                  ? top[i].map((alt) => (
                    <span key={alt.token} className={`top-row${alt.token === id ? ' chosen' : ''}`}>
                      <span className="top-word">{tokenText(vocabulary, alt.token)}</span>
                      <span className="top-bar"><i style={{ width: `${alt.p * 100}%` }} /></span>
                      <span className="top-p" data-testid="top5-p">{alt.p.toFixed(3)}</span>
                    </span>
                  ))
                  : <span className="muted">loading…</span>}
              </span>
            )}
          </span>
        );
      })}
    </div>
  );
}
