/**
 * The Web Worker that owns TF.js and everything that computes, so the page never freezes.
 * It chooses the backend, verifies it, and reports GPU errors as they happen.
 */
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import * as tf from '@tensorflow/tfjs';
import { selectBackend, type BackendRequest, type GpuEventHooks } from '../train/backend';
import type { FromWorker, ToWorker } from './protocol';

const wasmPaths = {
  'tfjs-backend-wasm.wasm': new URL(wasmPlain, self.location.href).href,
  'tfjs-backend-wasm-simd.wasm': new URL(wasmSimd, self.location.href).href,
  'tfjs-backend-wasm-threaded-simd.wasm': new URL(wasmThreadedSimd, self.location.href).href,
};

function post(message: FromWorker): void {
  self.postMessage(message);
}

let requested: BackendRequest = 'auto';
let fallingBack = false;

/** A GPU that reported an error can no longer be trusted: switch to the best other backend. */
async function abandonWebGpu(kind: 'gpu-validation' | 'device-lost', message: string): Promise<void> {
  post({ type: 'error', kind, message });
  if (fallingBack || tf.getBackend() !== 'webgpu') return;
  fallingBack = true;
  try {
    post({ type: 'status', phase: 'selecting' });
    const choice = await selectBackend({ requested, wasmPaths, exclude: ['webgpu'], hooks });
    post({ type: 'status', phase: 'ready', choice, fallbackFrom: 'webgpu' });
  } finally {
    fallingBack = false;
  }
}

const hooks: GpuEventHooks = {
  onGpuError: (message) => void abandonWebGpu('gpu-validation', message),
  onDeviceLost: (message) => void abandonWebGpu('device-lost', message),
};

async function handle(message: ToWorker): Promise<void> {
  switch (message.type) {
    case 'init': {
      requested = message.backend;
      post({ type: 'status', phase: 'selecting' });
      const choice = await selectBackend({ requested, wasmPaths, hooks });
      post({ type: 'status', phase: 'ready', choice });
      break;
    }
  }
}

self.onmessage = (event: MessageEvent<ToWorker>) => {
  handle(event.data).catch((error: unknown) => {
    post({ type: 'error', kind: 'internal', message: error instanceof Error ? error.message : String(error) });
  });
};
