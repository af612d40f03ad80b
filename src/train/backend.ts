/**
 * Chooses the TF.js backend the trainer runs on, and says why.
 *
 * Auto mode: WebGPU when the adapter is a real GPU. A software adapter (SwiftShader, reported as
 * `isFallbackAdapter`) emulates the GPU on the CPU and is ~30–100× slower than wasm for this model size
 * (docs/PERFORMANCE.md), so then — or with no adapter at all — the fastest of webgl, wasm and cpu is picked
 * by a sub-second probe. Whatever is chosen must pass a gradient self-check against cpu, or the next
 * candidate is tried. A forced backend (`#backend=…`) is used if it works; if not, auto mode takes over and
 * the reason says what failed.
 */
import * as tf from '@tensorflow/tfjs';
import { WebGPUBackend } from '@tensorflow/tfjs-backend-webgpu';
import { describeWasmKernels } from '../policy/kernels/wasmKernels';
import { setWasmPaths } from '../policy/wasmBackend';
import { probeSpeed, selfCheck, type SelfCheckResult } from './backendCheck';
import { initialisedBackend, watchWasmAbort } from './backendFaults';

import type { BackendName, BackendRequest } from './backendNames';

export { BACKENDS, type BackendName, type BackendRequest } from './backendNames';

/** What is known about the WebGPU adapter of this browser (or Node process). */
export interface AdapterSummary {
  vendor: string;
  architecture: string;
  description: string;
  /** True for a software implementation such as SwiftShader. */
  isFallbackAdapter: boolean;
}

/** Rounds of the speed probe, and its time per backend over all rounds. */
const PROBE_ROUNDS = 2;
const PROBE_BUDGET_MS = 250;

/** One backend's probe result: milliseconds of its fastest probe run, or why it could not run. */
export interface ProbeResult {
  backend: BackendName;
  msPerRun?: number;
  error?: string;
}

/** The decision, with everything the page shows about it. */
export interface BackendChoice {
  backend: BackendName;
  requested: BackendRequest;
  /** One or two sentences a person can read: why this backend. */
  reason: string;
  /** The WebGPU adapter, when there is one. */
  adapter: AdapterSummary | null;
  /** Speed probes that were run (auto mode without a hardware GPU). */
  probes: ProbeResult[];
  selfCheck: SelfCheckResult;
  /** On wasm: which of this project's kernels run (`describeWasmKernels`). */
  kernels?: string;
  /** Backends that were tried and rejected, each with the reason (shown as a fallback banner). */
  rejected: { backend: BackendName; why: string }[];
}

/** Callbacks for problems that appear after start-up, raised by the GPU device itself. */
export interface GpuEventHooks {
  /** A WebGPU validation / out-of-memory error: results computed since may be wrong (e.g. all zeros). */
  onGpuError?(message: string): void;
  /** The GPU device was lost (driver reset, tab in background on some systems, …). */
  onDeviceLost?(message: string): void;
}

/** Options of `selectBackend`. */
export interface SelectOptions {
  requested: BackendRequest;
  /** Who asked for `requested`, as the reason words it: default "in the URL (#backend=…)". */
  requestedBy?: string;
  /** Where the browser finds the wasm binaries (file name → URL); Node finds them itself. */
  wasmPaths?: Partial<Record<'tfjs-backend-wasm.wasm' | 'tfjs-backend-wasm-simd.wasm' | 'tfjs-backend-wasm-threaded-simd.wasm', string>>;
  /** Backends never to use (e.g. webgpu after its device was lost). */
  exclude?: BackendName[];
  hooks?: GpuEventHooks;
}

let webGpuFactoryInstalled = false;

/**
 * Replaces tfjs-backend-webgpu's backend factory with one that (1) asks for the adapter's full
 * storage-buffer limit — the default of 8 makes `addN` of ≥ 8 tensors fail — and (2) listens for
 * `uncapturederror` and device loss, so a dropped command buffer becomes a reported error instead of
 * silent zeros.
 */
