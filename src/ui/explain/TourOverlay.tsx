/**
 * Plays the tour of tour.ts: dims the page around the current stop's element, scrolls it into view and
 * shows a card with Back / Next / Done. Escape ends the tour, ←/→ step through it.
 */
import { useEffect, useLayoutEffect, useState } from 'react';
import { TOUR_STEPS, useTour } from './tour';

interface Box {
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

/** The overlay; renders nothing while the tour is off. */
export function TourOverlay() {
  const index = useTour((s) => s.index);
  const go = useTour((s) => s.go);
  const step = index === null ? undefined : TOUR_STEPS[index];
  const [box, setBox] = useState<Box | null>(null);

  useLayoutEffect(() => {
    if (!step) return;
    document.querySelector(step.target)?.scrollIntoView({ block: 'center', behavior: 'instant' as ScrollBehavior });
    let frame = 0;
    const update = () => { cancelAnimationFrame(frame); frame = requestAnimationFrame(() => setBox(measure(step.target))); };
    update();
    window.addEventListener('scroll', update, true);
    window.addEventListener('resize', update);
    return () => { cancelAnimationFrame(frame); window.removeEventListener('scroll', update, true); window.removeEventListener('resize', update); };
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
  const below = !box || box.top + box.height + 220 < window.innerHeight;
  const cardTop = box ? (below ? box.top + box.height + 10 : Math.max(10, box.top - 210)) : window.innerHeight / 3;
  const cardLeft = box ? Math.min(Math.max(10, box.left), window.innerWidth - 400) : 20;
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
