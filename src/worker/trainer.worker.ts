/**
 * The Web Worker that owns TF.js and everything that computes, so the page never freezes: it chooses
 * and verifies the backend, recovers from backend faults (src/worker/backendRecovery.ts), and runs the
 * training run (src/worker/runController.ts) on the page's messages, taken in order
 * (src/worker/messageHandler.ts).
 */
import '../core/jitless';
import * as tf from '@tensorflow/tfjs';
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { selectBackend, type BackendRequest, type GpuEventHooks } from '../train/backend';
import type { FromWorker, ToWorker } from './protocol';
import { LaneSet } from './lanes';
import { PagePace } from './pagePace';
import { messageHandler } from './messageHandler';
import { BackendRecovery } from './backendRecovery';
import { destroyWebGpuDevice, exhaustWasmHeap } from '../train/backendFaults';
import { openRunDatabase } from '../persist/runDatabase';
import { RunSaver } from '../persist/runSaver';
import { parseSavedRun, SAVED_RUN_FORMAT, SAVED_RUN_VERSION } from '../persist/savedRun';
import { baseCheckpointFile } from '../train/baseCheckpoint';

const wasmPaths = {
  'tfjs-backend-wasm.wasm': new URL(wasmPlain, self.location.href).href,
  'tfjs-backend-wasm-simd.wasm': new URL(wasmSimd, self.location.href).href,
  'tfjs-backend-wasm-threaded-simd.wasm': new URL(wasmThreadedSimd, self.location.href).href,
};

/** How long a playing run waits, at most, for the page to draw its last iteration (src/worker/pagePace.ts). */
const PAGE_WAIT_MS = 500;
const pace = new PagePace(PAGE_WAIT_MS);

function post(message: FromWorker): void {
  self.postMessage(message);
  if (message.type === 'metrics') pace.reportedOne();
}

let requested: BackendRequest = 'auto';
/** Who asked for `requested` when it was not the link (the reason line says so). */
let requestedBy: string | undefined;
let baseUrl = self.location.href;
let testHooks = false;

/** The saved run (src/persist): written after every iteration, off the training path. */
const saver = new RunSaver(openRunDatabase, (report) => post({ type: 'saved', ...report }));

const hooks: GpuEventHooks = {
  onGpuError: (message) => recovery.gpuError(message),
  onDeviceLost: (message) => recovery.deviceLost(message),
};

const recovery: BackendRecovery = new BackendRecovery({
  post,
  lanes: () => lanes,
  select: (options) => selectBackend({ ...options, wasmPaths, hooks }),
  request: () => ({ requested, requestedBy }),
});

/**
 * A message to ourselves through a channel queues a task behind the page's pending messages, without the
 * 4 ms clamp that nested zero-delay timers get: training yields here at every safe point of an iteration.
 */
const yieldChannel = new MessageChannel();
const yielded: (() => void)[] = [];
yieldChannel.port1.onmessage = () => yielded.shift()?.();

const lanes: LaneSet = new LaneSet({
  post,
  backend: () => tf.getBackend(),
  yieldToMessages: () => new Promise<void>((resolve) => {
    yielded.push(resolve);
    yieldChannel.port2.postMessage(null);
  }),
  backendFailure: (message) => recovery.laneFailed(message),
  waitForPage: () => pace.waitForPage(),
  saving: () => saver.enabled,
  persistRun: (saved) => saver.save({ format: SAVED_RUN_FORMAT, version: SAVED_RUN_VERSION, savedAt: new Date().toISOString(), lanes: saved }),
  async loadBaseCheckpoint(env, preset) {
    // A missing file may come back as the site's index page (single-page fallbacks): only JSON counts.
    try {
      const response = await fetch(new URL(`checkpoints/${baseCheckpointFile(env, preset)}`, baseUrl));
      return response.ok ? await response.json() : null;
    } catch {
      return null;
    }
  },
});

/** Causes a real backend fault (test hooks; see `testFault` in the protocol). */
async function causeFault(fault: 'destroy-gpu-device' | 'exhaust-wasm-heap'): Promise<void> {
  if (!testHooks) throw new Error('test hooks are off (open the page with ?testhooks)');
  if (fault === 'destroy-gpu-device') {
    if (!destroyWebGpuDevice()) throw new Error('there is no WebGPU device to destroy');
    return;
  }
  // Between iterations (a run pauses after an abort anyway), so nothing else uses wasm meanwhile.
  lanes.pause();
  await lanes.idle();
  const message = await exhaustWasmHeap();
  if (!recovery.laneFailed(message)) throw new Error(`the wasm heap ran out, but the failure was not recognised: ${message}`);
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

const receive = messageHandler({
  post,
  lanes,
  start(message) {
    requested = message.backend;
    requestedBy = message.requestedBy;
    baseUrl = message.baseUrl;
    testHooks = message.testHooks === true;
    return (async () => {
      post({ type: 'status', phase: 'selecting' });
      const choice = await selectBackend({ requested, requestedBy, wasmPaths, hooks });
      // A model trained from scratch is sized for the backend: the small one needs a real GPU.
      for (const lane of lanes.lanes) lane.setDefaults({ modelSize: choice.backend === 'webgpu' ? 'small' : 'tiny' });
      post({ type: 'status', phase: 'ready', choice });
    })();
  },
  setSaving: (enabled) => { saver.enabled = enabled; },
  resume,
  fault: causeFault,
  pageDrew: (count) => pace.pageDrew(count),
});

self.onmessage = (event: MessageEvent<ToWorker>) => receive(event.data);
