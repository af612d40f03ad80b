/**
 * Plays the tour of tour.ts: dims the page around the current stop's element, scrolls it into view and
 * shows a card with Back / Next / Done; the highlight follows the element as the page moves. Escape
 * ends the tour, ←/→ step through it.
 */
import { useEffect, useLayoutEffect, useState } from 'react';
import { TOUR_STEPS, useTour } from './tour';

/** A highlighted element's rectangle in viewport pixels, padded. */
export interface Box {
  top: number;
  left: number;
  width: number;
  height: number;
}

function measure(selector: string): Box | null {
  const el = document.querySelector(selector);
  if (!el) return null;
  const r = el.getBoundingClientRect();
  return { top: r.top - 6, left: r.left - 6, width: r.width + 12, height: r.height + 12 };
}

/** The card's width and (typical) height in CSS pixels, and its distance from the highlight. */
const CARD_WIDTH = 380;
const CARD_HEIGHT = 220;
const GAP = 10;

/**
 * Where the card goes: below the highlighted element, else above it, else beside it (right, then
 * left), so it never hides the element; an element too big for all four gets the card in a corner.
 */
export function placeCard(box: Box | null, viewWidth: number, viewHeight: number): { top: number; left: number } {
  if (!box) return { top: viewHeight / 3, left: 20 };
  const clampLeft = (left: number) => Math.min(Math.max(GAP, left), viewWidth - CARD_WIDTH - GAP);
  const clampTop = (top: number) => Math.min(Math.max(GAP, top), viewHeight - CARD_HEIGHT - GAP);
  const right = box.left + box.width;
  if (box.top + box.height + GAP + CARD_HEIGHT < viewHeight) return { top: box.top + box.height + GAP, left: clampLeft(box.left) };
  if (box.top - GAP - CARD_HEIGHT > 0) return { top: box.top - GAP - CARD_HEIGHT, left: clampLeft(box.left) };
  if (viewWidth - right - GAP >= CARD_WIDTH + GAP) return { top: clampTop(box.top), left: right + GAP };
  if (box.left - GAP >= CARD_WIDTH + GAP) return { top: clampTop(box.top), left: box.left - GAP - CARD_WIDTH };
  return { top: viewHeight - CARD_HEIGHT - GAP, left: viewWidth - CARD_WIDTH - GAP };
}

/** The overlay; renders nothing while the tour is off. */
export function TourOverlay() {
  const index = useTour((s) => s.index);
  const go = useTour((s) => s.go);
  const step = index === null ? undefined : TOUR_STEPS[index];
  const [box, setBox] = useState<Box | null>(null);

  useLayoutEffect(() => {
    if (!step) return;
    const target = document.querySelector(step.target);
    const tall = target && target.getBoundingClientRect().height > window.innerHeight * 0.6;
    target?.scrollIntoView({ block: tall ? 'start' : 'center', behavior: 'instant' as ScrollBehavior });
    // Follow the element every frame: besides scrolling and resizing, the page's own layout moves it
    // (a banner appearing above, a chart growing), and no event announces that.
    let frame = 0;
    let last = '';
    const follow = () => {
      const next = measure(step.target);
      const key = JSON.stringify(next);
      if (key !== last) { last = key; setBox(next); }
      frame = requestAnimationFrame(follow);
    };
    follow();
    return () => cancelAnimationFrame(frame);
  }, [step]);

  useEffect(() => {
    if (index === null) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') go(null);
      else if (e.key === 'ArrowRight') go(index + 1 < TOUR_STEPS.length ? index + 1 : null);
      else if (e.key === 'ArrowLeft' && index > 0) go(index - 1);
      else return;
      e.preventDefault();
      e.stopImmediatePropagation();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [index, go]);

  if (!step || index === null) return null;
  const { top: cardTop, left: cardLeft } = placeCard(box, window.innerWidth, window.innerHeight);
  const last = index === TOUR_STEPS.length - 1;
  return (
    <>
      {box && <div className="tour-highlight" style={box} aria-hidden="true" />}
      <div className="tour-card" role="dialog" aria-modal="false" aria-labelledby="tour-title" style={{ top: cardTop, left: cardLeft }} data-testid="tour-card">
        <h3 id="tour-title">{step.title}</h3>
        <p>{step.text}</p>
        <div className="tour-nav">
          <span className="tour-count">{index + 1} / {TOUR_STEPS.length}</span>
          <button type="button" onClick={() => go(null)}>Close</button>
          <button type="button" onClick={() => go(index - 1)} disabled={index === 0}>Back</button>
          <button type="button" onClick={() => go(last ? null : index + 1)} data-testid="tour-next" autoFocus>{last ? 'Done' : 'Next'}</button>
        </div>
      </div>
    </>
  );
}
