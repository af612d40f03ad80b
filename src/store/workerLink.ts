/**
 * The page's one connection to the training worker, set once by the app at start-up, so stores and
 * components can send messages without holding the worker themselves.
 */
import type { ToWorker } from '../worker/protocol';
import type { WorkerClient } from '../worker/client';

let client: WorkerClient | null = null;
const pending: ToWorker[] = [];

/** Connects the worker; messages sent before this are delivered now, in order. */
export function connectWorker(worker: WorkerClient | null): void {
  client = worker;
  if (client) for (const message of pending.splice(0)) client.send(message);
}

/** Sends a message to the worker (queued until it is connected). */
export function sendToWorker(message: ToWorker): void {
  if (client) client.send(message);
  else pending.push(message);
}
