/**
 * TF.js's wasm backend with this project's kernels in front of the stock ones (kernels/wasmKernels.ts).
 * Import the wasm backend from here, never from '@tensorflow/tfjs-backend-wasm' directly (a lint rule
 * says so), so the page, the worker, the CLI, the benchmarks and the tests all run the same kernels.
 */
import '@tensorflow/tfjs-backend-wasm';
import { installWasmKernels } from './kernels/wasmKernels';

installWasmKernels();

export { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
