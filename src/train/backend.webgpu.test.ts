/**
 * The WebGPU backend for real, in Node: dawn.node (npm `webgpu`) over the SwiftShader Vulkan driver that
 * Debian's chromium package ships. Checks the self-check passes on WebGPU and that a validation error —
 * which the GPU reports only asynchronously while the op returns zeros — reaches the error hook.
 */
import { existsSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';

const ICD = '/usr/lib/chromium/vk_swiftshader_icd.json';
const hasIcd = existsSync(ICD);

async function installNavigatorGpu(): Promise<void> {
  process.env.VK_ICD_FILENAMES ??= ICD;
  process.env.XDG_RUNTIME_DIR ??= '/tmp';
  const { create, globals } = await import('webgpu');
  Object.assign(globalThis, globals);
  const g = globalThis as unknown as { navigator?: Record<string, unknown> };
  if (!g.navigator) g.navigator = {};
  Object.defineProperty(g.navigator, 'gpu', { value: create([]), configurable: true, writable: true });
}

describe.skipIf(!hasIcd)(`WebGPU backend in Node (needs ${ICD} from apt chromium, and apt libvulkan1)`, () => {
  afterAll(async () => {
    const tf = await import('@tensorflow/tfjs');
    const backend = tf.findBackend('webgpu') as { device?: GPUDevice } | null;
    const device = backend?.device;
    if (tf.findBackendFactory('webgpu')) tf.removeBackend('webgpu');
    device?.destroy();
    delete (globalThis as { navigator?: { gpu?: unknown } }).navigator!.gpu;
  });

  it('runs on a SwiftShader adapter, passes the self-check and reports validation errors', async () => {
    await installNavigatorGpu();
    const tf = await import('@tensorflow/tfjs');
    const { selectBackend } = await import('./backend');
    const gpuErrors: string[] = [];
    const choice = await selectBackend({ requested: 'webgpu', hooks: { onGpuError: (m) => gpuErrors.push(m) } });
    expect(choice.backend).toBe('webgpu');
    expect(choice.adapter?.isFallbackAdapter).toBe(true);
    expect(choice.selfCheck.maxRelError).toBeLessThan(1e-4);
    expect(gpuErrors).toEqual([]);

    // addN over more inputs than the device's storage-buffer limit: an invalid pipeline on WebGPU.
    const inputs = Array.from({ length: 16 }, (_, i) => tf.fill([4], i + 1));
    const sum = tf.addN(inputs);
    await sum.data();
    await (tf.backend() as unknown as { device: GPUDevice }).device.queue.onSubmittedWorkDone();
    await new Promise((resolve) => setTimeout(resolve, 50));
    tf.dispose([...inputs, sum]);
    expect(gpuErrors.join('\n')).toMatch(/WebGPU error/);
  });
});
