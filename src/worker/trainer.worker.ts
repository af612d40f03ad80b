/**
 * The Web Worker that owns TF.js and everything that computes, so the page never freezes: it chooses
 * and verifies the backend, reports GPU errors as they happen, and runs the training run
 * (src/worker/runController.ts) on the page's messages.
 */
import '../core/jitless';
import * as tf from '@tensorflow/tfjs';
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { selectBackend, type BackendRequest, type GpuEventHooks } from '../train/backend';
import type { FromWorker, ToWorker } from './protocol';
import { LaneSet } from './lanes';
import { openRunDatabase } from '../persist/runDatabase';
import { RunSaver } from '../persist/runSaver';
import { parseSavedRun, SAVED_RUN_FORMAT, SAVED_RUN_VERSION } from '../persist/savedRun';

const wasmPaths = {
  'tfjs-backend-wasm.wasm': new URL(wasmPlain, self.location.href).href,
  'tfjs-backend-wasm-simd.wasm': new URL(wasmSimd, self.location.href).href,
  'tfjs-backend-wasm-threaded-simd.wasm': new URL(wasmThreadedSimd, self.location.href).href,
};

function post(message: FromWorker): void {
  self.postMessage(message);
}

let requested: BackendRequest = 'auto';
/** Who asked for `requested` when it was not the link (the reason line says so). */
let requestedBy: string | undefined;
let baseUrl = self.location.href;
let fallingBack = false;
let ready: Promise<void> = Promise.resolve();

/** The saved run (src/persist): written after every iteration, off the training path. */
const saver = new RunSaver(openRunDatabase, (report) => post({ type: 'saved', ...report }));

const lanes = new LaneSet({
  post,
  backend: () => tf.getBackend(),
  saving: () => saver.enabled,
  persistRun: (saved) => saver.save({ format: SAVED_RUN_FORMAT, version: SAVED_RUN_VERSION, savedAt: new Date().toISOString(), lanes: saved }),
  async loadBaseCheckpoint(env) {
    // A missing file may come back as the site's index page (single-page fallbacks): only JSON counts.
    try {
      const response = await fetch(new URL(`checkpoints/${env}-base.json`, baseUrl));
      return response.ok ? await response.json() : null;
    } catch {
      return null;
    }
  },
});

/** A GPU that reported an error can no longer be trusted: pause, and switch to the best other backend. */
async function abandonWebGpu(kind: 'gpu-validation' | 'device-lost', message: string): Promise<void> {
  post({ type: 'error', kind, message });
  if (fallingBack || tf.getBackend() !== 'webgpu') return;
  fallingBack = true;
  lanes.pause();
  try {
    post({ type: 'status', phase: 'selecting' });
    const choice = await selectBackend({ requested, requestedBy, wasmPaths, exclude: ['webgpu'], hooks });
    post({ type: 'status', phase: 'ready', choice, fallbackFrom: 'webgpu' });
    // The weights of the last good iteration are plain arrays, so the run continues where it was.
    await lanes.continueOnNewBackend();
  } finally {
    fallingBack = false;
  }
}

/**
 * Replaces the lanes by the saved run. A record that cannot be used is reported with the reason and
 * removed (it would fail the same way at every reload); the page's own run then stays.
 */
async function resume(): Promise<void> {
  let problem: string | null;
  try {
    const parsed = parseSavedRun(await saver.read());
    problem = parsed.ok ? await lanes.restore(parsed.run) : parsed.error;
  } catch (error) {
    problem = error instanceof Error ? error.message : String(error);
  }
  if (problem) {
    post({ type: 'error', kind: 'invalid-input', message: `The saved run could not be resumed: ${problem}. It was discarded; the page's run starts instead.` });
    await saver.clear().catch(() => undefined);
  }
  saver.enabled = true;
}

const hooks: GpuEventHooks = {
  onGpuError: (message) => void abandonWebGpu('gpu-validation', message),
  onDeviceLost: (message) => void abandonWebGpu('device-lost', message),
};

async function handle(message: ToWorker): Promise<void> {
  switch (message.type) {
    case 'init':
      requested = message.backend;
      requestedBy = message.requestedBy;
      baseUrl = message.baseUrl;
      ready = (async () => {
        post({ type: 'status', phase: 'selecting' });
        const choice = await selectBackend({ requested, requestedBy, wasmPaths, hooks });
        // A model trained from scratch is sized for the backend: the small one needs a real GPU.
        for (const lane of lanes.lanes) lane.setDefaults({ modelSize: choice.backend === 'webgpu' ? 'small' : 'tiny' });
        post({ type: 'status', phase: 'ready', choice });
      })();
      return ready;
    case 'configure':
      await ready;
      return lanes.lane(message.lane).configure(message.config, message.init);
    case 'setLanes':
      await ready;
      return lanes.setCount(message.count);
    case 'play':
      await ready;
      return lanes.play();
    case 'pause':
      return lanes.pause();
    case 'step':
      await ready;
      return lanes.step();
    case 'reset':
      await ready;
      return lanes.reset();
    case 'loadCheckpoint':
      await ready;
      return lanes.lane(message.lane).loadCheckpoint(message.checkpoint, message.name);
    case 'saving':
      saver.enabled = message.enabled;
      return;
    case 'resume':
      await ready;
      return resume();
    case 'requestTrajectory':
      return lanes.lane(message.lane).requestTrajectory(message.iteration, message.traj);
    case 'requestCheckpoint':
      return lanes.lane(message.lane).requestCheckpoint();
    case 'requestSteps':
      return lanes.lane(message.lane).requestSteps();
  }
}

self.onmessage = (event: MessageEvent<ToWorker>) => {
  handle(event.data).catch((error: unknown) => {
    post({ type: 'error', kind: 'internal', message: error instanceof Error ? error.message : String(error) });
  });
};
