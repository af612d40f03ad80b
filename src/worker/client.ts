/**
 * The page's side of the training worker: starts it, sends typed messages, and hands every message it
 * receives to one listener. The worker is created lazily so importing this module costs nothing.
 */
import type { FromWorker, ToWorker } from './protocol';

/** A connection to the training worker. */
export interface WorkerClient {
  send(message: ToWorker): void;
  terminate(): void;
}

/** Starts the worker and routes its messages (and crashes) to `onMessage`. */
export function startWorker(onMessage: (message: FromWorker) => void): WorkerClient {
  const worker = new Worker(new URL('./trainer.worker.ts', import.meta.url), { type: 'module', name: 'empg-trainer' });
  worker.onmessage = (event: MessageEvent<FromWorker>) => onMessage(event.data);
  worker.onerror = (event) => {
    event.preventDefault();
    onMessage({ type: 'error', kind: 'internal', message: `The training worker crashed: ${event.message || 'unknown error'}` });
  };
  return {
    send: (message) => worker.postMessage(message),
    terminate: () => worker.terminate(),
  };
}
