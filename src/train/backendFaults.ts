/**
 * Faults of a backend that was working: a lost WebGPU device and a wasm module that aborted. How to tell
 * them from an ordinary failure, how to bring a backend back, and two test hooks that cause each fault
 * for real (a destroyed device, a wasm heap that runs out).
 */
import * as tf from '@tensorflow/tfjs';
import type { BackendName } from './backendNames';

/** Errors that mean the GPU device is gone (a lost or destroyed device, a buffer that can no longer map). */
const GPU_GONE = /device (is |was )?lost|destroyed|mapAsync|Instance reference|GPUBuffer|AbortError/i;
/** Errors a wasm module gives once it has aborted or its memory is corrupt. */
const WASM_DEAD = /Aborted\(|memory access out of bounds|unreachable|Cannot enlarge memory/i;

/** The parts of tfjs-backend-wasm's backend used here (not in its public types). */
interface WasmBackendInternals {
  wasm: { HEAPU8: Uint8Array; onAbort?: (what: unknown) => void };
  write(values: null, shape: number[], dtype: 'float32'): object;
  dataIdMap: { get(dataId: object): { memoryOffset: number } | undefined };
}

/** The wasm modules seen to abort (each restart creates a new module), with the reason each gave. */
const abortedModules = new WeakMap<object, string>();

/** A backend's instance if it was initialised (unlike `tf.findBackend`, never starts one). */
export function initialisedBackend(name: BackendName): tf.KernelBackend | null {
  return (tf.engine() as unknown as { registry: Record<string, tf.KernelBackend | undefined> }).registry[name] ?? null;
}

function wasmInternals(): WasmBackendInternals | null {
  const backend = initialisedBackend('wasm') as unknown as WasmBackendInternals | null;
  return backend && typeof backend.write === 'function' && backend.wasm ? backend : null;
}

/**
 * Notes when the active wasm module aborts (Emscripten calls `Module.onAbort` before it throws
 * "Aborted()"); call after each `setBackend('wasm')`. An aborted module must not be used again: in
 * measurements here, the next ops returned wrong numbers (`[1, 2, 3] + 1` gave `[1, 0, 0]`).
 */
export function watchWasmAbort(): void {
  const backend = wasmInternals();
  if (!backend) return;
  const module = backend.wasm;
  const previous = module.onAbort;
  if ((previous as { watching?: boolean } | undefined)?.watching) return;
  const onAbort = Object.assign((what: unknown) => {
    abortedModules.set(module, what === undefined ? '' : String(what));
    previous?.(what);
  }, { watching: true });
  module.onAbort = onAbort;
}

/**
 * Why the active wasm module aborted — what Emscripten passed to `onAbort`, often empty in a release
 * build — or undefined when it has not aborted. Calls into the dead module afterwards fail with symptoms
 * ("table index is out of bounds") that depend on which kernel ran next; this is the cause.
 */
export function wasmAbortReason(): string | undefined {
  const backend = wasmInternals();
  return backend ? abortedModules.get(backend.wasm) : undefined;
}

/** True when the active wasm module has aborted. */
export function wasmHasAborted(): boolean {
  return wasmAbortReason() !== undefined;
}

/** The kind of backend fault an error message of a failed iteration shows, if any. */
export function backendFault(backend: string, message: string, known: { gpuLost?: boolean } = {}): 'gpu-lost' | 'wasm-aborted' | null {
  if (backend === 'webgpu' && (known.gpuLost || GPU_GONE.test(message))) return 'gpu-lost';
  if (backend === 'wasm' && (wasmHasAborted() || WASM_DEAD.test(message))) return 'wasm-aborted';
  return null;
}

/**
 * Replaces a backend's instance by a fresh one from the same factory (used for a wasm module that
 * aborted: each instance is a new module with a new heap). The dead instance frees nothing — its
 * memory goes with it — so tensors still on it can be disposed without calling into it.
 */
export function retireBackend(name: BackendName, priority: number): void {
  const factory = tf.findBackendFactory(name);
  if (!factory) return;
  const dead = initialisedBackend(name);
  if (dead) {
    dead.dispose = () => {};
    dead.disposeData = () => true;
  }
  tf.removeBackend(name);
  tf.registerBackend(name, factory, priority);
}

/**
 * Test hook: destroys the WebGPU backend's device, as a driver reset or a lost GPU would end it.
 * Returns false when WebGPU has no device here.
 */
export function destroyWebGpuDevice(): boolean {
  const backend = initialisedBackend('webgpu') as unknown as { device?: GPUDevice } | null;
  if (!backend?.device) return false;
  backend.device.destroy();
  return true;
}

/**
 * Test hook: runs the active wasm module out of memory until it aborts, as a run too large for the
 * 4 GiB wasm heap did. Most of the heap is reserved untouched (so the machine does not have to supply
 * 4 GiB), then real tensors fill the rest. Resolves with the abort's message; throws if the active
 * backend is not wasm or nothing aborted.
 */
export async function exhaustWasmHeap(): Promise<string> {
  const backend = wasmInternals();
  if (!backend || tf.getBackend() !== 'wasm') throw new Error('the active backend is not wasm');
  const block = 16 * 1024 * 1024;
  for (let i = 0; i < 1024; i++) {
    const dataId = backend.write(null, [block], 'float32');
    if (backend.dataIdMap.get(dataId)?.memoryOffset === 0) break;
  }
  try {
    for (let i = 0; i < 1024; i++) {
      const ones = tf.ones([1024 * 1024]);
      await ones.sum().data();
    }
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  throw new Error('the wasm heap did not run out');
}
