/**
 * The hand-written kernel modules, each instantiated on a wasm backend's own memory (imported, so a kernel
 * reads and writes TF.js's tensors in place). Compiled once per binary, instantiated once per memory: a
 * wasm backend created anew (after an abort) has a new memory. Null where a module cannot run: without
 * WebAssembly SIMD, or with the threaded build, whose memory is shared.
 */
import type * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';

const compiled = new Map<string, WebAssembly.Module | null>();
const instances = new WeakMap<WebAssembly.Memory, Map<string, WebAssembly.Exports | null>>();

function decodeBase64(text: string): Uint8Array<ArrayBuffer> {
  const bytes = atob(text);
  const out = new Uint8Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) out[i] = bytes.charCodeAt(i);
  return out;
}

function compiledModule(binary: string): WebAssembly.Module | null {
  let module = compiled.get(binary);
  if (module === undefined) {
    const bytes = decodeBase64(binary);
    module = WebAssembly.validate(bytes) ? new WebAssembly.Module(bytes) : null;
    compiled.set(binary, module);
  }
  return module;
}

/** The export `name` of the module `binary` (base64) bound to this backend's memory, or null where it cannot run. */
export function kernelExport<F>(backend: BackendWasm, binary: string, name: string): F | null {
  const memory = (backend.wasm as { asm?: { memory?: unknown } }).asm?.memory;
  if (!(memory instanceof WebAssembly.Memory)) return null;
  let byBinary = instances.get(memory);
  if (!byBinary) instances.set(memory, (byBinary = new Map()));
  let exports = byBinary.get(binary);
  if (exports === undefined) {
    const module = compiledModule(binary);
    try {
      exports = module ? new WebAssembly.Instance(module, { env: { memory } }).exports : null;
    } catch {
      exports = null; // e.g. the threaded build's shared memory
    }
    byBinary.set(binary, exports);
  }
  return (exports?.[name] as F | undefined) ?? null;
}

/** Where a tensor's data starts in the backend's memory, in bytes: the address a kernel reads or writes. */
export function heapOffset(backend: BackendWasm, tensor: tf.TensorInfo): number {
  return backend.dataIdMap.get(tensor.dataId)!.memoryOffset;
}
