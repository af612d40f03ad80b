/**
 * The explanations under the inspector: a button that starts the guided tour (also started by
 * `tour=1` in the URL hash), and the "EMPG in 60 seconds" panel.
 */
import { useEffect } from 'react';
import { EmpgIn60s } from './EmpgIn60s';
import { TOUR_STEPS, tourRequested, useTour } from './tour';
import { TourOverlay } from './TourOverlay';
import './explain.css';

/** The explain section. */
export function ExplainSection() {
  const go = useTour((s) => s.go);
  useEffect(() => {
    if (tourRequested(window.location.hash)) go(0);
  }, [go]);
  return (
    <section className="explain" aria-label="Explanations">
      <div className="explain-bar">
        <button type="button" onClick={() => go(0)} data-testid="tour-start">▶ Take the tour</button>
        <span className="muted small">{TOUR_STEPS.length} stops through the page; every “?” gives a one-line definition (the same lines as docs/METRICS.md).</span>
      </div>
      <EmpgIn60s />
      <TourOverlay />
    </section>
  );
}
