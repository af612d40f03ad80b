/**
 * This project's kernels in front of TF.js's own on the wasm backend: `BatchMatMul` in WebAssembly SIMD
 * (wasmBatchMatMul.ts), an `Identity` that shares data instead of copying it (wasmIdentity.ts) and a
 * `GatherV2` that copies whole rows (wasmGatherRows.ts). They compute what the stock kernels compute, up to
 * the order of float sums (docs/PERFORMANCE.md).
 */
import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { simdBatchMatMul, simdBatchMatMulRuns } from './wasmBatchMatMul';
import { rowGather } from './wasmGatherRows';
import { sharedIdentity } from './wasmIdentity';

const OVERRIDES: readonly { kernelName: string; wrap: (stock: tf.KernelFunc) => tf.KernelFunc }[] = [
  { kernelName: 'BatchMatMul', wrap: simdBatchMatMul },
  { kernelName: 'Identity', wrap: sharedIdentity },
  { kernelName: 'GatherV2', wrap: rowGather },
];

/** TF.js's own kernel configs, while ours are installed. */
let stockConfigs: tf.KernelConfig[] | undefined;

/**
 * Puts the kernels in front of the wasm backend's (idempotent; nothing happens where the wasm backend is not
 * loaded). Each stock kernel's setup is kept, so a wasm backend initialised later still prepares the stock
 * kernels these fall back to.
 */
export function installWasmKernels(): void {
  if (stockConfigs) return;
  const found = OVERRIDES.map(({ kernelName }) => tf.getKernel(kernelName, 'wasm'));
  if (found.some((config) => !config)) return;
  stockConfigs = found as tf.KernelConfig[];
  OVERRIDES.forEach(({ kernelName, wrap }, i) => {
    const stock = stockConfigs![i];
    tf.unregisterKernel(kernelName, 'wasm');
    tf.registerKernel({ ...stock, kernelFunc: wrap(stock.kernelFunc) });
  });
}

/** Puts TF.js's own kernels back (for tests and benchmarks that compare the two). */
export function uninstallWasmKernels(): void {
  if (!stockConfigs) return;
  for (const stock of stockConfigs) {
    tf.unregisterKernel(stock.kernelName, 'wasm');
    tf.registerKernel(stock);
  }
  stockConfigs = undefined;
}

/**
 * What the active wasm backend runs of these kernels, in words for the backend badge (e.g. "SIMD
 * matmul"); null when the active backend is not wasm.
 */
export function describeWasmKernels(): string | null {
  if (tf.getBackend() !== 'wasm') return null;
  if (!stockConfigs) return "TF.js's own kernels";
  return simdBatchMatMulRuns(tf.backend() as BackendWasm) ? 'SIMD matmul' : 'no SIMD matmul (no WebAssembly SIMD here)';
}
