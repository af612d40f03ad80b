/**
 * The guided tour as data: each step names the element to highlight, what to say, and optionally what
 * to set first (a chart view, an open section). The overlay (TourOverlay.tsx) only plays these steps.
 */
import { create } from 'zustand';
import { useCentralView } from '../central/centralView';

/** One stop of the tour. */
export interface TourStep {
  /** CSS selector of the element to highlight (the first match). */
  target: string;
  title: string;
  text: string;
  /** Sets the page up for this stop; runs when the stop is entered. */
  enter?: () => void;
}

const openEmpgIn60s = () => {
  const details = document.getElementById('empg-in-60s');
  if (details instanceof HTMLDetailsElement) details.open = true;
};

/** The stops, in order. */
export const TOUR_STEPS: TourStep[] = [
  {
    target: '[data-testid="step-once"]',
    title: 'One iteration at a time',
    text: 'Step runs one training iteration: the agent plays B tasks G times each, the rollouts are scored, and the policy is updated once. Play repeats it.',
  },
  {
    target: '.flow',
    title: 'Read it left to right',
    text: 'The columns follow the data: the environment\'s tasks, the tokens the policy wrote, the advantage each step got, the update it caused, and how the run is doing.',
  },
  {
    target: '[data-testid="advantage-column"]',
    title: 'Who gets credit',
    text: 'GRPO compares the G rollouts of a task: solved ones get a positive A(τ) (green bars up), failed ones a negative one. Every step of a rollout shares its A(τ).',
  },
  {
    target: '[data-testid="entropy-grad-chart"]',
    title: 'The coupling EMPG fixes',
    text: 'Each step is a pair of marks: hollow = the plain update |A(τ)|·‖∇log π‖, filled = after EMPG. Plain updates grow with entropy (x); EMPG lifts confident steps and damps uncertain ones.',
    enter: () => useCentralView.getState().set({ kind: 'points', magnitude: 'both' }),
  },
  {
    target: '[data-testid="entropy-grad-chart"]',
    title: 'The same, by entropy decile',
    text: 'Steps sorted by entropy into ten equal bins: grey = mean plain magnitude, blue = after EMPG. The blue bars shift weight toward the confident (left) deciles.',
    enter: () => useCentralView.getState().set({ kind: 'binned' }),
  },
  {
    target: '[data-testid="inspector"]',
    title: 'Any step, token by token',
    text: 'Click a point or a rollout to open it here. ← → walk its steps, ↑ ↓ switch rollouts; hover a token for the five tokens the policy almost wrote.',
    enter: () => useCentralView.getState().set({ kind: 'points' }),
  },
  {
    target: '#empg-in-60s',
    title: 'The algorithm, with these numbers',
    text: 'Five equations — normalise the entropy, scale by g, add the clarity bonus, centre — worked through on the selected step of this run.',
    enter: openEmpgIn60s,
  },
];

/** Where the tour is: the index of the current stop, or null when it is not running. */
export const useTour = create<{ index: number | null; go(index: number | null): void }>()((set) => ({
  index: null,
  go(index) {
    const step = index === null ? undefined : TOUR_STEPS[index];
    step?.enter?.();
    set({ index: step ? index : null });
  },
}));

/** True when the URL hash asks for the tour (`#…&tour=1`). */
export function tourRequested(hash: string): boolean {
  return new URLSearchParams(hash.replace(/^#/, '')).get('tour') === '1';
}