function installWebGpuFactory(hooks: GpuEventHooks): void {
  if (webGpuFactoryInstalled || typeof navigator === 'undefined' || !navigator.gpu) return;
  if (tf.findBackendFactory('webgpu')) tf.removeBackend('webgpu');
  tf.registerBackend('webgpu', async () => {
    const adapter = await navigator.gpu.requestAdapter({ powerPreference: 'high-performance' });
    if (!adapter) throw new Error('navigator.gpu.requestAdapter() returned null');
    const limits = adapter.limits;
    const requiredFeatures: GPUFeatureName[] = [];
    if (adapter.features.has('timestamp-query')) requiredFeatures.push('timestamp-query');
    const device = await adapter.requestDevice({
      requiredFeatures,
      requiredLimits: {
        maxComputeWorkgroupStorageSize: limits.maxComputeWorkgroupStorageSize,
        maxComputeWorkgroupsPerDimension: limits.maxComputeWorkgroupsPerDimension,
        maxStorageBufferBindingSize: limits.maxStorageBufferBindingSize,
        maxBufferSize: limits.maxBufferSize,
        maxComputeWorkgroupSizeX: limits.maxComputeWorkgroupSizeX,
        maxComputeInvocationsPerWorkgroup: limits.maxComputeInvocationsPerWorkgroup,
        maxStorageBuffersPerShaderStage: limits.maxStorageBuffersPerShaderStage,
      },
    });
    device.addEventListener('uncapturederror', (event) => {
      hooks.onGpuError?.(`WebGPU error: ${(event as GPUUncapturedErrorEvent).error.message}`);
    });
    void device.lost.then((info) => {
      // Reason "destroyed" is a loss too (device.destroy(), e.g. by a driver or a test hook), unless
      // TF.js no longer uses this device (removed on purpose, as at the end of a Node test).
      const current = initialisedBackend('webgpu') as unknown as { device?: GPUDevice } | null;
      if (current?.device !== device) return;
      hooks.onDeviceLost?.(`WebGPU device lost (reason "${info.reason}")${info.message ? `: ${info.message}` : ''}`);
    });
    return new WebGPUBackend(device, adapter.info);
  }, 3);
  webGpuFactoryInstalled = true;
}

