/**
 * The page's test hooks, switched on by the `?testhooks` query flag (browser tests use it; it changes
 * nothing else): `window.empgTestHooks.fault('destroy-gpu-device' | 'exhaust-wasm-heap')` asks the
 * worker to cause that backend fault for real, so the recovery can be watched (docs/RELIABILITY.md).
 */
import type { ToWorker } from './protocol';

type Fault = Extract<ToWorker, { type: 'testFault' }>['fault'];

/** True when the page was opened with `?testhooks`. */
export function testHooksRequested(search: string): boolean {
  return new URLSearchParams(search).has('testhooks');
}

/** Installs `window.empgTestHooks` when `?testhooks` is set; returns whether it did. */
export function installTestHooks(send: (message: ToWorker) => void): boolean {
  if (typeof window === 'undefined' || !testHooksRequested(window.location.search)) return false;
  (window as unknown as { empgTestHooks: { fault(fault: Fault): void } }).empgTestHooks = {
    fault: (fault) => send({ type: 'testFault', fault }),
  };
  return true;
}
