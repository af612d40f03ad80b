/**
 * A faster `BatchMatMul` for the wasm backend, in WebAssembly SIMD (batchMatMul.wat), reading and writing
 * the backend's own memory, so nothing is copied. TF.js's wasm backend runs a batched product (batch > 1)
 * — the attention's queries × keys and weights × values, and their gradients — in a scalar loop, at
 * 0.4–1.2 GFLOP/s at this model's shapes; and it hands a single 2-D product to XNNPACK, which first packs
 * the right operand for each new tensor — here nearly every one: activations, weight slices, transposes —
 * so that weight gradients ran at 5–6 GFLOP/s. This kernel runs both at 15–30 (docs/PERFORMANCE.md).
 *
 * Only what the kernel does exactly is sent to it: float32, equal batch axes, no transpose flags.
 * Broadcasting and transposes go to TF.js's kernel as before. Without WebAssembly SIMD, or with the
 * threaded build (whose memory is shared), the stock kernel stays in charge.
 */
import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { BATCH_MATMUL_WASM } from './batchMatMulBinary';
import { heapOffset, kernelExport } from './wasmInstances';

type BatchMatMulKernel = (a: number, b: number, c: number, batch: number, m: number, k: number, n: number) => void;

/** The SIMD kernel bound to this backend's memory, or null where it cannot run. */
function kernelFor(backend: BackendWasm): BatchMatMulKernel | null {
  return kernelExport<BatchMatMulKernel>(backend, BATCH_MATMUL_WASM, 'batchMatMul');
}

/** Whether the SIMD kernel runs on this wasm backend (false without WebAssembly SIMD or with the threaded build). */
export function simdBatchMatMulRuns(backend: BackendWasm): boolean {
  return kernelFor(backend) !== null;
}

function batchMatMul(args: Parameters<tf.KernelFunc>[0], stock: tf.KernelFunc): tf.TensorInfo | tf.TensorInfo[] {
  const { a, b } = args.inputs as { a: tf.TensorInfo; b: tf.TensorInfo };
  const { transposeA, transposeB } = (args.attrs ?? {}) as { transposeA?: boolean; transposeB?: boolean };
  const backend = args.backend as BackendWasm;
  const batchDims = a.shape.slice(0, -2);
  const plain = !transposeA && !transposeB && a.dtype === 'float32' && b.dtype === 'float32' && a.shape.length >= 2
    && tf.util.arraysEqual(batchDims, b.shape.slice(0, -2)) && a.shape[a.shape.length - 1] === b.shape[b.shape.length - 2];
  const kernel = plain ? kernelFor(backend) : null;
  if (!kernel) return stock(args);

  const [m, k] = a.shape.slice(-2);
  const n = b.shape[b.shape.length - 1];
  const out = backend.makeOutput([...batchDims, m, n], 'float32');
  kernel(heapOffset(backend, a), heapOffset(backend, b), heapOffset(backend, out), tf.util.sizeFromShape(batchDims), m, k, n);
  return out;
}

/** The wasm backend's `BatchMatMul` with the SIMD kernel in front of `stock`, TF.js's own. */
export function simdBatchMatMul(stock: tf.KernelFunc): tf.KernelFunc {
  return ((args: Parameters<tf.KernelFunc>[0]) => batchMatMul(args, stock)) as tf.KernelFunc;
}
