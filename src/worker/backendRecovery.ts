/**
 * What the worker does when its backend fails under a running training: a WebGPU error or a lost device
 * makes it switch to the best other backend and continue (playing again if it was); a wasm module that
 * aborted is replaced by a fresh one — or, if that fails its self-check, by the next backend — and the
 * run waits, paused, with the reason, since the run's own size may have caused it. Every lane goes back
 * to the weights and iteration of its last good iteration. Kept free of worker globals so it can be
 * tested in Node.
 */
import * as tf from '@tensorflow/tfjs';
import type { BackendChoice, BackendName, BackendRequest } from '../train/backend';
import { backendFault, retireBackend, wasmAbortReason, watchWasmAbort } from '../train/backendFaults';
import type { LaneSet } from './lanes';
import type { FromWorker } from './protocol';

/** tfjs-backend-wasm registers its factory with this priority. */
const WASM_PRIORITY = 2;

/** What the recovery needs from the worker. */
export interface RecoveryHost {
  post(message: FromWorker): void;
  lanes(): LaneSet;
  /** Chooses, activates and verifies a backend (the worker's `selectBackend` with its wasm paths and hooks). */
  select(options: { requested: BackendRequest; requestedBy?: string; exclude?: BackendName[] }): Promise<BackendChoice>;
  /** The backend the page asked for, and who asked (kept for the choice after a recovery). */
  request(): { requested: BackendRequest; requestedBy?: string };
}

/** Watches for backend faults and recovers from them (see the file comment). */
export class BackendRecovery {
  private busy: Promise<void> | null = null;
  private gpuLost = false;

  constructor(private readonly host: RecoveryHost) {}

  /** Resolves when a recovery under way has finished. */
  async idle(): Promise<void> {
    while (this.busy) await this.busy;
  }

  /** A WebGPU validation error: results since may be wrong, so WebGPU is abandoned. */
  gpuError(message: string): void {
    this.abandonWebGpu('gpu-validation', message);
  }

  /** The GPU device was lost or destroyed. */
  deviceLost(message: string): void {
    this.gpuLost = true;
    this.abandonWebGpu('device-lost', message);
  }

  /**
   * A lane's iteration failed: true when the failure is the backend's (then this recovery reports it and
   * continues the lanes, and the lane says nothing more).
   */
  laneFailed(message: string): boolean {
    if (this.busy) return true;
    const fault = backendFault(tf.getBackend(), message, { gpuLost: this.gpuLost });
    if (fault === 'gpu-lost') this.abandonWebGpu('device-lost', `WebGPU failed during training: ${message}`);
    // The abort's own reason, not the symptom of whichever call into the dead module came next.
    else if (fault === 'wasm-aborted') this.restartWasm(wasmAbortReason() ?? message);
    return fault !== null;
  }

  private run(task: () => Promise<void>): void {
    const done = task()
      .catch((error: unknown) => this.host.post({ type: 'error', kind: 'internal', message: `Recovering the backend failed: ${error instanceof Error ? error.message : String(error)}` }))
      .finally(() => { if (this.busy === done) this.busy = null; });
    this.busy = done;
  }

  private abandonWebGpu(kind: 'gpu-validation' | 'device-lost', message: string): void {
    if (this.busy || tf.getBackend() !== 'webgpu') {
      // Reported once: a second sign of the same fault (the loss after a failed read) adds nothing.
      if (!this.busy) this.host.post({ type: 'error', kind, message });
      return;
    }
    const lanes = this.host.lanes();
    const wasPlaying = lanes.playing;
    lanes.pause();
    this.run(async () => {
      this.host.post({ type: 'status', phase: 'selecting' });
      const choice = await this.host.select({ ...this.host.request(), exclude: ['webgpu'] });
      await lanes.continueOnNewBackend();
      const iterations = lanes.lanes.map((lane) => lane.currentIteration);
      this.host.post({
        type: 'error', kind,
        message: `${message}. Switched to ${choice.backend}; the run continues from its last completed iteration (${iterations.join(' and ')})${wasPlaying ? '' : ' when you press Play'}.`,
      });
      this.host.post({ type: 'status', phase: 'ready', choice, fallbackFrom: 'webgpu' });
      if (wasPlaying) lanes.play();
    });
  }

  /** `reason`: why the module aborted, as it said (may be empty). */
  private restartWasm(reason: string): void {
    const lanes = this.host.lanes();
    lanes.pause();
    this.run(async () => {
      this.host.post({ type: 'status', phase: 'selecting' });
      retireBackend('wasm', WASM_PRIORITY);
      const choice = await this.host.select({ requested: 'wasm', requestedBy: 'again after the previous wasm module aborted' });
      if (choice.backend === 'wasm') watchWasmAbort();
      await lanes.continueOnNewBackend();
      const iterations = lanes.lanes.map((lane) => lane.currentIteration);
      const replaced = choice.backend === 'wasm' ? 'A fresh wasm module replaced it' : `wasm did not come back, so the run moved to ${choice.backend}`;
      this.host.post({
        type: 'error', kind: 'backend-aborted',
        message: `The wasm backend aborted${reason ? ` (${reason})` : ''}, most likely because its 4 GiB memory ran out. ${replaced}, and the run is paused at its last completed iteration (${iterations.join(' and ')}) with that iteration's weights. Press Play to continue; if it happens again, lower B × G or the step limit.`,
      });
      this.host.post({ type: 'status', phase: 'ready', choice, ...(choice.backend === 'wasm' ? {} : { fallbackFrom: 'wasm' }) });
    });
  }
}
