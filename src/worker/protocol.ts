/**
 * The typed messages between the page and the training worker. Only plain, structured-clonable data
 * crosses this boundary — never tensors.
 */
import type { BackendChoice, BackendRequest } from '../train/backend';

/** Page → worker. */
export type ToWorker =
  /** Choose and verify a backend (see src/train/backend.ts). */
  { type: 'init'; backend: BackendRequest };

/** Worker → page. */
export type FromWorker =
  /** The backend is being chosen (probes and self-check take a second or two). */
  | { type: 'status'; phase: 'selecting' }
  /** A backend is active and verified. `fallbackFrom` names a backend that failed at run time. */
  | { type: 'status'; phase: 'ready'; choice: BackendChoice; fallbackFrom?: string }
  /** Something went wrong; `kind` says what the page should do about it. */
  | { type: 'error'; kind: ErrorKind; message: string };

/** The kinds of error the worker reports. */
export type ErrorKind =
  /** A WebGPU validation error: results since may be wrong, so WebGPU is abandoned. */
  | 'gpu-validation'
  /** The GPU device is gone: the worker falls back to another backend. */
  | 'device-lost'
  /** Any other failure inside the worker. */
  | 'internal';
