/**
 * The WebGPU backend for real, in Node (dawn.node over SwiftShader). Checks the self-check passes on
 * WebGPU, that a validation error — which the GPU reports only asynchronously while the op returns
 * zeros — reaches the error hook, and that a destroyed device is reported as lost. The validation error
 * is caused on purpose.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { installNodeWebGpu, nodeWebGpuAvailable, SWIFTSHADER_ICD, uninstallNodeWebGpu } from './nodeWebGpu';

describe.skipIf(!nodeWebGpuAvailable())(`WebGPU backend in Node (needs ${SWIFTSHADER_ICD} from apt chromium, and apt libvulkan1)`, () => {
  afterAll(uninstallNodeWebGpu);
  const gpuErrors: string[] = [];
  const lost: string[] = [];

  it('runs on a SwiftShader adapter, passes the self-check and reports validation errors', async () => {
    await installNodeWebGpu();
    const tf = await import('@tensorflow/tfjs');
    const { selectBackend } = await import('./backend');
    const choice = await selectBackend({ requested: 'webgpu', hooks: { onGpuError: (m) => gpuErrors.push(m), onDeviceLost: (m) => lost.push(m) } });
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

  it('trains one iteration on WebGPU with the same actions and losses as cpu', async () => {
    const tf = await import('@tensorflow/tfjs');
    const { fingerprintDifferences, iterationFingerprint } = await import('./backendAgreement');
    await tf.setBackend('cpu');
    const cpu = await iterationFingerprint();
    await tf.setBackend('webgpu');
    const gpu = await iterationFingerprint();
    expect(fingerprintDifferences(gpu, cpu)).toEqual([]);
  });

  it('reports a destroyed device as lost (reason "destroyed")', async () => {
    const tf = await import('@tensorflow/tfjs');
    const { destroyWebGpuDevice } = await import('./backendFaults');
    await tf.setBackend('webgpu');
    const device = (tf.backend() as unknown as { device: GPUDevice }).device;
    expect(lost).toEqual([]);
    expect(destroyWebGpuDevice()).toBe(true);
    await device.lost;
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(lost).toHaveLength(1);
    expect(lost[0]).toMatch(/^WebGPU device lost \(reason "destroyed"\)/);
    await tf.setBackend('cpu');
  });
});