/** Looks at the WebGPU adapter without creating a device. */
export async function inspectWebGpu(): Promise<{ adapter: AdapterSummary | null; why?: string }> {
  if (typeof navigator === 'undefined' || !navigator.gpu) return { adapter: null, why: 'this browser has no WebGPU (navigator.gpu is missing)' };
  try {
    const adapter = await navigator.gpu.requestAdapter({ powerPreference: 'high-performance' });
    if (!adapter) return { adapter: null, why: 'WebGPU is present but offers no adapter' };
    const info = adapter.info as GPUAdapterInfo & { isFallbackAdapter?: boolean };
    const legacyFlag = (adapter as GPUAdapter & { isFallbackAdapter?: boolean }).isFallbackAdapter;
    return {
      adapter: {
        vendor: info.vendor,
        architecture: info.architecture,
        description: info.description,
        isFallbackAdapter: Boolean(info.isFallbackAdapter ?? legacyFlag) || info.architecture === 'swiftshader',
      },
    };
  } catch (error) {
    return { adapter: null, why: `requesting a WebGPU adapter failed: ${messageOf(error)}` };
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function describeAdapter(a: AdapterSummary): string {
  return [a.vendor, a.architecture, a.description].filter(Boolean).join(' ') || 'unnamed adapter';
}

/** Activates a backend and runs the self-check; returns the result or why it is unusable. */
async function tryBackend(name: BackendName): Promise<{ check?: SelfCheckResult; why?: string }> {
  if (!tf.findBackendFactory(name)) return { why: 'not available in this environment' };
  try {
    if (!(await tf.setBackend(name))) return { why: 'failed to initialise' };
    if (name === 'wasm') watchWasmAbort();
    const check = await selfCheck(name);
    if (!check.ok) return { why: `self-check failed: gradient differs from cpu by ${check.maxRelError.toExponential(2)} (relative)` };
    return { check };
  } catch (error) {
    return { why: messageOf(error) };
  }
}

/** Chooses, activates and verifies a backend (see the file comment). Never throws: cpu is the last resort. */
export async function selectBackend(options: SelectOptions): Promise<BackendChoice> {
  const { requested, hooks = {} } = options;
  const requestedBy = options.requestedBy ?? `in the URL (#backend=${requested})`;
  const excluded = new Set(options.exclude ?? []);
  // Threaded wasm hangs in minified builds and brings nothing on small machines (docs/PERFORMANCE.md).
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  if (options.wasmPaths) setWasmPaths(options.wasmPaths);
  installWebGpuFactory(hooks);

  const rejected: BackendChoice['rejected'] = [];
  const { adapter, why: noAdapterWhy } = excluded.has('webgpu') ? { adapter: null, why: 'WebGPU was switched off after an error' } : await inspectWebGpu();
  const choose = (backend: BackendName, reason: string, check: SelfCheckResult, probes: ProbeResult[] = []): BackendChoice =>
    ({ backend, requested, reason, adapter, probes, selfCheck: check, rejected, ...(backend === 'wasm' ? { kernels: describeWasmKernels() ?? undefined } : {}) });

  if (requested !== 'auto' && !excluded.has(requested)) {
    const { check, why } = await tryBackend(requested);
    if (check) return choose(requested, `${requested} was requested ${requestedBy}.`, check);
    rejected.push({ backend: requested, why: why! });
  }

  let gpuNote: string;
  if (adapter && !adapter.isFallbackAdapter && !excluded.has('webgpu')) {
    const { check, why } = await tryBackend('webgpu');
    if (check) return choose('webgpu', `WebGPU on a hardware adapter (${describeAdapter(adapter)}).`, check);
    rejected.push({ backend: 'webgpu', why: why! });
    gpuNote = `WebGPU on ${describeAdapter(adapter)} failed (${why})`;
  } else if (adapter) {
    gpuNote = `the WebGPU adapter (${describeAdapter(adapter)}) is a software fallback that runs on the CPU, far slower than wasm`;
  } else {
    gpuNote = noAdapterWhy ?? 'no WebGPU adapter';
  }

  // Two rounds, the backends taking turns, each keeping its fastest run: a burst of other work on a busy
  // machine then has to hit a backend in both of its turns to change the choice.
  const probes: ProbeResult[] = [];
  for (let round = 0; round < PROBE_ROUNDS; round++) {
    for (const backend of ['webgl', 'wasm', 'cpu'] as const) {
      if (excluded.has(backend) || rejected.some((r) => r.backend === backend)) continue;
      if (!tf.findBackendFactory(backend)) continue;
      const earlier = probes.find((p) => p.backend === backend);
      if (earlier?.error) continue;
      try {
        if (!(await tf.setBackend(backend))) throw new Error('failed to initialise');
        const ms = await probeSpeed(PROBE_BUDGET_MS / PROBE_ROUNDS);
        if (earlier) earlier.msPerRun = Math.min(earlier.msPerRun!, ms);
        else probes.push({ backend, msPerRun: ms });
      } catch (error) {
        if (earlier) Object.assign(earlier, { msPerRun: undefined, error: messageOf(error) });
        else probes.push({ backend, error: messageOf(error) });
      }
    }
  }
  const ranked = probes.filter((p) => p.msPerRun !== undefined).sort((a, b) => a.msPerRun! - b.msPerRun!);
  for (const probe of ranked) {
    const { check, why } = await tryBackend(probe.backend);
    const speeds = ranked.map((p) => `${p.backend} ${p.msPerRun!.toFixed(1)} ms`).join(', ');
    if (check) {
      const forcedNote = requested !== 'auto' && rejected[0]?.backend === requested ? `${requested} was requested ${requestedBy}, but ${rejected[0].why}. ` : '';
      return choose(probe.backend, `${forcedNote}${capitalise(gpuNote)}. Fastest in a speed probe: ${speeds}.`, check, probes);
    }
    rejected.push({ backend: probe.backend, why: why! });
  }
  // Nothing passed: keep cpu, the reference implementation, and say so.
  await tf.setBackend('cpu');
  const check = await selfCheck('cpu');
  return choose('cpu', `No other backend passed its self-check (${rejected.map((r) => `${r.backend}: ${r.why}`).join('; ')}).`, check, probes);
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
