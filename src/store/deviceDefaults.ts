/**
 * Defaults that depend on the device. A phone (a narrow screen, or a touch screen as the main pointer)
 * trains on wasm: probing WebGPU and timing three backends costs a phone seconds and battery, its GPU
 * may not pass the gradient self-check, and wasm is the fastest CPU backend. A backend named in the link
 * (`#backend=…`, including `auto`) always wins. The recording stays on screen until Play, as everywhere.
 */
import type { BackendRequest } from '../train/backendNames';
import type { HashState } from './urlState';

/** The media queries that mark a phone-like screen. */
export const PHONE_QUERIES = ['(max-width: 600px)', '(pointer: coarse)'] as const;

/** True on a narrow or touch-first screen; `matches` is `window.matchMedia` (absent outside a browser). */
export function isPhoneLike(matches: ((query: string) => { matches: boolean }) | undefined = globalThis.matchMedia?.bind(globalThis)): boolean {
  return !!matches && PHONE_QUERIES.some((query) => matches(query).matches);
}

/** The backend to ask the worker for, and why when the page chose it rather than the link. */
export interface BackendDecision {
  request: BackendRequest;
  /** Shown next to the backend badge when the page's device default decided; null otherwise. */
  note: string | null;
  /** Who asked for the backend, for the worker's reason line, when it was not the link. */
  requestedBy?: string;
}

/** The backend request for a link on this device (see the file comment). */
export function backendFor(state: Pick<HashState, 'backend'>, given: readonly string[], phone: boolean): BackendDecision {
  if (given.includes('backend') || !phone) return { request: state.backend, note: null };
  return {
    request: 'wasm',
    requestedBy: 'by the phone default (the link names no backend)',
    note: 'Phone or touch screen: wasm by default, without probing WebGPU or timing other backends (add #backend=auto to the link to let the page choose).',
  };
}
